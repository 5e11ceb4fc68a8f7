package io.jplay.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ansible.executor.stats.AggregateStats: per-host counters for the PLAY RECAP and the custom stats set_stats
 * records. Thread-safe.
 *
 * <p>How ansible-core 2.14's strategy counts (plugins/strategy/__init__.py _process_pending_results), for
 * the executor: failed and not ignored: FAILURES, or RESCUED when a rescue block takes it; failed with
 * ignore_errors: OK + IGNORED (+ CHANGED when the result says changed); unreachable: DARK, or OK + IGNORED
 * with ignore_unreachable; skipped: SKIPPED; ok: OK (+ CHANGED), except for include tasks, which count OK
 * per host once the included file is processed. set_stats: for each key, {@link #updateCustomStats} when
 * aggregate (the default) else {@link #setCustomStats}, once per host of the task when per_host, else once
 * with host null.
 */
public final class AggregateStats {

    /** The counters, named as Ansible's attributes ({@code dark} is unreachable). */
    public enum Counter { OK, FAILURES, DARK, CHANGED, SKIPPED, RESCUED, IGNORED }

    /** What the recap shows for one host. */
    public record HostSummary(int ok, int changed, int unreachable, int failures, int skipped, int rescued,
                              int ignored) {
    }

    /** The key custom stats not tied to a host live under. */
    public static final String RUN = "_run";

    private final Map<String, Boolean> processed = new LinkedHashMap<>();
    private final Map<Counter, Map<String, Integer>> counters = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> custom = new LinkedHashMap<>();

    public AggregateStats() {
        for (Counter c : Counter.values()) {
            counters.put(c, new LinkedHashMap<>());
        }
    }

    /** Bumps a counter and marks the host processed. */
    public synchronized void increment(Counter what, String host) {
        processed.put(host, true);
        counters.get(what).merge(host, 1, Integer::sum);
    }

    /** Lowers a counter, never below zero (a missing counter becomes 0). */
    public synchronized void decrement(Counter what, String host) {
        Map<String, Integer> counts = counters.get(what);
        Integer now = counts.get(host);
        counts.put(host, now == null || now - 1 < 0 ? 0 : now - 1);
    }

    public synchronized HostSummary summarize(String host) {
        return new HostSummary(count(Counter.OK, host), count(Counter.CHANGED, host), count(Counter.DARK, host),
                count(Counter.FAILURES, host), count(Counter.SKIPPED, host), count(Counter.RESCUED, host),
                count(Counter.IGNORED, host));
    }

    private int count(Counter c, String host) {
        return counters.get(c).getOrDefault(host, 0);
    }

    /** The processed hosts, sorted as the recap lists them. */
    public synchronized List<String> processedHosts() {
        return new ArrayList<>(new TreeSet<>(processed.keySet()));
    }

    /** set_stats with aggregate=false: the value replaces any earlier one. {@code host} null means the run. */
    public synchronized void setCustomStats(String which, Object what, String host) {
        custom.computeIfAbsent(host == null ? RUN : host, h -> new LinkedHashMap<>()).put(which, what);
    }

    /**
     * set_stats with aggregate=true: dicts merge recursively, numbers add, lists and strings concatenate;
     * a value of a different type than the earlier one is ignored, as in Ansible.
     */
    public synchronized void updateCustomStats(String which, Object what, String host) {
        String key = host == null ? RUN : host;
        Map<String, Object> stats = custom.get(key);
        if (stats == null || !stats.containsKey(which)) {
            setCustomStats(which, what, host);
            return;
        }
        Object before = stats.get(which);
        Object after = aggregate(before, what);
        if (after != null) {
            stats.put(which, after);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object aggregate(Object before, Object what) {
        if (before instanceof Map<?, ?> old && what instanceof Map<?, ?> add) {
            return mergeHash((Map<String, Object>) old, (Map<String, Object>) add);
        }
        if (before instanceof Boolean || what instanceof Boolean) {
            // bool is an int in Python, but isinstance(int_value, bool) is False: only bool + bool adds.
            if (before instanceof Boolean b1 && what instanceof Boolean b2) {
                return (long) ((b1 ? 1 : 0) + (b2 ? 1 : 0));
            }
            if (what instanceof Boolean b && before instanceof Number n && !(n instanceof Double)) {
                return n.longValue() + (b ? 1 : 0);
            }
            return null;
        }
        if (before instanceof Number n1 && what instanceof Number n2) {
            boolean beforeFloat = n1 instanceof Double || n1 instanceof Float;
            boolean whatFloat = n2 instanceof Double || n2 instanceof Float;
            if (beforeFloat != whatFloat) {
                return null;
            }
            return beforeFloat ? (Object) (n1.doubleValue() + n2.doubleValue()) : (Object) (n1.longValue() + n2.longValue());
        }
        if (before instanceof Collection<?> l1 && what instanceof Collection<?> l2) {
            List<Object> joined = new ArrayList<>(l1);
            joined.addAll(l2);
            return joined;
        }
        if (before instanceof String s1 && what instanceof String s2) {
            return s1 + s2;
        }
        return null;
    }

    /** ansible.utils.vars.merge_hash(x, y): y's keys win, dicts found on both sides merge recursively. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mergeHash(Map<String, Object> x, Map<String, Object> y) {
        Map<String, Object> merged = new LinkedHashMap<>(x);
        for (Map.Entry<String, Object> e : y.entrySet()) {
            Object old = merged.get(e.getKey());
            if (old instanceof Map<?, ?> oldMap && e.getValue() instanceof Map<?, ?> newMap) {
                merged.put(e.getKey(), mergeHash((Map<String, Object>) oldMap, (Map<String, Object>) newMap));
            } else {
                merged.put(e.getKey(), e.getValue());
            }
        }
        return merged;
    }

    /** The custom stats: host (or {@link #RUN}) to name to value. A copy. */
    public synchronized Map<String, Map<String, Object>> custom() {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        custom.forEach((k, v) -> copy.put(k, new LinkedHashMap<>(v)));
        return copy;
    }
}
