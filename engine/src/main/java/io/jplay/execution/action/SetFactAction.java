package io.jplay.execution.action;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** ansible.builtin.set_fact: strings yes/no/true/false become booleans; cacheable facts persist. */
final class SetFactAction implements ActionPlugin {

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");

    @Override
    public Map<String, Object> run(ActionContext context) {
        Map<String, Object> facts = new LinkedHashMap<>();
        boolean cacheable = false;
        for (Map.Entry<String, Object> e : context.args().entrySet()) {
            if (e.getKey().equals("cacheable")) {
                cacheable = io.jplay.python.PythonValues.isTrue(e.getValue())
                        && !"no".equalsIgnoreCase(String.valueOf(e.getValue()))
                        && !"false".equalsIgnoreCase(String.valueOf(e.getValue()));
                continue;
            }
            if (!NAME.matcher(e.getKey()).matches()) {
                throw new ActionFailure("The variable name '" + e.getKey() + "' is not valid. Variables must start with a letter or underscore character, and contain only letters, numbers and underscores.");
            }
            Object value = e.getValue();
            if (value instanceof String s) {
                switch (s.toLowerCase()) {
                    case "yes", "true" -> value = true;
                    case "no", "false" -> value = false;
                    default -> { }
                }
            }
            facts.put(e.getKey(), value);
        }
        if (facts.isEmpty()) {
            throw new ActionFailure("No key/value pairs provided, at least one is required for this action to succeed");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ansible_facts", facts);
        result.put("_ansible_facts_cacheable", cacheable);
        result.put("changed", false);
        return result;
    }
}
