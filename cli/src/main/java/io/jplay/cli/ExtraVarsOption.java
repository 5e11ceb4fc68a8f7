package io.jplay.cli;

import io.jplay.error.JplayException;
import io.jplay.error.Location;
import io.jplay.parsing.KeyValueArgs;
import io.jplay.yaml.YamlLoader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's load_extra_vars for {@code -e}: {@code @file}, inline YAML/JSON starting with '{' or '[', or
 * {@code k=v} pairs; later options replace earlier keys. (The variables package may take this over.)
 */
final class ExtraVarsOption {
    private ExtraVarsOption() {
    }

    static Map<String, Object> parse(List<String> options) {
        Map<String, Object> extra = new LinkedHashMap<>();
        for (String option : options) {
            Object data;
            if (option.startsWith("@")) {
                data = YamlLoader.loadFile(Path.of(option.substring(1)));
            } else if (option.startsWith("/") || option.startsWith(".")) {
                throw new JplayException("Please prepend extra_vars filename '" + option + "' with '@'",
                        Location.UNKNOWN, null, 5);
            } else if (option.startsWith("{") || option.startsWith("[")) {
                data = YamlLoader.load(option, null);
            } else if (!option.isEmpty()) {
                data = KeyValueArgs.parse(option, false);
            } else {
                continue;
            }
            if (!(data instanceof Map<?, ?> map)) {
                throw new JplayException("Invalid extra vars data supplied. '" + option
                        + "' could not be made into a dictionary", Location.UNKNOWN, null, 5);
            }
            map.forEach((k, v) -> extra.put(String.valueOf(k), v));
        }
        return extra;
    }
}
