package io.jplay.template.filter;

import io.jplay.error.JplayException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ansible's merge_hash (utils/vars.py): y merged into a copy of x, as the combine filter does it. */
public final class MergeHash {

    private static final List<String> LIST_MERGES = List.of("replace", "keep", "append", "prepend", "append_rp", "prepend_rp");

    private MergeHash() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<String, Object> x, Map<String, Object> y, boolean recursive, String listMerge) {
        if (!LIST_MERGES.contains(listMerge)) {
            throw new JplayException("merge_hash: 'list_merge' argument can only be equal to 'replace', 'keep', 'append', "
                    + "'prepend', 'append_rp' or 'prepend_rp'");
        }
        if (x.isEmpty() || Py.equal(x, y)) {
            return new LinkedHashMap<>(y);
        }
        Map<String, Object> result = new LinkedHashMap<>(x);
        if (!recursive && listMerge.equals("replace")) {
            result.putAll(y);
            return result;
        }
        for (Map.Entry<String, Object> entry : y.entrySet()) {
            String key = entry.getKey();
            Object yValue = entry.getValue();
            if (!result.containsKey(key)) {
                result.put(key, yValue);
                continue;
            }
            Object xValue = result.get(key);
            if (xValue instanceof Map<?, ?> xm && yValue instanceof Map<?, ?> ym) {
                result.put(key, recursive ? merge((Map<String, Object>) xm, (Map<String, Object>) ym, true, listMerge) : yValue);
                continue;
            }
            if (xValue instanceof List<?> xl && yValue instanceof List<?> yl) {
                List<Object> merged = new ArrayList<>();
                switch (listMerge) {
                    case "keep" -> merged.addAll(xl);
                    case "append" -> {
                        merged.addAll(xl);
                        merged.addAll(yl);
                    }
                    case "prepend" -> {
                        merged.addAll(yl);
                        merged.addAll(xl);
                    }
                    case "append_rp" -> {
                        xl.stream().filter(z -> !CollectionFilters.contains(new ArrayList<>(yl), z)).forEach(merged::add);
                        merged.addAll(yl);
                    }
                    case "prepend_rp" -> {
                        merged.addAll(yl);
                        xl.stream().filter(z -> !CollectionFilters.contains(new ArrayList<>(yl), z)).forEach(merged::add);
                    }
                    default -> merged.addAll(yl);
                }
                result.put(key, merged);
                continue;
            }
            result.put(key, yValue);
        }
        return result;
    }
}
