package io.jplay.execution.action;

import java.util.LinkedHashMap;
import java.util.Map;

/** ansible.builtin.fail. */
final class FailAction implements ActionPlugin {

    @Override
    public Map<String, Object> run(ActionContext context) {
        Map<String, Object> result = new LinkedHashMap<>();
        Object msg = context.args().get("msg");
        result.put("failed", true);
        result.put("msg", msg == null ? "Failed as requested from task" : msg);
        return result;
    }
}
