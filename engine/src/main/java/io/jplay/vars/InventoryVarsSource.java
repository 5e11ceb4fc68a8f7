package io.jplay.vars;

import java.util.List;
import java.util.Map;

/**
 * What variables need from the inventory. Kept small so any inventory model can be adapted to it
 * (see {@code io.jplay.inventory}).
 */
public interface InventoryVarsSource {

    /** Every host, in inventory order. */
    List<String> hostNames();

    default boolean hasHost(String host) {
        return hostNames().contains(host);
    }

    /**
     * The groups the host belongs to, directly or through children, without {@code all}, in Ansible's
     * precedence order (sort_groups: depth, then ansible_group_priority, then name); lowest first.
     */
    List<String> groupsOf(String host);

    /** Variables the inventory sources give a group ({@code all} included), as loaded, before group_vars/. */
    Map<String, Object> groupVars(String group);

    /** Variables the inventory sources give a host (with inventory_file and inventory_dir), before host_vars/. */
    Map<String, Object> hostVars(String host);

    /** The {@code groups} magic variable: every group (all and ungrouped included) to its hosts, in order. */
    Map<String, List<String>> groupsDict();
}
