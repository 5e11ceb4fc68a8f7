package io.jplay.vars;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in reader for simple INI inventories (hosts with k=v, [g:vars], [g:children]; values typed as
 * ints when they look like ints), until io.jplay.inventory lands on main. Only what the kubespray golden
 * inventory uses.
 */
final class IniInventoryStandIn implements InventoryVars {

    private final Map<String, Map<String, Object>> hostVars = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> groupVars = new LinkedHashMap<>();
    private final Map<String, Set<String>> groupHosts = new LinkedHashMap<>();
    private final Map<String, Set<String>> children = new LinkedHashMap<>();

    IniInventoryStandIn(Path file) throws IOException {
        group("all");
        group("ungrouped");
        String section = "ungrouped";
        String kind = "hosts";
        for (String rawLine : Files.readAllLines(file)) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                String header = line.substring(1, line.indexOf(']'));
                int colon = header.indexOf(':');
                section = colon < 0 ? header : header.substring(0, colon);
                kind = colon < 0 ? "hosts" : header.substring(colon + 1);
                group(section);
                continue;
            }
            String[] words = line.split("\\s+");
            switch (kind) {
                case "vars" -> {
                    int eq = line.indexOf('=');
                    groupVars.get(section).put(line.substring(0, eq).strip(), typed(line.substring(eq + 1).strip()));
                }
                case "children" -> {
                    group(words[0]);
                    children.get(section).add(words[0]);
                }
                default -> {
                    Map<String, Object> vars = hostVars.computeIfAbsent(words[0], name -> new LinkedHashMap<>());
                    for (int i = 1; i < words.length; i++) {
                        int eq = words[i].indexOf('=');
                        vars.put(words[i].substring(0, eq), typed(words[i].substring(eq + 1)));
                    }
                    vars.put("inventory_file", file.toString());
                    vars.put("inventory_dir", file.getParent().toString());
                    groupHosts.get(section).add(words[0]);
                }
            }
        }
        groupHosts.get("ungrouped").removeIf(host -> groupHosts.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals("ungrouped") && e.getValue().contains(host)));
        // hosts only in 'all' belong to ungrouped, as in Ansible
        for (String host : hostVars.keySet()) {
            boolean inGroup = groupHosts.entrySet().stream()
                    .anyMatch(e -> !e.getKey().equals("all") && e.getValue().contains(host));
            if (!inGroup) {
                groupHosts.get("ungrouped").add(host);
            }
        }
    }

    private void group(String name) {
        groupVars.computeIfAbsent(name, key -> new LinkedHashMap<>());
        groupHosts.computeIfAbsent(name, key -> new LinkedHashSet<>());
        children.computeIfAbsent(name, key -> new LinkedHashSet<>());
    }

    private static Object typed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notAnInt) {
            return value;
        }
    }

    private int depth(String group) {
        if (group.equals("all")) {
            return 0;
        }
        int depth = 1;
        for (Map.Entry<String, Set<String>> parent : children.entrySet()) {
            if (parent.getValue().contains(group)) {
                depth = Math.max(depth, depth(parent.getKey()) + 1);
            }
        }
        return depth;
    }

    private boolean contains(String group, String host) {
        return groupHosts.get(group).contains(host)
                || children.get(group).stream().anyMatch(child -> contains(child, host));
    }

    @Override
    public List<String> hostNames() {
        return new ArrayList<>(hostVars.keySet());
    }

    @Override
    public List<String> groupsOf(String host) {
        return groupVars.keySet().stream().filter(group -> !group.equals("all") && contains(group, host))
                .sorted(Comparator.comparingInt(this::depth).thenComparing(Comparator.naturalOrder())).toList();
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
        Map<String, List<String>> dict = new LinkedHashMap<>();
        dict.put("all", hostNames());
        for (String group : groupVars.keySet()) {
            if (!group.equals("all")) {
                dict.put(group, hostNames().stream().filter(host -> contains(group, host)).toList());
            }
        }
        return dict;
    }
}
