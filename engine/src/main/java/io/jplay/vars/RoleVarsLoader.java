package io.jplay.vars;

import io.jplay.error.JplayException;
import io.jplay.error.Location;
import io.jplay.python.PythonValues;
import io.jplay.yaml.YamlLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a role's {@code defaults} and {@code vars} as ansible-core 2.14's Role._load_role_yaml does:
 * {@code main.yml}, {@code main.yaml}, {@code main.json}, then {@code main} (a file, or a folder whose files
 * are all read in name order and merged). With {@code defaults_from}/{@code vars_from} the named file is
 * looked up instead, and must exist.
 */
public final class RoleVarsLoader {

    private final HashBehaviour hashBehaviour;

    public RoleVarsLoader(HashBehaviour hashBehaviour) {
        this.hashBehaviour = hashBehaviour;
    }

    public RoleVarsLoader() {
        this(HashBehaviour.REPLACE);
    }

    /** defaults/main and vars/main of the role in {@code roleDir}, named after the folder. */
    public RoleVars load(Path roleDir) {
        return load(roleDir, null, null);
    }

    /** As {@link #load(Path)}, with include_role/import_role's {@code defaults_from} and {@code vars_from}. */
    public RoleVars load(Path roleDir, String defaultsFrom, String varsFrom) {
        String roleName = roleDir.getFileName().toString();
        Map<String, Object> vars = loadSubdir(roleDir, roleName, "vars", varsFrom);
        Map<String, Object> defaults = loadSubdir(roleDir, roleName, "defaults", defaultsFrom);
        return new RoleVars(roleName, defaults, vars);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> loadSubdir(Path roleDir, String roleName, String subdir, String main) {
        Path folder = roleDir.resolve(subdir);
        if (!Files.isDirectory(folder)) {
            return Map.of();
        }
        List<Path> files = main == null
                ? VarsFileFinder.find(folder, "main", VarsFileFinder.ROLE_MAIN_EXTENSIONS, true)
                : VarsFileFinder.find(folder, main, List.of("", ".yml", ".yaml", ".json"), true);
        if (files.isEmpty() && main != null) {
            throw new JplayException("Could not find specified file in role: " + subdir + "/" + main,
                    Location.of(folder));
        }
        Object data = null;
        for (Path file : files) {
            Path real = file.toAbsolutePath().normalize();
            if (!real.startsWith(folder.toAbsolutePath().normalize())) {
                throw new JplayException("Failed loading '" + file + "' for role (" + roleName
                        + ") as it is not inside the expected role path: '" + folder + "'", Location.of(file));
            }
            Object newData = YamlLoader.loadFile(file);
            if (!PythonValues.isTrue(newData)) {
                continue;
            }
            data = data instanceof Map && newData instanceof Map
                    ? VarsCombiner.combine((Map<String, Object>) data, (Map<String, Object>) newData, hashBehaviour)
                    : newData;
        }
        if (data == null) {
            return Map.of();
        }
        if (!(data instanceof Map)) {
            throw new JplayException("The " + subdir + "/main.yml file for role '" + roleName
                    + "' must contain a dictionary of variables", Location.of(folder));
        }
        return new LinkedHashMap<>((Map<String, Object>) data);
    }
}
