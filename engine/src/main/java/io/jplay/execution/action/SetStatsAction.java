package io.jplay.execution.action;

import io.jplay.python.PythonValues;

import java.util.LinkedHashMap;
import java.util.Map;

/** ansible.builtin.set_stats: custom stats shown in the recap when show_custom_stats is on. */
final class SetStatsAction implements ActionPlugin {

    @Override
    public Map<String, Object> run(ActionContext context) {
        Map<String, Object> args = context.args();
        boolean perHost = args.get("per_host") != null && PythonValues.isTrue(args.get("per_host"));
        boolean aggregate = args.get("aggregate") == null || PythonValues.isTrue(args.get("aggregate"));
        Map<String, Object> data = new LinkedHashMap<>();
        if (args.get("data") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> data.put(String.valueOf(k), v));
        } else {
            throw new ActionFailure("The 'data' option needs to be a dictionary/hash");
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("data", data);
        stats.put("per_host", perHost);
        stats.put("aggregate", aggregate);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ansible_stats", stats);
        result.put("changed", false);
        return result;
    }
}
