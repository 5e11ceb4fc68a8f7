package io.jplay.vars;

import io.jplay.error.JplayException;
import io.jplay.error.Location;
import io.jplay.python.PythonTypes;
import io.jplay.yaml.YamlLoader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads files of variables (YAML or JSON) and merges several of them in order. */
public final class VarsFiles {

    private VarsFiles() {
    }

    /**
     * The variables of one file: a mapping, or null for an empty file. Anything else is the error Ansible
     * gives, naming the file.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> loadMapping(Path file) {
        Object data = YamlLoader.loadFile(file);
        if (data == null) {
            return null;
        }
        if (!(data instanceof Map)) {
            Location where = Location.of(file);
            throw new JplayException("Invalid variable file '" + file + "': it must contain a dictionary of "
                    + "variables, but it holds a " + PythonTypes.name(data), where);
        }
        return (Map<String, Object>) data;
    }

    /**
     * Merges files in order, later ones winning, skipping empty ones (Ansible's {@code if new_data}).
     * Returns an empty map when there is nothing.
     */
    public static Map<String, Object> loadMerged(List<Path> files, HashBehaviour behaviour) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Path file : files) {
            Map<String, Object> data = loadMapping(file);
            if (data != null && !data.isEmpty()) {
                merged = VarsCombiner.combine(merged, data, behaviour);
            }
        }
        return merged;
    }
}
