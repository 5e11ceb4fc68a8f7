package io.jplay.template.python;

import io.jplay.template.Undefined;
import io.jplay.yaml.UnsafeText;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code str()} and {@code repr()} of template values: what Ansible prints when a value lands in
 * text ({@code True}, {@code None}, {@code ['a', 1]}, {@code {'a': None}}, {@code 1e+20}). Printing an
 * {@link Undefined} raises its error, as Jinja2's StrictUndefined does.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /** Python's {@code str(value)}. */
    public static String str(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        return repr(value);
    }

    /** Python's {@code repr(value)}. */
    public static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, Object value) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Undefined undefined) {
            throw undefined.fail();
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(floatRepr(((Number) value).doubleValue()));
        } else if (value instanceof BigDecimal decimal) {
            out.append(floatRepr(decimal.doubleValue()));
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof CharSequence || value instanceof UnsafeText) {
            appendStringRepr(out, value.toString());
        } else if (value instanceof PythonTuple tuple) {
            out.append('(');
            appendItems(out, tuple.iterator());
            if (tuple.size() == 1) {
                out.append(',');
            }
            out.append(')');
        } else if (value instanceof Map.Entry<?, ?> entry) {
            // Jinjava's items/dictsort yield entries where Python has (key, value) tuples
            out.append('(');
            appendRepr(out, entry.getKey());
            out.append(", ");
            appendRepr(out, entry.getValue());
            out.append(')');
        } else if (value instanceof List<?> list) {
            out.append('[');
            appendItems(out, list.iterator());
            out.append(']');
        } else if (value instanceof Set<?> set) {
            if (set.isEmpty()) {
                out.append("set()");
            } else {
                out.append('{');
                appendItems(out, set.iterator());
                out.append('}');
            }
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                appendRepr(out, entry.getKey());
                out.append(": ");
                appendRepr(out, entry.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> collection) {
            out.append('[');
            appendItems(out, collection.iterator());
            out.append(']');
        } else if (value instanceof Object[] array) {
            out.append('[');
            appendItems(out, List.of(array).iterator());
            out.append(']');
        } else {
            out.append(value);
        }
    }

    private static void appendItems(StringBuilder out, Iterator<?> items) {
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            appendRepr(out, items.next());
        }
    }

    /** Python picks single quotes unless the text holds a single quote and no double quote. */
    static void appendStringRepr(StringBuilder out, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append(quote);
    }

    /** Python's repr(float): see {@link io.jplay.python.PythonRepr#floatRepr}. */
    public static String floatRepr(double d) {
        return io.jplay.python.PythonRepr.floatRepr(d);
    }
}
