package io.jplay.python;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Python's value semantics for jplay's plain values. */
public final class PythonValues {

    private PythonValues() {
    }

    /**
     * Python's {@code bool(value)}: None, False, zero, and empty text, collections, mappings and arrays are
     * false; anything else is true. Callers with values of their own (Jinja's undefined) handle them first.
     */
    public static boolean isTrue(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0; // exact for every integer type too: a non-zero integer is never 0.0
        }
        if (value instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(value) > 0;
        }
        return true;
    }

    /** Python's {@code ==}: numbers (and bools, which are ints) by exact value, nan equal to nothing. */
    public static boolean equal(Object a, Object b) {
        return equal(a, b, UnaryOperator.identity());
    }

    /**
     * Python's {@code ==} where a caller has values of its own: {@code view} turns each value compared, nested
     * ones too, into a plain one (or raises, as an undefined does).
     */
    public static boolean equal(Object a, Object b, UnaryOperator<Object> view) {
        a = view.apply(a);
        b = view.apply(b);
        if (isNumeric(a) && isNumeric(b)) {
            return !isNaN(a) && !isNaN(b) && compareNumbers(a, b) == 0;
        }
        if (a == b) {
            return true;
        }
        if (a == null || b == null || isNumeric(a) || isNumeric(b)) {
            return false;
        }
        if (a instanceof CharSequence && b instanceof CharSequence) {
            return a.toString().equals(b.toString());
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> ix = x.iterator();
            Iterator<?> iy = y.iterator();
            while (ix.hasNext()) {
                if (!equal(ix.next(), iy.next(), view)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                Object key = findKey(y, e.getKey(), view);
                if (key == MISSING || !equal(e.getValue(), y.get(key), view)) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static final Object MISSING = new Object();

    /** The key of {@code map} equal to {@code key} as Python's dict lookup finds it ({@code 1} finds {@code 1.0}). */
    private static Object findKey(Map<?, ?> map, Object key, UnaryOperator<Object> view) {
        if (map.containsKey(key)) {
            return key;
        }
        for (Object k : map.keySet()) {
            if (equal(k, key, view)) {
                return k;
            }
        }
        return MISSING;
    }

    /** Python counts bools as ints (True == 1). */
    public static boolean isNumeric(Object o) {
        return o instanceof Number || o instanceof Boolean;
    }

    private static boolean isNaN(Object o) {
        return (o instanceof Double || o instanceof Float) && Double.isNaN(((Number) o).doubleValue());
    }

    /** Numbers (and bools) by exact value; infinities beyond every finite number. */
    public static int compareNumbers(Object a, Object b) {
        return toBigDecimal(a).compareTo(toBigDecimal(b));
    }

    private static BigDecimal toBigDecimal(Object o) {
        if (o instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (o instanceof BigDecimal d) {
            return d;
        }
        if (o instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return d > 0 ? BigDecimal.valueOf(Double.MAX_VALUE).multiply(BigDecimal.TEN)
                        : BigDecimal.valueOf(-Double.MAX_VALUE).multiply(BigDecimal.TEN);
            }
            return new BigDecimal(d);
        }
        return BigDecimal.valueOf(((Number) o).longValue());
    }

    /** Python's ordering of str: by code point (Java's compareTo compares UTF-16 units). */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
