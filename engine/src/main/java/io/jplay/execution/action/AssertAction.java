package io.jplay.execution.action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ansible.builtin.assert (plugins/action/assert.py). */
final class AssertAction implements ActionPlugin {

    @Override
    public Map<String, Object> run(ActionContext context) {
        Map<String, Object> args = context.args();
        if (!args.containsKey("that")) {
            throw new ActionFailure("conditional required in \"that\" string");
        }
        Object failMsg = args.containsKey("fail_msg") ? args.get("fail_msg") : args.get("msg");
        Object successMsg = args.get("success_msg");
        boolean quiet = io.jplay.python.PythonValues.isTrue(args.get("quiet"));
        List<Object> that = new ArrayList<>();
        Object raw = context.rawArgs().getOrDefault("that", args.get("that"));
        if (raw instanceof List<?> list) {
            that.addAll(list);
        } else {
            that.add(raw);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("_ansible_verbose_always", !quiet);
        for (Object condition : that) {
            if (!context.renderer().evaluateConditional(condition)) {
                result.put("failed", true);
                result.put("evaluated_to", false);
                result.put("assertion", condition);
                result.put("msg", failMsg == null ? "Assertion failed" : failMsg);
                return result;
            }
        }
        result.put("changed", false);
        result.put("msg", successMsg == null ? "All assertions passed" : successMsg);
        return result;
    }
}
