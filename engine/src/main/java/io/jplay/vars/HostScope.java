package io.jplay.vars;

import io.jplay.template.VariableScope;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A host's raw variables at one point of the run, as the Templar reads them. Immutable: the executor makes
 * a new scope with {@link #with} for loop variables and the like.
 */
public final class HostScope extends AbstractMap<String, Object> implements VariableScope {

    private final String hostName;
    private final Map<String, Object> vars;

    public HostScope(String hostName, Map<String, Object> vars) {
        this.hostName = hostName;
        this.vars = Collections.unmodifiableMap(vars);
    }

    @Override
    public String hostName() {
        return hostName;
    }

    /** This scope with more variables on top (loop variables, ansible_loop, item). */
    public HostScope with(Map<String, Object> more) {
        Map<String, Object> combined = new LinkedHashMap<>(vars);
        combined.putAll(more);
        return new HostScope(hostName, combined);
    }

    @Override
    public Object get(Object key) {
        return vars.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return vars.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return vars.entrySet();
    }

    @Override
    public String toString() {
        return "variables of " + (hostName == null ? "no host" : hostName);
    }
}
