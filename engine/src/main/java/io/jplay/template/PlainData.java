package io.jplay.template;

import io.jplay.template.python.PythonTuple;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Template results as plain values (architecture: String, Long, Double, Boolean, List, Map, null).
 * Ansible turns a list or dict result into text and back (literal_eval); for plain data that round trip
 * is an identity, so a copy stands for it.
 */
final class PlainData {

    private PlainData() {
    }

    /** A plain copy of a list/dict made only of plain values, or null if anything else is inside. */
    static Object copyIfPlain(Object value) {
        try {
            return copy(value);
        } catch (NotPlain e) {
            return null;
        }
    }

    /** Normalizes what PythonLiteral produced (sets become lists, big integers stay). */
    static Object normalize(Object value) {
        Object copy = copyIfPlain(value);
        return copy != null || value == null ? copy : value;
    }

    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static Object copy(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof ScopeView) {
            throw new NotPlain();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(copy(e.getKey()), copy(e.getValue()));
            }
            return out;
        }
        if (value instanceof Map.Entry<?, ?> entry) {
            List<Object> pair = new ArrayList<>(2);
            pair.add(copy(entry.getKey()));
            pair.add(copy(entry.getValue()));
            return pair;
        }
        if (value instanceof PythonTuple tuple) {
            List<Object> out = new ArrayList<>(tuple.size());
            for (Object item : tuple) {
                out.add(copy(item));
            }
            return out;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> out = new ArrayList<>(collection.size());
            for (Object item : collection) {
                out.add(copy(item));
            }
            return out;
        }
        throw new NotPlain();
    }
}
