package io.jplay.vars;

import io.jplay.inventory.HostAddress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Builders for the variables Ansible sets itself. The host's are part of the inventory host level (as
 * Host.get_vars makes them); the play's and role's are pushed by the executor as {@link Precedence#MAGIC}
 * layers, since only it knows the batch, the removed hosts and the running role.
 */
public final class MagicVariables {

    private MagicVariables() {
    }

    /**
     * inventory_hostname, inventory_hostname_short (the name up to the first dot, unless it is an IP address)
     * and group_names (sorted, without {@code all}; {@code ungrouped} stays, as in Ansible).
     */
    public static Map<String, Object> host(String hostName, List<String> groupsWithoutAll) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("inventory_hostname", hostName);
        boolean address = HostAddress.isIpAddress(hostName);
        vars.put("inventory_hostname_short", address ? hostName : hostName.split("\\.", -1)[0]);
        List<String> groupNames = new ArrayList<>(groupsWithoutAll);
        groupNames.remove("all");
        groupNames.sort(null);
        vars.put("group_names", groupNames);
        return vars;
    }

    /**
     * The play's variables: role names (ansible_role_names: every role, dependencies too;
     * ansible_play_role_names: the play's roles: list; ansible_dependent_role_names; role_names, deprecated),
     * ansible_play_name, and the host lists: ansible_play_hosts_all (hosts matching the play),
     * ansible_play_hosts (those not failed), ansible_play_batch (this serial batch, not failed), play_hosts.
     */
    public static Map<String, Object> play(String playName, List<String> playRoleNames,
                                           List<String> dependentRoleNames, List<String> playHostsAll,
                                           List<String> playHosts, List<String> playBatch) {
        Map<String, Object> vars = new LinkedHashMap<>();
        LinkedHashSet<String> allRoles = new LinkedHashSet<>(dependentRoleNames);
        allRoles.addAll(playRoleNames);
        vars.put("ansible_role_names", new ArrayList<>(allRoles));
        vars.put("ansible_play_role_names", new ArrayList<>(playRoleNames));
        vars.put("ansible_dependent_role_names", new ArrayList<>(new LinkedHashSet<>(dependentRoleNames)));
        vars.put("role_names", new ArrayList<>(playRoleNames));
        vars.put("ansible_play_name", playName);
        vars.put("ansible_play_hosts_all", new ArrayList<>(playHostsAll));
        vars.put("ansible_play_hosts", new ArrayList<>(playHosts));
        vars.put("ansible_play_batch", new ArrayList<>(playBatch));
        vars.put("play_hosts", new ArrayList<>(playBatch));
        return vars;
    }

    /**
     * The running role's variables: role_name, role_path, role_uuid, ansible_collection_name (None outside
     * collections), ansible_role_name.
     */
    public static Map<String, Object> role(String roleName, Path rolePath, String roleUuid) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("role_name", roleName);
        vars.put("role_path", rolePath.toString());
        vars.put("role_uuid", roleUuid);
        vars.put("ansible_collection_name", null);
        vars.put("ansible_role_name", roleName);
        return vars;
    }
}
