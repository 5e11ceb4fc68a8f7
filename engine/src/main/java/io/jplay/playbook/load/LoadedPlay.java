package io.jplay.playbook.load;

import io.jplay.playbook.Play;
import io.jplay.playbook.Role;
import io.jplay.playbook.TaskEntry;

import java.nio.file.Path;
import java.util.List;

/**
 * A play ready to run: its roles (those of {@code roles:} and those imported with import_role, in load order),
 * and its task lists with imports expanded, each list wrapped in blocks whose origins name their file and role.
 * {@code roleTasks} are the compiled {@code roles:} section, which runs between pre_tasks and tasks; handlers
 * hold the roles' handlers and the play's own. {@link #includes()} expands include_tasks/include_role at run time.
 */
public record LoadedPlay(Play play, Path playbookDir, List<Role> roles, List<TaskEntry> preTasks,
                         List<TaskEntry> roleTasks, List<TaskEntry> tasks, List<TaskEntry> postTasks,
                         List<TaskEntry> handlers, Includes includes) {

    public LoadedPlay {
        roles = List.copyOf(roles);
        preTasks = List.copyOf(preTasks);
        roleTasks = List.copyOf(roleTasks);
        tasks = List.copyOf(tasks);
        postTasks = List.copyOf(postTasks);
        handlers = List.copyOf(handlers);
    }
}
