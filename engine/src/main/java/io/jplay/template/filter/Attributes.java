package io.jplay.template.filter;

import java.util.List;
import java.util.Map;

/**
 * Jinja2's attribute lookup for filters that take {@code attribute=}: a dotted path whose parts are keys of
 * mappings or, when they are digits, indexes of lists ({@code "users.0.name"}). A missing part gives null
 * (Jinja2's Undefined).
 */
public final class Attributes {

    private Attributes() {
    }

    public static Object get(Object item, Object attribute) {
        if (attribute instanceof Number n) {
            return index(item, n.longValue());
        }
        Object current = item;
        for (String part : Py.str(attribute).split("\\.")) {
            if (current == null) {
                return null;
            }
            current = step(current, part);
        }
        return current;
    }

    /** Whether every part of the path exists (a present key holding None counts as present). */
    public static boolean has(Object item, Object attribute) {
        if (attribute instanceof Number n) {
            return index(item, n.longValue()) != null || indexExists(item, n.longValue());
        }
        Object current = item;
        for (String part : Py.str(attribute).split("\\.")) {
            if (current instanceof Map<?, ?> map && map.containsKey(part)) {
                current = Py.plain(map.get(part));
            } else if (current instanceof List<?> list && part.matches("-?\\d+") && indexExists(list, Long.parseLong(part))) {
                current = index(list, Long.parseLong(part));
            } else {
                return false;
            }
        }
        return true;
    }

    /** Jinja2's error for using a missing attribute: "'dict object' has no attribute 'x'". */
    public static String missingMessage(Object item, Object attribute) {
        Object current = item;
        for (String part : Py.str(attribute).split("\\.")) {
            if (current instanceof Map<?, ?> map && map.containsKey(part)) {
                current = Py.plain(map.get(part));
            } else if (current instanceof List<?> list && part.matches("-?\\d+") && indexExists(list, Long.parseLong(part))) {
                current = index(list, Long.parseLong(part));
            } else {
                return "'" + Py.typeName(current) + " object' has no attribute '" + part + "'";
            }
        }
        return "'" + Py.typeName(current) + " object' has no attribute '" + attribute + "'";
    }

    private static boolean indexExists(Object current, long index) {
        if (current instanceof List<?> list) {
            long i = index < 0 ? list.size() + index : index;
            return i >= 0 && i < list.size();
        }
        return false;
    }

    private static Object step(Object current, String part) {
        if (current instanceof Map<?, ?> map) {
            if (map.containsKey(part)) {
                return Py.plain(map.get(part));
            }
            if (part.matches("-?\\d+")) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (Py.equal(e.getKey(), Long.parseLong(part))) {
                        return Py.plain(e.getValue());
                    }
                }
            }
            return null;
        }
        if (part.matches("-?\\d+")) {
            return index(current, Long.parseLong(part));
        }
        return null;
    }

    private static Object index(Object current, long index) {
        if (current instanceof List<?> list) {
            long i = index < 0 ? list.size() + index : index;
            return i >= 0 && i < list.size() ? Py.plain(list.get((int) i)) : null;
        }
        if (current instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (Py.equal(e.getKey(), index)) {
                    return Py.plain(e.getValue());
                }
            }
        }
        return null;
    }
}
