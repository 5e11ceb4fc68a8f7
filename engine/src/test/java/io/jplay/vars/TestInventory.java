package io.jplay.vars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-built inventory for tests: hosts with their groups (already in precedence order) and the vars an
 * inventory file would give them. Stands in for io.jplay.inventory in unit tests.
 */
class TestInventory implements InventoryVarsSource {

    private final Map<String, List<String>> hostGroups = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> hostVars = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> groupVars = new LinkedHashMap<>();

    TestInventory host(String name, Map<String, Object> vars, String... groups) {
        hostGroups.put(name, List.of(groups));
        hostVars.put(name, new LinkedHashMap<>(vars));
        return this;
    }

    TestInventory group(String name, Map<String, Object> vars) {
        groupVars.put(name, new LinkedHashMap<>(vars));
        return this;
    }

    @Override
    public List<String> hostNames() {
        return new ArrayList<>(hostGroups.keySet());
    }

    @Override
    public List<String> groupsOf(String host) {
        return hostGroups.getOrDefault(host, List.of());
    }

    @Override
    public Map<String, Object> groupVars(String group) {
        return groupVars.getOrDefault(group, Map.of());
    }

    @Override
    public Map<String, Object> hostVars(String host) {
        return hostVars.getOrDefault(host, Map.of());
    }

    @Override
    public Map<String, List<String>> groupsDict() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("all", hostNames());
        List<String> ungrouped = new ArrayList<>();
        hostGroups.forEach((host, memberOf) -> {
            if (memberOf.isEmpty() || memberOf.equals(List.of("ungrouped"))) {
                ungrouped.add(host);
            }
            memberOf.stream().filter(group -> !group.equals("ungrouped"))
                    .forEach(group -> groups.computeIfAbsent(group, key -> new ArrayList<>()).add(host));
        });
        groups.put("ungrouped", ungrouped);
        return groups;
    }
}
