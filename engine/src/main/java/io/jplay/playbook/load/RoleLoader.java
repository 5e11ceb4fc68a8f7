package io.jplay.playbook.load;

import io.jplay.error.JplayException;
import io.jplay.error.Location;
import io.jplay.playbook.Role;
import io.jplay.playbook.RoleListParser;
import io.jplay.playbook.RoleReference;
import io.jplay.vars.RoleVars;
import io.jplay.vars.RoleVarsLoader;
import io.jplay.yaml.YamlLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads roles for one play, as ansible-core's Role.load: finds the folder, reads defaults/vars, tasks,
 * handlers and meta (dependencies, allow_duplicates), and returns the same Role object for the same role
 * listed again with the same parameters (one instance per play, so the executor runs it once per host).
 */
public final class RoleLoader {

    private static final int MAX_DEPENDENCY_DEPTH = 100;

    /** Which files of the role to read instead of main (tasks_from, vars_from, defaults_from, handlers_from). */
    public record FromFiles(String tasks, String vars, String defaults, String handlers) {
        public static final FromFiles MAIN = new FromFiles(null, null, null, null);

        Map<String, String> asMap() {
            Map<String, String> map = new LinkedHashMap<>();
            if (tasks != null) {
                map.put("tasks", tasks);
            }
            if (vars != null) {
                map.put("vars", vars);
            }
            if (defaults != null) {
                map.put("defaults", defaults);
            }
            if (handlers != null) {
                map.put("handlers", handlers);
            }
            return map;
        }
    }

    private final RoleFinder finder;
    private final RoleVarsLoader varsLoader;
    private final LoadTimeTemplater templater;
    private final Map<Role.Identity, Role> cache = new HashMap<>();

    public RoleLoader(RoleFinder finder, RoleVarsLoader varsLoader, LoadTimeTemplater templater) {
        this.finder = finder;
        this.varsLoader = varsLoader;
        this.templater = templater;
    }

    public Role load(RoleReference reference, Path playbookDir, Map<String, Object> playVars, FromFiles from,
                     boolean fromInclude) {
        return load(reference, playbookDir, null, playVars, from, fromInclude, 0);
    }

    private Role load(RoleReference reference, Path playbookDir, Path dependentRoleDir, Map<String, Object> playVars,
                      FromFiles from, boolean fromInclude, int depth) {
        if (depth > MAX_DEPENDENCY_DEPTH) {
            throw new JplayException("A recursion loop was detected with the roles specified. Make sure child roles do "
                    + "not have dependencies on parent roles", reference.location());
        }
        String name = String.valueOf(templater.template(reference.role(), playVars));
        RoleFinder.FoundRole found = finder.find(name, playbookDir, dependentRoleDir, reference.location());
        Map<String, Object> keywords = new LinkedHashMap<>(reference.keywords());
        Object includeVars = keywords.remove("vars");
        Map<String, Object> entryVars = PlaybookLoader.asMap(includeVars);
        Role.Identity identity = new Role.Identity(found.path(), reference.params(), keywords, entryVars,
                from.asMap(), fromInclude);
        Role cached = cache.get(identity);
        if (cached != null) {
            return cached;
        }
        Location location = reference.location();
        RoleVars files = varsLoader.load(found.path(), from.defaults(), from.vars());
        Role.RoleFile tasks = roleFile(found.path(), "tasks", from.tasks(), false, location);
        Role.RoleFile handlers = roleFile(found.path(), "handlers", from.handlers(), true, location);
        Map<String, Object> meta = readMeta(found.path(), location);
        List<Role> dependencies = new ArrayList<>();
        for (RoleReference dependency : RoleListParser.parse(meta.get("dependencies"), location)) {
            // Ansible searches the folder that holds the dependent role (RoleMetadata: dirname(role_path)).
            dependencies.add(load(dependency, playbookDir, found.path().getParent(), playVars, FromFiles.MAIN, false,
                    depth + 1));
        }
        boolean allowDuplicates = Boolean.TRUE.equals(meta.get("allow_duplicates"))
                || "yes".equals(meta.get("allow_duplicates")) || "true".equals(meta.get("allow_duplicates"));
        Role role = new Role(found.name(), found.path(), files, keywords, entryVars, reference.params(), from.asMap(),
                fromInclude, tasks, handlers, dependencies, allowDuplicates);
        cache.put(identity, role);
        return role;
    }

    private static Role.RoleFile roleFile(Path roleDir, String subdir, String name, boolean handlers, Location location) {
        Optional<Path> file = TaskFiles.findInRole(roleDir, subdir, name, location);
        return file.map(f -> new Role.RoleFile(f, TaskFiles.read(f, handlers)))
                .orElseGet(() -> new Role.RoleFile(roleDir.resolve(subdir).resolve("main.yml"), List.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMeta(Path roleDir, Location location) {
        Optional<Path> file = TaskFiles.findInRole(roleDir, "meta", null, location);
        if (file.isEmpty()) {
            return Map.of();
        }
        Object data = YamlLoader.loadFile(file.get());
        if (data == null) {
            return Map.of();
        }
        if (!(data instanceof Map)) {
            throw new JplayException("the role metadata in " + file.get() + " must be a dictionary",
                    Location.of(file.get(), 1, 1));
        }
        return (Map<String, Object>) data;
    }
}
