package io.jplay.execution;

import java.util.ArrayList;
import java.util.List;

/** PlaybookExecutor._get_serialized_batches: serial as a number, a percentage, or a list of them (the last repeats). */
final class Batches {

    private Batches() {
    }

    static List<List<String>> of(Object serial, List<String> hosts) {
        List<Object> sizes = new ArrayList<>();
        Inheritance.addAll(sizes, serial);
        if (sizes.isEmpty()) {
            sizes.add(0L);
        }
        List<List<String>> batches = new ArrayList<>();
        List<String> remaining = new ArrayList<>(hosts);
        int index = 0;
        while (!remaining.isEmpty()) {
            int size = size(sizes.get(Math.min(index, sizes.size() - 1)), hosts.size());
            if (size <= 0) {
                size = remaining.size();
            }
            List<String> batch = new ArrayList<>(remaining.subList(0, Math.min(size, remaining.size())));
            remaining.subList(0, batch.size()).clear();
            batches.add(batch);
            index++;
        }
        return batches;
    }

    /** pct_to_int with min_value 1 for percentages. */
    private static int size(Object value, int total) {
        String text = String.valueOf(value).strip();
        if (text.endsWith("%")) {
            double pct = Double.parseDouble(text.substring(0, text.length() - 1));
            return Math.max(1, (int) (pct / 100.0 * total));
        }
        return (int) Double.parseDouble(text);
    }
}
