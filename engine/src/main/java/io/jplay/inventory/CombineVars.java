package io.jplay.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ansible's {@code combine_vars}: with hash_behaviour=replace (the default) later top-level keys replace
 * earlier ones; with merge, dicts are merged recursively ({@code merge_hash}, lists replaced).
 */
public final class CombineVars {
    private CombineVars() {
    }

    /** A new map of {@code a} updated with {@code b}. */
    public static Map<String, Object> combine(Map<String, Object> a, Map<String, Object> b, boolean merge) {
        if (merge) {
            return mergeHash(a, b);
        }
        Map<String, Object> result = new LinkedHashMap<>(a);
        result.putAll(b);
        return result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mergeHash(Map<String, Object> x, Map<String, Object> y) {
        if (x.isEmpty() || x.equals(y)) {
            return new LinkedHashMap<>(y);
        }
        Map<String, Object> result = new LinkedHashMap<>(x);
        for (Map.Entry<String, Object> e : y.entrySet()) {
            Object xValue = result.get(e.getKey());
            if (xValue instanceof Map<?, ?> xm && e.getValue() instanceof Map<?, ?> ym) {
                result.put(e.getKey(), mergeHash((Map<String, Object>) xm, (Map<String, Object>) ym));
            } else {
                result.put(e.getKey(), e.getValue());
            }
        }
        return result;
    }
}
