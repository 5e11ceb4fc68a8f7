package io.jplay.playbook;

import java.util.HashSet;
import java.util.Set;

/**
 * The keywords ansible-core 2.14 accepts on each playbook object (its FieldAttributes), used to tell a
 * task's keywords from its module and to reject unknown ones with Ansible's message.
 */
public final class Keywords {

    private Keywords() {
    }

    /** Ansible's Base: valid on plays, roles, blocks and tasks. */
    static final Set<String> BASE = Set.of(
            "name", "connection", "port", "remote_user", "vars", "module_defaults", "environment", "no_log",
            "run_once", "ignore_errors", "ignore_unreachable", "check_mode", "diff", "any_errors_fatal",
            "throttle", "timeout", "debugger", "become", "become_method", "become_user", "become_flags",
            "become_exe");

    public static final Set<String> PLAY = union(BASE, Set.of(
            "tags", "collections", "hosts", "gather_facts", "gather_subset", "gather_timeout", "fact_path",
            "vars_files", "vars_prompt", "roles", "handlers", "pre_tasks", "post_tasks", "tasks",
            "force_handlers", "max_fail_percentage", "serial", "strategy", "order"));

    public static final Set<String> BLOCK = union(BASE, Set.of(
            "when", "tags", "collections", "notify", "delegate_to", "delegate_facts", "block", "rescue", "always"));

    public static final Set<String> TASK = union(BASE, Set.of(
            "when", "tags", "collections", "notify", "delegate_to", "delegate_facts", "args", "action",
            "async", "changed_when", "delay", "failed_when", "loop", "loop_control", "poll", "register",
            "retries", "until", "local_action"));

    public static final Set<String> HANDLER = union(TASK, Set.of("listen"));

    /** Keys of a {@code roles:} entry that are keywords; any other key is a role parameter. */
    public static final Set<String> ROLE_ENTRY = union(BASE, Set.of(
            "when", "tags", "collections", "delegate_to", "delegate_facts", "role"));

    /** Keywords of an import_playbook entry. */
    public static final Set<String> IMPORT_PLAYBOOK = Set.of(
            "import_playbook", "ansible.builtin.import_playbook", "name", "vars", "when", "tags");

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
