package io.jplay.playbook;

import io.jplay.error.Location;
import io.jplay.parsing.KeyValueArgs;
import io.jplay.python.PythonTypes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds a task's action and arguments in all the forms Ansible accepts ({@code copy: src=a dest=b},
 * {@code copy: {src: a}}, {@code action: copy src=a}, {@code local_action: ...}, {@code action: {module: copy}},
 * plus {@code args:}), a port of ansible/parsing/mod_args.py ModuleArgsParser.parse.
 *
 * <p>As in ansible-playbook, every key that is not a task keyword (nor {@code with_*}) is taken as the action:
 * two such keys are "conflicting action statements"; whether the action exists is checked afterwards.
 */
final class ActionParser {

    /** Modules whose free-form text is the command line (C.MODULE_REQUIRE_ARGS). */
    static final Set<String> FREEFORM_ACTIONS = Set.of("command", "shell", "raw", "script");

    /** Modules that may take free-form text at all (mod_args.RAW_PARAM_MODULES). */
    static final Set<String> RAW_PARAM_ACTIONS = Set.of("command", "shell", "raw", "script", "include",
            "include_vars", "include_tasks", "include_role", "import_tasks", "import_role", "add_host",
            "group_by", "set_fact", "meta");

    record Parsed(String action, Map<String, Object> args, Object delegateTo) {
    }

    private ActionParser() {
    }

    static String shortName(String action) {
        if (action.startsWith("ansible.builtin.")) {
            return action.substring("ansible.builtin.".length());
        }
        if (action.startsWith("ansible.legacy.")) {
            return action.substring("ansible.legacy.".length());
        }
        return action;
    }

    static Parsed parse(Map<String, Object> task, Set<String> keywords, Location location) {
        String action = null;
        Map<String, Object> args = new LinkedHashMap<>();
        Object delegateTo = task.get("delegate_to");
        Object additionalArgs = task.getOrDefault("args", Map.of());

        if (task.containsKey("action")) {
            Parsed old = oldStyle(task.get("action"), additionalArgs, location);
            action = old.action();
            args = old.args();
        }
        if (task.containsKey("local_action")) {
            if (action != null) {
                throw ParserErrors.error("action and local_action are mutually exclusive", location);
            }
            Parsed old = oldStyle(task.get("local_action"), additionalArgs, location);
            action = old.action();
            args = old.args();
            delegateTo = "localhost";
        }
        List<String> candidates = task.keySet().stream()
                .filter(k -> !keywords.contains(k) && !k.startsWith("with_"))
                .toList();
        for (String candidate : candidates) {
            if (action != null) {
                throw ParserErrors.error("conflicting action statements: " + action + ", " + candidate, location);
            }
            action = candidate;
            args = finalArgs(additionalArgs, newStyleArgs(task.get(candidate), action, location), action, location);
        }
        if (action == null) {
            throw ParserErrors.error("no module/action detected in task.", location);
        }
        Object raw = args.get(KeyValueArgs.RAW_PARAMS);
        if (raw != null && !"".equals(raw) && !RAW_PARAM_ACTIONS.contains(shortName(action))) {
            String rawText = String.valueOf(args.remove(KeyValueArgs.RAW_PARAMS));
            if (isTemplate(rawText)) {
                args.put("_variable_params", rawText);
            } else {
                throw ParserErrors.error("this task '" + action + "' has extra params, which is only allowed in the "
                        + "following modules: " + String.join(", ", rawParamModulesForMessage()), location);
            }
        }
        return new Parsed(action, args, delegateTo);
    }

    private static Parsed oldStyle(Object thing, Object additionalArgs, Location location) {
        String action;
        Map<String, Object> args;
        if (thing instanceof Map<?, ?> map) {
            Map<String, Object> copy = stringKeys(map);
            Object module = copy.remove("module");
            if (module == null) {
                throw ParserErrors.error("no module/action detected in task.", location);
            }
            String[] split = splitModuleString(String.valueOf(module));
            action = split[0];
            args = copy;
            args.putAll(KeyValueArgs.parse(split[1], FREEFORM_ACTIONS.contains(shortName(action))));
        } else if (thing instanceof String text) {
            String[] split = splitModuleString(text);
            action = split[0];
            args = KeyValueArgs.parse(split[1], FREEFORM_ACTIONS.contains(shortName(action)));
        } else {
            throw ParserErrors.error("unexpected parameter type in action: " + PythonTypes.name(thing), location);
        }
        Object nested = args.remove("args");
        if (nested instanceof String text) {
            args.putAll(KeyValueArgs.parse(text, false));
        } else if (nested instanceof Map<?, ?> map) {
            args.putAll(stringKeys(map));
        }
        return new Parsed(action, finalArgs(additionalArgs, args, action, location), null);
    }

    private static Map<String, Object> newStyleArgs(Object thing, String action, Location location) {
        if (thing == null) {
            return new LinkedHashMap<>();
        }
        if (thing instanceof Map<?, ?> map) {
            return stringKeys(map);
        }
        if (thing instanceof String text) {
            return KeyValueArgs.parse(text, FREEFORM_ACTIONS.contains(shortName(action)));
        }
        if (thing instanceof Number || thing instanceof Boolean) {
            // PyYAML gives e.g. `pause: 5`... Ansible's parse_kv would see the text; keep it as free-form text.
            return KeyValueArgs.parse(String.valueOf(thing), FREEFORM_ACTIONS.contains(shortName(action)));
        }
        throw ParserErrors.error("unexpected parameter type in action: " + PythonTypes.name(thing), location);
    }

    /** Task-level {@code args:} first, then the action's own arguments on top, as _normalize_parameters. */
    private static Map<String, Object> finalArgs(Object additionalArgs, Map<String, Object> args, String action,
                                                 Location location) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (additionalArgs instanceof Map<?, ?> map) {
            result.putAll(stringKeys(map));
        } else if (additionalArgs instanceof String text) {
            if (!isTemplate(text)) {
                throw ParserErrors.error("Complex args containing variables cannot use bare variables (without Jinja2 "
                        + "delimiters), and must use the full variable style ('{{var_name}}')", location);
            }
            result.put("_variable_params", text);
        } else if (additionalArgs != null) {
            throw ParserErrors.error("Complex args must be a dictionary or variable string (\"{{var}}\").", location);
        }
        if (!FREEFORM_ACTIONS.contains(shortName(action))) {
            for (String key : args.keySet()) {
                if (key.startsWith("_ansible_")) {
                    throw ParserErrors.error("invalid parameter specified for action '" + action + "': '" + key + "'",
                            location);
                }
            }
        }
        result.putAll(args);
        return result;
    }

    private static String[] splitModuleString(String text) {
        List<String> tokens = io.jplay.parsing.ArgSplitter.split(text);
        if (tokens.isEmpty()) {
            return new String[]{"", ""};
        }
        String rest = tokens.size() > 1 ? String.join(" ", tokens.subList(1, tokens.size())) : "";
        return new String[]{tokens.get(0).strip(), rest};
    }

    private static List<String> rawParamModulesForMessage() {
        return List.of("command", "win_command", "ansible.windows.win_command", "shell", "win_shell",
                "ansible.windows.win_shell", "raw", "script", "include", "include_vars", "include_tasks",
                "include_role", "import_tasks", "import_role", "add_host", "group_by", "set_fact", "meta");
    }

    static boolean isTemplate(String text) {
        return text.contains("{{") || text.contains("{%");
    }

    static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
