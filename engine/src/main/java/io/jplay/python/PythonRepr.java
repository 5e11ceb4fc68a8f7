package io.jplay.python;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Python's {@code str()} and {@code repr()} of plain values ({@code True}, {@code None}, {@code ['a', 1]},
 * {@code {'a': None}}, {@code 1e+20}). A caller with values of its own (Jinja's undefined and tuples, vaulted
 * text) gives a {@link Custom}; without one, an object of any other type is the repr of its text.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /** A caller's own types: their repr (given the repr of nested values), or null for the plain rules. */
    public interface Custom {
        String repr(Object value, Function<Object, String> nested);
    }

    private static final Custom PLAIN = (value, nested) -> null;

    /**
     * Python's str() of a vaulted value decrypts it; with no vault secrets (jplay has none yet) Ansible fails
     * so, as the inventory's messages and graphs do.
     */
    public static final Custom NO_VAULT_SECRETS = (value, nested) -> {
        if (value instanceof io.jplay.yaml.VaultText) {
            throw new io.jplay.error.JplayException("Attempting to decrypt but no vault secrets found");
        }
        return null;
    };

    /** Python's {@code str(value)}: text as it is, anything else as its repr. */
    public static String str(Object value) {
        return str(value, PLAIN);
    }

    public static String str(Object value, Custom custom) {
        return value instanceof CharSequence s ? s.toString() : repr(value, custom);
    }

    /** Python's {@code repr(value)}. */
    public static String repr(Object value) {
        return repr(value, PLAIN);
    }

    public static String repr(Object value, Custom custom) {
        StringBuilder out = new StringBuilder();
        append(out, value, custom);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, Custom custom) {
        String own = custom.repr(value, nested -> repr(nested, custom));
        if (own != null) {
            out.append(own);
        } else if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            out.append(floatRepr(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof CharSequence s) {
            out.append(stringRepr(s.toString()));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                append(out, e.getKey(), custom);
                out.append(": ");
                append(out, e.getValue(), custom);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            appendItems(out, list.iterator(), custom);
            out.append(']');
        } else if (value instanceof Object[] array) {
            out.append('[');
            appendItems(out, List.of(array).iterator(), custom);
            out.append(']');
        } else {
            out.append(stringRepr(value.toString()));
        }
    }

    /** The items' reprs, joined by {@code ", "}. */
    public static void appendItems(StringBuilder out, Iterator<?> items, Custom custom) {
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            append(out, items.next(), custom);
        }
    }

    /**
     * Python's repr of a str: single quotes unless the text has a single quote and no double quote; control
     * and other non-printable characters escaped ({@code \x85}, {@code \u200b}, {@code \U000e0001}).
     */
    public static String stringRepr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(q);
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
        return out.append(q).toString();
    }

    /** Python's str.isprintable() for one character. */
    private static boolean isPrintable(int c) {
        int type = Character.getType(c);
        return !(type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (type == Character.SPACE_SEPARATOR && c != ' '));
    }

    /** The decimal with the fewest digits that reads back as {@code d}, the closest one among those. */
    static BigDecimal shortest(double d) {
        BigDecimal value = new BigDecimal(d);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal candidate = value.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return value.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /**
     * Python's {@code repr(float)}: shortest round-trip digits (Java 17's Double.toString is not always the
     * shortest), positional when 1e-4 <= |d| < 1e16, else {@code d.ddde+XX}; {@code nan}, {@code inf}.
     */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = shortest(d);
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
            return sign + mantissa + "e" + exp;
        }
        String plain = exact.abs().toPlainString();
        if (!plain.contains(".")) {
            plain = plain + ".0";
        }
        return sign + plain;
    }
}
