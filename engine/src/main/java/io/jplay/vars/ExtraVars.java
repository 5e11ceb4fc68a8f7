package io.jplay.vars;

import io.jplay.error.JplayException;
import io.jplay.error.Location;
import io.jplay.parsing.KeyValueArgs;
import io.jplay.yaml.YamlLoader;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -e/--extra-vars} options, as load_extra_vars reads them: {@code @file} (YAML or JSON),
 * a YAML/JSON document starting with {@code {} or {@code [}, or {@code key=value} words (strings). Repeated
 * options are combined in order, later ones winning.
 */
public final class ExtraVars {

    /** ansible-playbook's exit code for an AnsibleOptionsError. */
    private static final int OPTIONS_ERROR = 5;

    /** ansible-playbook's exit code for an AnsibleParserError. */
    private static final int PARSER_ERROR = 4;

    private ExtraVars() {
    }

    /**
     * Parses the options in the order given. Relative {@code @file} paths are resolved against
     * {@code baseDir} (the current directory of the command).
     */
    public static Map<String, Object> parse(List<String> options, Path baseDir, HashBehaviour behaviour) {
        Map<String, Object> extraVars = new LinkedHashMap<>();
        for (String option : options) {
            if (option == null || option.isEmpty()) {
                continue;
            }
            Object data = parseOne(option, baseDir);
            if (!(data instanceof Map)) {
                // ansible-playbook has made @paths absolute by the time it says this
                String shown = option.startsWith("@")
                        ? "@" + baseDir.resolve(option.substring(1)).toAbsolutePath().normalize() : option;
                throw new JplayException("Invalid extra vars data supplied. '" + shown
                        + "' could not be made into a dictionary", Location.UNKNOWN, null, OPTIONS_ERROR);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> mapping = (Map<String, Object>) data;
            extraVars = VarsCombiner.combine(extraVars, mapping, behaviour);
        }
        return Collections.unmodifiableMap(extraVars);
    }

    public static Map<String, Object> parse(List<String> options, Path baseDir) {
        return parse(options, baseDir, HashBehaviour.REPLACE);
    }

    private static Object parseOne(String option, Path baseDir) {
        if (option.startsWith("@")) {
            Path file = baseDir.resolve(option.substring(1));
            return YamlLoader.loadFile(file);
        }
        char first = option.charAt(0);
        if (first == '/' || first == '.') {
            throw new JplayException("Please prepend extra_vars filename '" + option + "' with '@'",
                    Location.UNKNOWN, null, OPTIONS_ERROR);
        }
        if (first == '[' || first == '{') {
            return YamlLoader.load(option, null);
        }
        try {
            return KeyValueArgs.parse(option, false);
        } catch (JplayException unbalanced) {
            // a parser error: ansible-playbook exits with 4
            throw new JplayException(unbalanced.getMessage(), Location.UNKNOWN, unbalanced, PARSER_ERROR);
        }
    }

}
