package io.jplay.playbook;

import io.jplay.error.Location;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A block: tasks, the tasks run when one of them fails ({@code rescue}) and the tasks always run after
 * ({@code always}), plus keywords (when, tags, vars, become, ...) that its tasks inherit.
 */
public record Block(List<TaskEntry> block, List<TaskEntry> rescue, List<TaskEntry> always,
                    Map<String, Object> keywords, Location location) implements TaskEntry {

    public Block {
        block = List.copyOf(block);
        rescue = List.copyOf(rescue);
        always = List.copyOf(always);
        keywords = Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
    }

    public Object keyword(String keyword) {
        return keywords.get(keyword);
    }
}
