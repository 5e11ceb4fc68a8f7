package io.jplay.execution.action;

import io.jplay.template.TemplatingException;
import io.jplay.template.UndefinedVariableException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ansible.builtin.debug (plugins/action/debug.py). */
final class DebugAction implements ActionPlugin {

    @Override
    public Map<String, Object> run(ActionContext context) {
        Map<String, Object> args = context.args();
        Map<String, Object> result = new LinkedHashMap<>();
        if (args.containsKey("msg") && args.containsKey("var")) {
            result.put("failed", true);
            result.put("msg", "'msg' and 'var' are incompatible options");
            return result;
        }
        int verbosity = args.get("verbosity") == null ? 0 : Integer.parseInt(String.valueOf(args.get("verbosity")));
        if (verbosity <= context.display().verbosity()) {
            if (args.containsKey("msg")) {
                result.put("msg", args.get("msg"));
            } else if (args.containsKey("var")) {
                Object var = context.rawArgs().get("var");
                Object value;
                try {
                    // convert_bare: a plain name is read as the variable of that name
                    String text = var instanceof String s && !s.contains("{{") ? "{{" + s + "}}" : null;
                    value = text == null ? context.renderer().template(var) : context.renderer().template(text);
                    if (value != null && value.equals(var)) {
                        throw new UndefinedVariableException(String.valueOf(var));
                    }
                } catch (UndefinedVariableException e) {
                    value = "VARIABLE IS NOT DEFINED!";
                    if (verbosity > 0) {
                        value = value + ": " + e.ansibleMessage();
                    }
                } catch (TemplatingException e) {
                    throw e;
                }
                String key = var instanceof List<?> ? "<class 'list'>" : var instanceof Map<?, ?> ? "<class 'dict'>"
                        : String.valueOf(args.get("var"));
                result.put(key, value);
            } else {
                result.put("msg", "Hello world!");
            }
            result.put("_ansible_verbose_always", true);
        } else {
            result.put("skipped_reason", "Verbosity threshold not met.");
            result.put("skipped", true);
        }
        result.put("failed", false);
        return result;
    }
}
