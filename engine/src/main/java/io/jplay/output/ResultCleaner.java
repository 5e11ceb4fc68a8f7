package io.jplay.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TaskResult.clean_copy and strip_internal_keys: what callbacks see of a result. With no_log only a
 * "censored" message (and attempts/changed/retries) is left; otherwise failed/skipped (the event says it)
 * and the _ansible_ keys callbacks do not need are removed.
 */
public final class ResultCleaner {

    static final String CENSORED = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

    private static final List<String> PRESERVE = List.of("attempts", "changed", "retries");
    private static final List<String> DELEGATED_VARS_KEPT = List.of("ansible_host", "ansible_port", "ansible_user", "ansible_connection");
    private static final Set<String> CLEAN_EXCEPTIONS = Set.of(
            "_ansible_verbose_always", "_ansible_item_label", "_ansible_no_log", "_ansible_verbose_override");

    private ResultCleaner() {
    }

    public static TaskResult cleanCopy(TaskResult raw) {
        Map<String, Object> source = raw.result();
        Map<String, Object> subset = new LinkedHashMap<>();
        if (source.get("_ansible_delegated_vars") instanceof Map<?, ?> delegated) {
            Map<String, Object> kept = new LinkedHashMap<>();
            for (String key : DELEGATED_VARS_KEPT) {
                if (delegated.containsKey(key)) {
                    kept.put(key, delegated.get(key));
                }
            }
            subset.put("_ansible_delegated_vars", kept);
        }
        Map<String, Object> cleaned;
        if (raw.task().noLog() || Boolean.TRUE.equals(source.get("_ansible_no_log"))) {
            cleaned = new LinkedHashMap<>();
            cleaned.put("censored", CENSORED);
            for (String key : PRESERVE) {
                if (source.containsKey(key)) {
                    cleaned.put(key, source.get(key));
                }
            }
        } else {
            cleaned = deepCopy(source);
            cleaned.remove("failed");
            cleaned.remove("skipped");
            if (raw.task().isDebug()) {
                // debug is verbose by default to display vars, no need to add invocation
                cleaned.remove("invocation");
            }
            stripInternalKeys(cleaned, CLEAN_EXCEPTIONS);
        }
        cleaned.putAll(subset);
        return new TaskResult(raw.host(), raw.task(), cleaned, raw.taskName());
    }

    /** Removes keys starting with _ansible_ (except {@code exceptions}) at every depth. */
    @SuppressWarnings("unchecked")
    static void stripInternalKeys(Object dirty, Set<String> exceptions) {
        if (dirty instanceof Map<?, ?> map) {
            Map<Object, Object> m = (Map<Object, Object>) map;
            m.keySet().removeIf(k -> k instanceof String s && s.startsWith("_ansible_") && !exceptions.contains(s));
            m.values().forEach(v -> stripInternalKeys(v, exceptions));
        } else if (dirty instanceof List<?> list) {
            list.forEach(v -> stripInternalKeys(v, exceptions));
        }
    }

    /** A mutable deep copy of maps and lists (leaves are immutable values). */
    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }
}
