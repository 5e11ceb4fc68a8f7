package io.jplay.playbook;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role as loaded for a play: where it lives, its variables (raw), its parameters from the roles entry or
 * include, its tasks and handlers (already wrapped in blocks that carry this role as their origin), and the
 * roles it depends on (meta/main.yml), which run before it.
 */
public record Role(String name, Path path, Map<String, Object> defaults, Map<String, Object> vars,
                   Map<String, Object> params, List<TaskEntry> tasks, List<TaskEntry> handlers,
                   List<Role> dependencies, boolean allowDuplicates, boolean isPublic) {

    public Role {
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        tasks = List.copyOf(tasks);
        handlers = List.copyOf(handlers);
        dependencies = List.copyOf(dependencies);
    }

    /** Ansible's role identity for de-duplication: the same role with the same parameters runs once per play. */
    public boolean sameAs(Role other) {
        return path.equals(other.path) && params.equals(other.params);
    }

    @Override
    public String toString() {
        return name;
    }
}
