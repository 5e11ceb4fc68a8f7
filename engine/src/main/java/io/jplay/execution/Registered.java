package io.jplay.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code register} stores: the result without Ansible's internal {@code _ansible_*} keys and without
 * {@code invocation} (strip_internal_keys in the strategy).
 */
final class Registered {

    private Registered() {
    }

    static Map<String, Object> clean(Map<String, Object> result) {
        Map<String, Object> out = new LinkedHashMap<>();
        result.forEach((k, v) -> {
            if (!k.startsWith("_ansible_") && !k.equals("invocation")) {
                out.put(k, strip(v));
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object strip(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> {
                if (!k.startsWith("_ansible_")) {
                    out.put(k, strip(v));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(strip(v)));
            return out;
        }
        return value;
    }
}
