package io.jplay.template.el;

import io.jplay.template.Undefined;
import io.jplay.template.python.PythonValues;
import jinjava.javax.el.ELContext;

import java.util.List;
import java.util.Map;

/**
 * Jinja2's attribute and item lookup: a missing dict key or list index gives an {@link Undefined} naming
 * it (so {@code x.y | default(..)} works and printing it says what is missing), attributes of an
 * Undefined are the same Undefined, lists and strings take negative indexes.
 */
public final class PythonAttributeResolver extends ReadOnlyResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base instanceof Undefined) {
            context.setPropertyResolved(true);
            return base;
        }
        if (base instanceof Map<?, ?> wrapped) {
            Map<?, ?> map = unwrap(wrapped);
            Object key = property;
            Long number = asIndex(key);
            if (!map.containsKey(key) && number != null) {
                // Jinjava hands every subscript over as text ("1"): find an int key of that value
                for (Object candidate : map.keySet()) {
                    if (candidate instanceof Number c && io.jplay.python.PythonValues.compareNumbers(c, number) == 0) {
                        key = candidate;
                        break;
                    }
                }
            }
            if (map.containsKey(key)) {
                context.setPropertyResolved(true);
                return map.get(key);
            }
            if (key instanceof String s && isDictMethodName(s)) {
                return null;
            }
            context.setPropertyResolved(true);
            return Undefined.attribute(map, property);
        }
        if (base instanceof List<?> list) {
            Long index = asIndex(property);
            if (index == null) {
                context.setPropertyResolved(true);
                return Undefined.attribute(base, property);
            }
            long i = index < 0 ? index + list.size() : index;
            context.setPropertyResolved(true);
            if (i < 0 || i >= list.size()) {
                return Undefined.element(property);
            }
            return list.get((int) i);
        }
        if (base instanceof CharSequence text) {
            Long index = asIndex(property);
            if (index == null) {
                context.setPropertyResolved(true);
                return Undefined.attribute(base, property);
            }
            long i = index < 0 ? index + text.length() : index;
            context.setPropertyResolved(true);
            if (i < 0 || i >= text.length()) {
                return Undefined.withMessage("str object has no element " + property);
            }
            return String.valueOf(text.charAt((int) i));
        }
        if (base instanceof Number || base instanceof Boolean) {
            context.setPropertyResolved(true);
            return Undefined.attribute(base, property);
        }
        return null;
    }

    /** Jinjava's PyMap turns every key into a string; Python does not ({@code d[1]} is not {@code d['1']}). */
    private static Map<?, ?> unwrap(Map<?, ?> map) {
        while (map instanceof com.hubspot.jinjava.objects.collections.PyMap py && py.toMap() != map) {
            map = py.toMap();
        }
        return map;
    }

    private static boolean isDictMethodName(String name) {
        return switch (name) {
            case "items", "keys", "values", "get", "pop", "update", "copy", "setdefault" -> true;
            default -> false;
        };
    }

    private static Long asIndex(Object property) {
        if (property instanceof Long || property instanceof Integer || property instanceof Short) {
            return ((Number) property).longValue();
        }
        if (property instanceof String s && s.matches("-?\\d+")) {
            return Long.parseLong(s);
        }
        return null;
    }
}
