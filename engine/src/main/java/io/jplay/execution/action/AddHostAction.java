package io.jplay.execution.action;

import io.jplay.error.JplayException;
import io.jplay.inventory.HostAddress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ansible.builtin.add_host: describes the host to add ({@code add_host: {host_name, groups, host_vars}}); the
 * strategy changes the inventory when it processes the result (see {@code InventoryUpdates}), which is also
 * where {@code changed} is decided. Like Ansible's BYPASS_HOST_LOOP actions it runs for the first host only.
 */
final class AddHostAction implements ActionPlugin {

    /** The arguments that are not host variables ('host' and 'group' are, as in Ansible 2.14). */
    private static final Set<String> SPECIAL = Set.of("name", "hostname", "groupname", "groups");

    @Override
    public Map<String, Object> run(ActionContext context) {
        Map<String, Object> args = new LinkedHashMap<>(context.args());
        Object raw = args.remove("_raw_params");
        if (raw != null && !(raw instanceof Map<?, ?>)) {
            throw new ActionFailure("Invalid raw parameters passed, requires a dictonary/mapping got a  <class '"
                    + (raw instanceof String ? "str" : raw.getClass().getSimpleName()) + "'>");
        }
        if (raw instanceof Map<?, ?> rawMap) {
            Map<String, Object> combined = new LinkedHashMap<>();
            rawMap.forEach((k, v) -> combined.put(String.valueOf(k), v));
            combined.putAll(args);
            args = combined;
        }
        Object newName = args.get("name") != null ? args.get("name")
                : args.get("hostname") != null ? args.get("hostname") : args.get("host");
        if (newName == null) {
            throw new ActionFailure("name, host or hostname needs to be provided");
        }
        String name = String.valueOf(newName);
        try {
            HostAddress address = HostAddress.parse(name, false);
            name = address.host();
            if (address.port() != null) {
                args.put("ansible_ssh_port", (long) address.port());
            }
        } catch (JplayException e) {
            // not a parsable host name, but it may still be usable
        }
        Object groups = args.get("groupname") != null ? args.get("groupname")
                : args.get("groups") != null ? args.get("groups") : args.get("group");
        List<String> newGroups = new ArrayList<>();
        if (groups != null && !"".equals(groups)) {
            List<?> groupList;
            if (groups instanceof List<?> list) {
                groupList = list;
            } else if (groups instanceof String s) {
                groupList = List.of(s.split(",", -1));
            } else {
                throw new ActionFailure("Groups must be specified as a list.");
            }
            for (Object group : groupList) {
                String groupName = String.valueOf(group);
                if (!newGroups.contains(groupName)) {
                    newGroups.add(groupName.strip());
                }
            }
        }
        Map<String, Object> hostVars = new LinkedHashMap<>();
        args.forEach((k, v) -> {
            if (!SPECIAL.contains(k)) {
                hostVars.put(k, v);
            }
        });
        Map<String, Object> addHost = new LinkedHashMap<>();
        addHost.put("host_name", name);
        addHost.put("groups", newGroups);
        addHost.put("host_vars", hostVars);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("changed", false);
        result.put("add_host", addHost);
        return result;
    }
}
