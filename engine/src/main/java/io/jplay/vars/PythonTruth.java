package io.jplay.vars;

import java.util.Collection;
import java.util.Map;

/** Python's truth test on loaded data ({@code if new_data:}): empty strings, collections, 0 and None are false. */
final class PythonTruth {

    private PythonTruth() {
    }

    static boolean isTruthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof CharSequence text) {
            return text.length() > 0;
        }
        if (value instanceof Collection<?> collection) {
            return !collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        return true;
    }
}
