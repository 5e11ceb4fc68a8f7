package io.jplay.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the output needs to know of a task (Ansible's result._task), resolved by the executor.
 *
 * @param uuid              identity of the task (one banner per task; a cached prefix per task)
 * @param name              task.get_name(): the templated name, or the action as written when unnamed
 * @param action            the resolved action ("debug", "ansible.builtin.debug", "include_tasks", ...)
 * @param args              the module arguments, in order, for display_args_to_stdout
 * @param loop              whether the task has a loop (loop/with_*)
 * @param noLog             no_log
 * @param checkMode         the task runs in check mode (for the [CHECK MODE] marker)
 * @param ignoreUnreachable ignore_unreachable
 * @param delegateTo        the templated delegate_to, or null
 * @param path              "file:line" for "task path: ..." lines, or null
 * @param include           an include_tasks/include_role/include (Ansible's TaskInclude), whose ok results print nothing
 */
public record TaskInfo(String uuid, String name, String action, Map<String, Object> args, boolean loop,
                       boolean noLog, boolean checkMode, boolean ignoreUnreachable, String delegateTo,
                       String path, boolean include) {

    public TaskInfo {
        java.util.Objects.requireNonNull(uuid, "uuid");
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(action, "action");
        args = args == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** A plain task: no loop, no_log, check mode, delegation or include. */
    public static TaskInfo of(String uuid, String name, String action) {
        return new TaskInfo(uuid, name, action, Map.of(), false, false, false, false, null, null, false);
    }

    public TaskInfo withLoop(boolean value) {
        return new TaskInfo(uuid, name, action, args, value, noLog, checkMode, ignoreUnreachable, delegateTo, path, include);
    }

    public TaskInfo withNoLog(boolean value) {
        return new TaskInfo(uuid, name, action, args, loop, value, checkMode, ignoreUnreachable, delegateTo, path, include);
    }

    public TaskInfo withCheckMode(boolean value) {
        return new TaskInfo(uuid, name, action, args, loop, noLog, value, ignoreUnreachable, delegateTo, path, include);
    }

    public TaskInfo withIgnoreUnreachable(boolean value) {
        return new TaskInfo(uuid, name, action, args, loop, noLog, checkMode, value, delegateTo, path, include);
    }

    public TaskInfo withDelegateTo(String value) {
        return new TaskInfo(uuid, name, action, args, loop, noLog, checkMode, ignoreUnreachable, value, path, include);
    }

    public TaskInfo withPath(String value) {
        return new TaskInfo(uuid, name, action, args, loop, noLog, checkMode, ignoreUnreachable, delegateTo, value, include);
    }

    public TaskInfo withArgs(Map<String, Object> value) {
        return new TaskInfo(uuid, name, action, value, loop, noLog, checkMode, ignoreUnreachable, delegateTo, path, include);
    }

    public TaskInfo asInclude() {
        return new TaskInfo(uuid, name, action, args, loop, noLog, checkMode, ignoreUnreachable, delegateTo, path, true);
    }

    /** C._ACTION_DEBUG: the debug action prints only what it was asked to. */
    public boolean isDebug() {
        return action.equals("debug") || action.equals("ansible.builtin.debug") || action.equals("ansible.legacy.debug");
    }
}
