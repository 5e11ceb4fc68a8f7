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
    private final boolean acceptsUndefined;

    public AnsibleFilter(String name, Body body) {
        this(name, body, false);
    }

    private AnsibleFilter(String name, Body body, boolean acceptsUndefined) {
        this.name = name;
        this.body = body;
        this.acceptsUndefined = acceptsUndefined;
    }

    /** A filter that looks at undefined values itself (default, mandatory) instead of failing on them. */
    public static AnsibleFilter acceptingUndefined(String name, SimpleBody body) {
        return new AnsibleFilter(name, (value, args, interpreter) -> body.apply(value, args), true);
    }

    /** The same filter under another name (ansible.builtin.NAME). */
    public AnsibleFilter alias(String alias) {
        return new AnsibleFilter(alias, body, acceptsUndefined);
    }

    public static AnsibleFilter of(String name, SimpleBody body) {
        return new AnsibleFilter(name, (value, args, interpreter) -> body.apply(value, args));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        if (!acceptsUndefined) {
            Py.refuseUndefined(var);
        }
        return body.apply(Py.plain(var), new Args(args, kwargs), interpreter);
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        if (!acceptsUndefined) {
            Py.refuseUndefined(var);
        }
        return body.apply(Py.plain(var), new Args(args, Map.of()), interpreter);
    }

    @Override
    public boolean preserveSafeString() {
        return false;
    }
}
