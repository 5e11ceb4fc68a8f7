package io.jplay.python;

import java.util.Collection;
import java.util.Map;

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
