package io.jplay.template.jinjatest;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import io.jplay.template.filter.Args;
import io.jplay.template.filter.Py;

import java.util.List;
import java.util.Map;

/**
 * A Jinja test ({@code x is name(args)}) backed by a Java predicate with Python-style arguments.
 * Jinjava hands a test written with two or more arguments ({@code is version('1.0', '>')}) one List holding
 * them; for tests that take several parameters that List is unpacked.
 */
public final class AnsibleTest implements ExpTest {

    /** The body of a test: the tested value and its arguments. */
    @FunctionalInterface
    public interface Body {
        boolean test(Object value, Args args);
    }

    private final String name;
    private final int parameters;
    private final Body body;

    /** @param parameters how many parameters the test takes besides the value (to know when to unpack). */
    public AnsibleTest(String name, int parameters, Body body) {
        this.name = name;
        this.parameters = parameters;
        this.body = body;
    }

    /** The same test under another name (ansible.builtin.NAME). */
    public AnsibleTest alias(String alias) {
        return new AnsibleTest(alias, parameters, body);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
        Object[] actual = args == null ? new Object[0] : args;
        if (parameters >= 2 && actual.length == 1 && actual[0] instanceof List<?> packed && !packed.isEmpty()
                && !(packed.get(0) instanceof List)) {
            actual = packed.toArray();
        }
        if (!name.equals("defined") && !name.equals("undefined")) {
            Py.refuseUndefined(var);
        }
        return body.test(Py.plain(var), new Args(actual, Map.of()));
    }
}
