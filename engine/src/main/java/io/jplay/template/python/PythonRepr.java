package io.jplay.template.python;

import io.jplay.template.Undefined;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Python's {@code str()} and {@code repr()} of template values: what Ansible prints when a value lands in
 * text ({@code True}, {@code None}, {@code ['a', 1]}, {@code {'a': None}}, {@code 1e+20}). Printing an
 * {@link Undefined} raises its error, as Jinja2's StrictUndefined does.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /**
     * The template's own values: an undefined raises its error, tuples and Jinjava's (key, value) entries are
     * tuples, sets are sets, and any other non-plain object prints as its text (as Jinjava's do).
     */
    private static final io.jplay.python.PythonRepr.Custom TEMPLATE = (value, nested) -> {
        if (value instanceof Undefined undefined) {
            throw undefined.fail();
        }
        if (value instanceof PythonTuple tuple) {
            StringBuilder out = new StringBuilder("(");
            items(out, tuple.iterator(), nested);
            return out.append(tuple.size() == 1 ? ",)" : ")").toString();
        }
        if (value instanceof Map.Entry<?, ?> entry) {
            // Jinjava's items/dictsort yield entries where Python has (key, value) tuples
            return "(" + nested.apply(entry.getKey()) + ", " + nested.apply(entry.getValue()) + ")";
        }
        if (value instanceof Set<?> set) {
            if (set.isEmpty()) {
                return "set()";
            }
            StringBuilder out = new StringBuilder("{");
            items(out, set.iterator(), nested);
            return out.append('}').toString();
        }
        if (value == null || value instanceof Boolean || value instanceof Number || value instanceof CharSequence
                || value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Object[]) {
            return null;
        }
        return value.toString();
    };

    private static void items(StringBuilder out, Iterator<?> items, Function<Object, String> nested) {
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(nested.apply(items.next()));
        }
    }

    /** Python's {@code str(value)}. */
    public static String str(Object value) {
        return io.jplay.python.PythonRepr.str(value, TEMPLATE);
    }

    /** Python's {@code repr(value)}. */
    public static String repr(Object value) {
        return io.jplay.python.PythonRepr.repr(value, TEMPLATE);
    }
}
