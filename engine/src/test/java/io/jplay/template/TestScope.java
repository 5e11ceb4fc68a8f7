package io.jplay.template;

import java.util.LinkedHashMap;
import java.util.Map;

/** A host's variables for tests: a plain map of raw values. */
final class TestScope extends LinkedHashMap<String, Object> implements VariableScope {

    private final String host;

    TestScope(String host, Map<String, ?> vars) {
        super(vars);
        this.host = host;
    }

    TestScope(Map<String, ?> vars) {
        this("localhost", vars);
    }

    @Override
    public String hostName() {
        return host;
    }
}
