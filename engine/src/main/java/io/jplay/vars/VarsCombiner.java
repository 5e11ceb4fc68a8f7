package io.jplay.vars;

import io.jplay.error.JplayException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's {@code combine_vars} and {@code merge_hash} (utils/vars.py): how one level of variables is laid
 * over another. Results are new maps; the inputs are never changed.
 */
public final class VarsCombiner {

    /** The list_merge modes of merge_hash (and of the combine filter). */
    public enum ListMerge { REPLACE, KEEP, APPEND, PREPEND, APPEND_RP, PREPEND_RP }

    private VarsCombiner() {
    }

    /** Lays {@code high} over {@code low}: a copy of low, with high's keys replacing (or merging into) low's. */
    public static Map<String, Object> combine(Map<String, ?> low, Map<String, ?> high, HashBehaviour behaviour) {
        if (behaviour == HashBehaviour.MERGE) {
            return mergeHash(low, high, true, ListMerge.REPLACE);
        }
        // Python's `a | b`: keys of a keep their position, values from b win, new keys of b go last.
        Map<String, Object> result = new LinkedHashMap<>(low);
        result.putAll(high);
        return result;
    }

    /** merge_hash(x, y, recursive, list_merge): y's entries win over x's; nested dicts merge when recursive. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mergeHash(Map<String, ?> x, Map<String, ?> y, boolean recursive,
                                                ListMerge listMerge) {
        if (x.isEmpty() || x.equals(y)) {
            return new LinkedHashMap<>(y);
        }
        Map<String, Object> result = new LinkedHashMap<>(x);
        for (Map.Entry<String, ?> entry : y.entrySet()) {
            String key = entry.getKey();
            Object yValue = entry.getValue();
            if (!result.containsKey(key)) {
                result.put(key, yValue);
                continue;
            }
            Object xValue = result.get(key);
            if (xValue instanceof Map && yValue instanceof Map) {
                result.put(key, recursive
                        ? mergeHash((Map<String, ?>) xValue, (Map<String, ?>) yValue, true, listMerge)
                        : yValue);
                continue;
            }
            if (xValue instanceof List && yValue instanceof List) {
                result.put(key, mergeLists((List<Object>) xValue, (List<Object>) yValue, listMerge));
                continue;
            }
            result.put(key, yValue);
        }
        return result;
    }

    private static Object mergeLists(List<Object> low, List<Object> high, ListMerge mode) {
        List<Object> merged = new ArrayList<>();
        switch (mode) {
            case REPLACE -> {
                return high;
            }
            case KEEP -> {
                return low;
            }
            case APPEND -> {
                merged.addAll(low);
                merged.addAll(high);
            }
            case PREPEND -> {
                merged.addAll(high);
                merged.addAll(low);
            }
            case APPEND_RP -> {
                low.stream().filter(item -> !high.contains(item)).forEach(merged::add);
                merged.addAll(high);
            }
            case PREPEND_RP -> {
                merged.addAll(high);
                low.stream().filter(item -> !high.contains(item)).forEach(merged::add);
            }
            default -> throw new JplayException("merge_hash: unknown list_merge " + mode);
        }
        return merged;
    }
}
