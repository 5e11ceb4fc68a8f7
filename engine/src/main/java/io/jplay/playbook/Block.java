package io.jplay.playbook;

import io.jplay.error.Location;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A block: tasks, the tasks run when one of them fails ({@code rescue}) and the tasks always run after
 * ({@code always}), plus keywords (when, tags, vars, become, ...) that its tasks inherit. Blocks the loader
 * creates around a file's or a role's tasks carry an {@link BlockOrigin}; blocks written by users have none.
 */
public record Block(List<TaskEntry> block, List<TaskEntry> rescue, List<TaskEntry> always,
                    Map<String, Object> keywords, Location location, BlockOrigin origin) implements TaskEntry {

    /** A block as written in a file; it takes its parent's origin. */
    public Block(List<TaskEntry> block, List<TaskEntry> rescue, List<TaskEntry> always,
                 Map<String, Object> keywords, Location location) {
        this(block, rescue, always, keywords, location, null);
    }

    /** The implicit block the loader puts around a file's (or a role's) tasks, as Ansible does. */
    public static Block implicit(List<TaskEntry> tasks, Map<String, Object> keywords, Location location,
                                 BlockOrigin origin) {
        return new Block(tasks, List.of(), List.of(), keywords, location, origin);
    }

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
