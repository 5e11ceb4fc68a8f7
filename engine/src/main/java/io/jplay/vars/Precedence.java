package io.jplay.vars;

/**
 * The levels of variables in ansible-core 2.14's order, lowest first (VariableManager.get_vars). Layers of
 * the same level apply in the order they were pushed. The inventory, facts, include_vars, set_fact and
 * extra-vars levels are kept by the {@link VariableManager} itself; the executor pushes the others into a
 * {@link VarsContext}.
 *
 * <p>Group variables follow 2.14's default {@code VARIABLE_PRECEDENCE}: the inventory file's group vars
 * (all, then the host's other groups) come before every {@code group_vars/} folder.
 */
public enum Precedence {
    /** defaults/ of the play's roles (dependencies first), then of the task's role and its dependency chain. */
    ROLE_DEFAULTS,
    /** [all:vars] and all: vars: of the inventory sources. */
    INVENTORY_FILE_ALL,
    /** The other groups' vars in the inventory sources, in group precedence order (depth, priority, name). */
    INVENTORY_FILE_GROUPS,
    /** group_vars/all beside the inventory sources. */
    INVENTORY_GROUP_VARS_ALL,
    /** group_vars/all beside the playbook. */
    PLAYBOOK_GROUP_VARS_ALL,
    /** group_vars/GROUP beside the inventory sources, in group precedence order. */
    INVENTORY_GROUP_VARS,
    /** group_vars/GROUP beside the playbook. */
    PLAYBOOK_GROUP_VARS,
    /** Host variables of the inventory sources, with inventory_hostname, inventory_hostname_short, group_names. */
    INVENTORY_FILE_HOST,
    /** host_vars/HOST beside the inventory sources. */
    INVENTORY_HOST_VARS,
    /** host_vars/HOST beside the playbook. */
    PLAYBOOK_HOST_VARS,
    /** Gathered facts and set_fact cacheable=true (ansible_facts, plus each fact as a variable). */
    FACTS,
    /** The play's vars: (vars_prompt answers are stored into them, so they count as play vars). */
    PLAY_VARS,
    /** The play's vars_files, in order. */
    PLAY_VARS_FILES,
    /** vars/ of every role of the play, then of the task's role with its dependency chain. */
    ROLE_VARS,
    /** vars: of enclosing blocks and includes, outermost first (Block.get_vars). */
    BLOCK_VARS,
    /** The task's own vars:. */
    TASK_VARS,
    /** include_vars results (the vars cache of the host). */
    INCLUDE_VARS,
    /** set_fact and register results (the non-persistent fact cache). */
    SET_FACT,
    /** Role parameters (roles: - role: x param: 1) of the task's role and its dependency chain. */
    ROLE_PARAMS,
    /** Parameters of include_tasks/include_role. */
    INCLUDE_PARAMS,
    /** -e: always win over the user's levels. */
    EXTRA_VARS,
    /** Magic variables (playbook_dir, groups, omit, ansible_play_hosts, role_path, ...): set by jplay, last. */
    MAGIC
}
