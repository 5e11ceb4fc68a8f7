package io.jplay.playbook;

import io.jplay.error.Location;
import io.jplay.python.PythonTypes;
import io.jplay.yaml.YamlMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a list of tasks and blocks (a play's task lists, a role's tasks/handlers file, an included file)
 * into {@link TaskEntry}s, checking keywords as ansible-core does.
 */
public final class TaskListParser {

    private static final Set<String> LOOPING_IMPORTS = Set.of("import_tasks", "import_role");

    private TaskListParser() {
    }

    /**
     * @param what     how Ansible names the list in its error ("tasks", "pre_tasks", "handlers", ...)
     * @param handlers whether these are handlers (which may carry {@code listen} and may not be blocks)
     */
    public static List<TaskEntry> parse(Object list, String what, boolean handlers, Location owner) {
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof List<?> items)) {
            throw ParserErrors.error("A malformed block was encountered while loading " + what + ": "
                    + list + " should be a list or None but is " + pythonClass(list), owner);
        }
        List<TaskEntry> entries = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw ParserErrors.error("A malformed block was encountered while loading " + what + ": The ds ("
                        + item + ") should be a dict but was a " + pythonClass(item), owner);
            }
            Location location = item instanceof YamlMap yamlMap ? yamlMap.location() : owner;
            Map<String, Object> ds = ActionParser.stringKeys(map);
            if (isBlock(ds)) {
                if (handlers) {
                    throw ParserErrors.error("Using a block as a handler is not supported.", location);
                }
                entries.add(parseBlock(ds, what, location));
            } else {
                entries.add(parseTask(ds, handlers, location));
            }
        }
        return entries;
    }

    private static boolean isBlock(Map<String, Object> ds) {
        return ds.containsKey("block") || ds.containsKey("rescue") || ds.containsKey("always");
    }

    private static Block parseBlock(Map<String, Object> ds, String what, Location location) {
        for (String part : List.of("rescue", "always")) {
            if (ds.containsKey(part) && !ds.containsKey("block")) {
                throw ParserErrors.error("'" + part + "' keyword cannot be used without 'block'", location);
            }
        }
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ds.entrySet()) {
            if (!Keywords.BLOCK.contains(e.getKey())) {
                throw ParserErrors.error("'" + e.getKey() + "' is not a valid attribute for a Block", location);
            }
            if (!Set.of("block", "rescue", "always").contains(e.getKey())) {
                keywords.put(e.getKey(), e.getValue());
            }
        }
        return new Block(parse(ds.get("block"), "a block", false, location),
                parse(ds.get("rescue"), "rescue", false, location),
                parse(ds.get("always"), "always", false, location),
                keywords, location);
    }

    static Task parseTask(Map<String, Object> ds, boolean handler, Location location) {
        Set<String> keywords = handler ? Keywords.HANDLER : Keywords.TASK;
        ActionParser.Parsed parsed = ActionParser.parse(ds, keywords, location);
        Map<String, Object> taskKeywords = new LinkedHashMap<>();
        String loopWith = null;
        for (Map.Entry<String, Object> e : ds.entrySet()) {
            String key = e.getKey();
            if (key.equals(parsed.action()) || key.equals("action") || key.equals("local_action") || key.equals("args")) {
                continue;
            }
            if (key.startsWith("with_")) {
                String lookup = key.substring("with_".length());
                if (loopWith != null || ds.containsKey("loop")) {
                    throw ParserErrors.error("duplicate loop in task: " + lookup, location);
                }
                if (e.getValue() == null) {
                    throw ParserErrors.error("you must specify a value when using " + key, location);
                }
                loopWith = lookup;
                taskKeywords.put("loop", e.getValue());
                continue;
            }
            taskKeywords.put(key, e.getValue());
        }
        if (parsed.delegateTo() != null) {
            taskKeywords.put("delegate_to", parsed.delegateTo());
        }
        String module = ActionParser.shortName(parsed.action());
        if (LOOPING_IMPORTS.contains(module) && (taskKeywords.containsKey("loop"))) {
            String instead = module.equals("import_tasks") ? "include_tasks" : "include_role";
            throw ParserErrors.error("You cannot use loops on '" + module + "' statements. You should use '" + instead
                    + "' instead.", location);
        }
        return new Task(parsed.action(), parsed.args(), taskKeywords, loopWith, handler, location);
    }

    static String pythonClass(Object value) {
        return PythonTypes.pythonClass(value);
    }
}
