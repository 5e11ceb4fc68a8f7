package io.jplay.execution.action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ansible.builtin.group_by: names the group (and its parents) the host joins ({@code add_group},
 * {@code parent_groups}, spaces become dashes); the strategy changes the inventory when it processes the
 * result (see {@code InventoryUpdates}) and decides {@code changed} there.
 */
final class GroupByAction implements ActionPlugin {

    private static final Set<String> VALID = Set.of("key", "parents");

    @Override
    public Map<String, Object> run(ActionContext context) {
        Map<String, Object> args = context.args();
        List<String> invalid = args.keySet().stream().filter(k -> !VALID.contains(k)).toList();
        if (!invalid.isEmpty()) {
            throw new ActionFailure("Invalid options for group_by: " + String.join(",", invalid));
        }
        if (!args.containsKey("key")) {
            throw new ActionFailure("the 'key' param is required when using group_by");
        }
        Object parents = args.getOrDefault("parents", List.of("all"));
        List<String> parentNames = new ArrayList<>();
        if (parents instanceof List<?> list) {
            list.forEach(p -> parentNames.add(String.valueOf(p).replace(' ', '-')));
        } else {
            parentNames.add(String.valueOf(parents).replace(' ', '-'));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("changed", false);
        result.put("add_group", String.valueOf(args.get("key")).replace(' ', '-'));
        result.put("parent_groups", parentNames);
        return result;
    }
}
