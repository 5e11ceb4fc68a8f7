package io.jplay.execution;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Ansible's Taggable.evaluate_tags for -t/--skip-tags, with always, never, tagged, untagged and all. */
final class TagFilter {

    private final Set<String> only;
    private final Set<String> skip;

    TagFilter(List<String> only, List<String> skip) {
        this.only = split(only.isEmpty() ? List.of("all") : only);
        this.skip = split(skip);
    }

    private static Set<String> split(Collection<?> values) {
        Set<String> out = new HashSet<>();
        for (Object value : values) {
            for (String part : String.valueOf(value).split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    boolean shouldRun(Collection<?> taskTags) {
        Set<String> tags = split(taskTags);
        if (tags.isEmpty()) {
            tags = Set.of("untagged");
        }
        boolean untagged = tags.equals(Set.of("untagged"));
        boolean run = true;
        if (!only.isEmpty()) {
            if (tags.contains("always")) {
                run = true;
            } else if (only.contains("all") && !tags.contains("never")) {
                run = true;
            } else if (!disjoint(tags, only)) {
                run = true;
            } else {
                run = only.contains("tagged") && !untagged && !tags.contains("never");
            }
        }
        if (run && !skip.isEmpty()) {
            if (skip.contains("all")) {
                if (!tags.contains("always") || skip.contains("always")) {
                    run = false;
                }
            } else if (!disjoint(tags, skip)) {
                run = false;
            } else if (skip.contains("tagged") && !untagged) {
                run = false;
            }
        }
        return run;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        for (String s : a) {
            if (b.contains(s)) {
                return false;
            }
        }
        return true;
    }
}
