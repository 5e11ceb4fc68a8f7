package io.jplay.inventory.output;

import io.jplay.error.JplayException;
import io.jplay.error.Location;
import io.jplay.inventory.Group;
import io.jplay.inventory.Host;
import io.jplay.inventory.HostPatternMatcher;
import io.jplay.inventory.Inventory;
import io.jplay.inventory.InventoryVars;
import io.jplay.python.PythonRepr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What ansible-inventory 2.14 shows: {@code --list} (script JSON layout or the YAML inventory layout),
 * {@code --graph [GROUP] [--vars]} and {@code --host NAME}. Host vars are those the variable manager gives
 * outside a play (inventory, group_vars/host_vars, extra vars) without Ansible's internal magic vars.
 */
public final class InventoryReport {

    /** Ansible's InventoryCLI.INTERNAL_VARS: never shown. */
    static final Set<String> INTERNAL_VARS = Set.of("ansible_diff_mode", "ansible_config_file", "ansible_facts",
            "ansible_forks", "ansible_inventory_sources", "ansible_limit", "ansible_playbook_python",
            "ansible_run_tags", "ansible_skip_tags", "ansible_verbosity", "ansible_version", "inventory_dir",
            "inventory_file", "inventory_hostname", "inventory_hostname_short", "groups", "group_names", "omit",
            "playbook_dir");

    private final Inventory inventory;
    private final InventoryVars hostVars;
    private final InventoryVars groupVars;
    private final Map<String, Object> extraVars;
    private final boolean export;

    /**
     * @param hostVars  host vars with the loader's basedir (the current directory, or --playbook-dir)
     * @param groupVars group vars with --playbook-dir only (Ansible reads no cwd group_vars for groups)
     * @param export    --export: only vars defined on the host or group itself, group vars listed
     */
    public InventoryReport(Inventory inventory, InventoryVars hostVars, InventoryVars groupVars,
                           Map<String, Object> extraVars, boolean export) {
        this.inventory = inventory;
        this.hostVars = hostVars;
        this.groupVars = groupVars;
        this.extraVars = extraVars == null ? Map.of() : extraVars;
        this.export = export;
    }

    /** Ansible's AnsibleOptionsError: a wrong use of the command, exit code 5. */
    public static JplayException optionsError(String message) {
        return new JplayException(message, Location.UNKNOWN, null, 5);
    }

    /** {@code --list} in the JSON script layout: groups with hosts/children, {@code _meta.hostvars}. */
    public Map<String, Object> list() {
        Map<String, Object> results = new LinkedHashMap<>();
        formatGroup(inventory.group("all"), results, new HashSet<>());
        Map<String, Object> meta = new LinkedHashMap<>();
        Map<String, Object> all = new LinkedHashMap<>();
        for (Host host : inventory.group("all").allHosts()) {
            Map<String, Object> vars = hostVariables(host);
            if (!vars.isEmpty()) {
                all.put(host.name(), vars);
            }
        }
        meta.put("hostvars", all);
        results.put("_meta", meta);
        return results;
    }

    private void formatGroup(Group group, Map<String, Object> results, Set<String> seen) {
        Map<String, Object> entry = new LinkedHashMap<>();
        results.put(group.name(), entry);
        if (!"all".equals(group.name())) {
            entry.put("hosts", group.hosts().stream().map(Host::name).toList());
        }
        List<String> children = new ArrayList<>();
        entry.put("children", children);
        for (Group sub : group.childGroups()) {
            children.add(sub.name());
            if (!seen.contains(sub.name())) {
                formatGroup(sub, results, seen);
                seen.add(sub.name());
            }
        }
        if (export) {
            entry.put("vars", groupVariables(group));
        }
        removeEmpty(entry);
        if (entry.isEmpty()) {
            results.remove(group.name());
        }
    }

    /** {@code --list --yaml}: the YAML inventory layout, each host's vars under its first group. */
    public Map<String, Object> yamlList() {
        List<String> seen = new ArrayList<>();
        return formatYamlGroup(inventory.group("all"), seen);
    }

