package io.jplay.template.filter;

import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.util.HasObjectTruthValue;
import io.jplay.error.JplayException;
import io.jplay.python.PythonValues;
import io.jplay.template.python.PythonRepr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's view of jplay's plain Java values: truthiness, {@code str()}/{@code repr()}, {@code int()},
 * {@code float()}, equality and ordering by value (so {@code Integer 1 == Long 1 == Double 1.0}).
 * Filters, tests and lookups use these so they behave as Ansible's Python does.
 */
public final class Py {

    private Py() {
    }

    /** Python's bool(value). */
    public static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof HasObjectTruthValue special) {
            // the Templar's Undefined raises its "'x' is undefined" error here, as Jinja2's StrictUndefined does
            return special.getObjectTruthValue();
        }
        return PythonValues.isTrue(value);
    }

    /**
     * Raises the error of an undefined value handed to a filter or test that cannot take one. The Templar's
     * Undefined refuses to be tested for truth; probing every value Jinjava may test that way is harmless
     * for defined ones.
     */
    public static void refuseUndefined(Object value) {
        if (value instanceof HasObjectTruthValue special) {
            special.getObjectTruthValue();
        }
    }

    /** Whether a value is undefined: null in a plain Jinjava, or a value that refuses its truth value. */
    public static boolean isUndefined(Object value) {
        if (value == null) {
            return true;
        }
        try {
            refuseUndefined(value);
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    public static boolean isIntegral(Object n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof java.math.BigInteger;
    }

    public static boolean isNumber(Object value) {
        return value instanceof Number;
    }

    public static boolean isString(Object value) {
        return value instanceof CharSequence;
    }

    /** Python's str(value), as the Templar prints values. */
    public static String str(Object value) {
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        return PythonRepr.str(value);
    }

    /** Python's repr(value). */
    public static String repr(Object value) {
        return PythonRepr.repr(value);
    }

    /** Python's repr of a str: single quotes unless the text holds a single quote and no double quote. */
    public static String stringRepr(String s) {
        return io.jplay.python.PythonRepr.stringRepr(s);
    }

    /** Python's repr(float): shortest round-tripping digits, {@code 1.0}, {@code 1e+16}, {@code inf}, {@code nan}. */
    public static String floatRepr(double d) {
        return io.jplay.python.PythonRepr.floatRepr(d);
    }

    /** Python's int(value) for the values templates meet; null when not convertible. */
    public static Long toLongOrNull(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Number n) {
            if (n instanceof Double || n instanceof Float) {
                double d = n.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return null;
                }
            }
            return n.longValue();
        }
        if (value instanceof CharSequence s) {
            String text = s.toString().strip().replace("_", "");
            try {
                return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Python's float(value); null when not convertible. */
    public static Double toDoubleOrNull(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof CharSequence s) {
            String text = s.toString().strip().toLowerCase();
            switch (text) {
                case "inf", "+inf", "infinity", "+infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-inf", "-infinity" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                case "nan", "+nan", "-nan" -> {
                    return Double.NaN;
                }
                default -> {
                }
            }
            if (!text.matches("[+-]?(\\d[\\d_]*\\.?[\\d_]*|\\.\\d[\\d_]*)(e[+-]?\\d+)?")) {
                return null;
            }
            return Double.parseDouble(text.replace("_", ""));
        }
        return null;
    }

    /** A number as Long when integral, else Double: the result type filters hand back. */
    public static Number normalize(Number n) {
        if (n instanceof Double || n instanceof Long) {
            return n;
        }
        if (n instanceof Float f) {
            return f.doubleValue();
        }
        if (n instanceof BigDecimal b) {
            return b.doubleValue();
        }
        return n.longValue();
    }

    /** Values as they enter a filter: numbers normalised to Long/Double, SafeString to String. */
    public static Object plain(Object value) {
        if (value instanceof SafeString s) {
            return s.toString();
        }
        if (value instanceof Number n && !(n instanceof Long) && !(n instanceof Double)) {
            return normalize(n);
        }
        return value;
    }

    /** Python's ==, comparing numbers (and bools, which are ints in Python) by value. */
    public static boolean equal(Object a, Object b) {
        return PythonValues.equal(a, b, Py::plain);
    }

    /** Python's ordering (numbers by value, strings by code point, lists lexicographically). */
    public static int compare(Object a, Object b) {
        a = plain(a);
        b = plain(b);
        if (a instanceof Boolean x) {
            a = x ? 1L : 0L;
        }
        if (b instanceof Boolean x) {
            b = x ? 1L : 0L;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (isIntegral(x) && isIntegral(y)) {
                return Long.compare(x.longValue(), y.longValue());
            }
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) {
            return x.toString().compareTo(y.toString());
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = compare(x.get(i), y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        throw new JplayException("'<' not supported between instances of '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    /** Python's type(value).__name__ as Ansible reports it. */
    public static String typeName(Object value) {
        value = plain(value);
        if (value instanceof io.jplay.yaml.UnsafeText) {
            return "AnsibleUnsafeText";
        }
        if (value instanceof NativeText) {
            return "NativeJinjaText";
        }
        if (Tuple.isTuple(value)) {
            return "tuple";
        }
        return io.jplay.python.PythonTypes.name(value);
    }

    /** Iterates a value as Python's list(value) would: lists, other iterables, a dict's keys, a string's characters. */
    public static List<Object> iterate(Object value) {
        value = plain(value);
        List<Object> out = new ArrayList<>();
        if (value instanceof Map<?, ?> m) {
            out.addAll(m.keySet());
        } else if (value instanceof Iterable<?> it) {
            for (Object o : it) {
                out.add(o);
            }
        } else if (value instanceof Iterator<?> it) {
            it.forEachRemaining(out::add);
        } else if (value instanceof CharSequence s) {
            s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        } else if (value instanceof Object[] array) {
            out.addAll(List.of(array));
        } else {
            throw new JplayException("'" + typeName(value) + "' object is not iterable");
        }
        return out;
    }

    public static boolean isIterable(Object value) {
        value = plain(value);
        return value instanceof Iterable || value instanceof Map || value instanceof CharSequence
                || value instanceof Object[] || value instanceof Iterator;
    }

    /** Ansible's is_sequence: iterable but not a string or a mapping. */
    public static boolean isSequence(Object value) {
        return value instanceof Iterable || value instanceof Object[];
    }
}
