package io.jplay.vars;

import java.util.Map;

/**
 * The {@code group_vars/} and {@code host_vars/} folders beside an inventory source or the playbook
 * (Ansible's host_group_vars vars plugin).
 */
public interface AdjacentVars {

    /** The merged files of {@code group_vars/<group>}; empty when there are none. */
    Map<String, Object> groupVars(String group);

    /** The merged files of {@code host_vars/<host>}; empty when there are none. */
    Map<String, Object> hostVars(String host);
}