    private Map<String, Object> formatYamlGroup(Group group, List<String> seen) {
        Map<String, Object> entry = new LinkedHashMap<>();
        Map<String, Object> children = new LinkedHashMap<>();
        entry.put("children", children);
        for (Group sub : group.childGroups()) {
            if (!"all".equals(sub.name())) {
                children.putAll(formatYamlGroup(sub, seen));
            }
        }
        Map<String, Object> hosts = new LinkedHashMap<>();
        entry.put("hosts", hosts);
        if (!"all".equals(group.name())) {
            for (Host h : group.hosts()) {
                Map<String, Object> vars = new LinkedHashMap<>();
                if (!seen.contains(h.name())) {
                    seen.add(h.name());
                    vars = hostVariables(h);
                }
                hosts.put(h.name(), vars);
            }
        }
        if (export) {
            Map<String, Object> gvars = groupVariables(group);
            if (!gvars.isEmpty()) {
                entry.put("vars", gvars);
            }
        }
        removeEmpty(entry);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(group.name(), entry);
        return result;
    }

    private static void removeEmpty(Map<String, Object> entry) {
        for (String key : List.of("hosts", "vars", "children")) {
            Object v = entry.get(key);
            if (v instanceof Map<?, ?> m && m.isEmpty() || v instanceof List<?> l && l.isEmpty()) {
                entry.remove(key);
            }
        }
    }

    /** {@code --host PATTERN}: the vars of the one host the pattern matches; misses warn as Ansible. */
    public Map<String, Object> host(String pattern, Consumer<String> warnings) {
        List<Host> hosts = new HostPatternMatcher(inventory, warnings).hosts(pattern);
        if (hosts.size() != 1) {
            throw optionsError("You must pass a single valid host to --host parameter");
        }
        return hostVariables(hosts.get(0));
    }

    /** {@code --graph [GROUP] [--vars]}: the group tree as ansible-inventory draws it. */
    public String graph(String groupName, boolean showVars) {
        Group start = inventory.group(groupName);
        if (start == null) {
            throw optionsError("Pattern must be valid group name when using --graph");
        }
        List<String> lines = new ArrayList<>();
        graphGroup(start, 0, showVars, lines);
        return String.join("\n", lines);
    }

    private void graphGroup(Group group, int depth, boolean showVars, List<String> lines) {
        lines.add(graphName("@" + group.name() + ":", depth));
        int inner = depth + 1;
        for (Group kid : group.childGroups()) {
            graphGroup(kid, inner, showVars, lines);
        }
        if (!"all".equals(group.name())) {
            for (Host host : group.hosts()) {
                lines.add(graphName(host.name(), inner));
                if (showVars) {
                    showVars(hostVariables(host), inner + 1, lines);
                }
            }
        }
        if (showVars) {
            showVars(groupVariables(group), inner, lines);
        }
    }

    private static void showVars(Map<String, Object> vars, int depth, List<String> lines) {
        vars.keySet().stream().sorted(io.jplay.python.PythonValues::compareCodePoints).forEach(name ->
                lines.add(graphName("{" + name + " = " + PythonRepr.str(vars.get(name), PythonRepr.NO_VAULT_SECRETS) + "}", depth)));
    }

    private static String graphName(String name, int depth) {
        return depth == 0 ? name : "  |".repeat(depth) + "--" + name;
    }

    /** The vars ansible-inventory shows for a host (see class doc). */
    public Map<String, Object> hostVariables(Host host) {
        Map<String, Object> vars = export ? groupVars.ownHostVars(host) : hostVars.hostVars(host);
        if (!export) {
            vars.putAll(extraVars);
        }
        INTERNAL_VARS.forEach(vars::remove);
        return vars;
    }

    private Map<String, Object> groupVariables(Group group) {
        Map<String, Object> vars = groupVars.groupVars(group);
        if (group.priority() != 1) {
            vars.put("ansible_group_priority", (long) group.priority());
        }
        INTERNAL_VARS.forEach(vars::remove);
        return vars;
    }
}
