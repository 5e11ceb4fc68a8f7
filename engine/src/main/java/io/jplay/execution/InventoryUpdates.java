package io.jplay.execution;

import io.jplay.output.TaskResult;
import io.jplay.playbook.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The strategy's part of add_host and group_by (StrategyBase._process_pending_results with
 * InventoryManager.add_dynamic_host/add_dynamic_group): applies each result item to the inventory, in host
 * order, and sets its {@code changed} from what the inventory actually gained. Loop items are shown here,
 * after the change, as Ansible's TaskExecutor leaves them to the strategy for these actions.
 */
final class InventoryUpdates {

    private InventoryUpdates() {
    }

    @SuppressWarnings("unchecked")
    static void apply(RunContext run, HostTask hostTask, Map<String, Object> result) {
        Task task = hostTask.step().task();
        boolean loop = task.has("loop");
        List<Map<String, Object>> items = new ArrayList<>();
        if (loop) {
            if (result.get("results") instanceof List<?> list) {
                list.forEach(o -> items.add((Map<String, Object>) o));
            }
        } else {
            items.add(result);
        }
        // changed_when decides on its own (Ansible re-evaluates it after the change; jplay keeps its verdict)
        boolean keepChanged = task.has("changed_when");
        for (Map<String, Object> item : items) {
            if (Boolean.TRUE.equals(item.get("failed")) || Boolean.TRUE.equals(item.get("skipped"))) {
                continue;
            }
            boolean changed;
            if (item.get("add_host") instanceof Map<?, ?> info) {
                changed = run.inventory().addDynamicHost(String.valueOf(info.get("host_name")),
                        (Map<String, Object>) info.get("host_vars"), (List<String>) info.get("groups"));
            } else if (item.get("add_group") != null) {
                changed = run.inventory().addDynamicGroup(hostTask.host(), String.valueOf(item.get("add_group")),
                        (List<String>) item.get("parent_groups"));
            } else {
                continue;
            }
            run.hosts().clearCache();
            if (!keepChanged) {
                item.put("changed", changed);
            }
            if (loop) {
                run.events().runnerItemOk(new TaskResult(hostTask.host(), hostTask.info(), item));
                if (Boolean.TRUE.equals(item.get("changed"))) {
                    result.put("changed", true);
                }
            }
        }
    }
}
