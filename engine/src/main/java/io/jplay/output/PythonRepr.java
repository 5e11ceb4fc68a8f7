package io.jplay.output;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of plain values, as the default callback prints loop items
 * with {@code "(item=%s)" % item}: strings bare at top level, quoted inside lists and dicts.
 */
final class PythonRepr {

    private PythonRepr() {
    }

    /** {@code str(value)}. */
    static String str(Object value) {
        // CharSequence: String and !unsafe text alike
        return value instanceof CharSequence s ? s.toString() : repr(value);
    }

    /** {@code repr(value)}. */
    static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        repr(out, value);
        return out.toString();
    }

    private static void repr(StringBuilder out, Object value) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : floatRepr(d));
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof CharSequence s) {
            quote(out, s.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                repr(out, e.getKey());
                out.append(": ");
                repr(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                repr(out, item);
            }
            out.append(']');
        } else {
            quote(out, value.toString());
        }
    }

    /** Python picks single quotes unless the text has a single quote and no double quote. */
    private static void quote(StringBuilder out, String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(q);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == q || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else if (c >= 0x80 && !isPrintable(c)) {
                out.append(c <= 0xff ? String.format("\\x%02x", c)
                        : c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            } else {
                out.appendCodePoint(c);
            }
        }
        out.append(q);
    }

    private static boolean isPrintable(int c) {
        int type = Character.getType(c);
        return !(type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (type == Character.SPACE_SEPARATOR && c != ' '));
    }

    /** Python's repr(float): see {@link io.jplay.python.PythonRepr#floatRepr}. */
    static String floatRepr(double d) {
        return io.jplay.python.PythonRepr.floatRepr(d);
    }
}
