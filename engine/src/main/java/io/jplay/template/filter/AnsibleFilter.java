package io.jplay.template.filter;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;

import java.util.Map;

/**
 * A Jinjava filter backed by a Java function that sees Python-style arguments (positional and keyword).
 * Jinjava's string-only entry point is routed to the same function.
 */
public final class AnsibleFilter implements Filter {

    /** The body of a filter: the piped value and its arguments. */
    @FunctionalInterface
    public interface Body {
        Object apply(Object value, Args args, JinjavaInterpreter interpreter);
    }

    /** A filter body that does not need the interpreter. */
    @FunctionalInterface
    public interface SimpleBody {
        Object apply(Object value, Args args);
    }

    private final String name;
    private final Body body;

    public AnsibleFilter(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    public static AnsibleFilter of(String name, SimpleBody body) {
        return new AnsibleFilter(name, (value, args, interpreter) -> body.apply(value, args));
    }

    /** Runs this filter's body directly (for aliases such as ansible.builtin.name). */
    public Object filterWithArgs(Object value, Args args, JinjavaInterpreter interpreter) {
        return body.apply(value, args, interpreter);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        return body.apply(Py.plain(var), new Args(args, kwargs), interpreter);
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return body.apply(Py.plain(var), new Args(args, Map.of()), interpreter);
    }

    @Override
    public boolean preserveSafeString() {
        return false;
    }
}
