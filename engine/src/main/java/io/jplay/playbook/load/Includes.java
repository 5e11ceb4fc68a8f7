package io.jplay.playbook.load;

import io.jplay.error.JplayException;
import io.jplay.playbook.Block;
import io.jplay.playbook.BlockOrigin;
import io.jplay.playbook.Role;
import io.jplay.playbook.RoleReference;
import io.jplay.playbook.Task;
import io.jplay.playbook.TaskEntry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * include_tasks and include_role, expanded when the executor reaches them on a host, with their names already
 * templated in that host's context. They share the play's role cache, so a role included twice with the same
 * parameters is the same role, as in Ansible.
 */
public final class Includes {

    /** What include_role brings in: the role (for its variables), its task blocks and its handler blocks. */
    public record IncludedRole(Role role, List<TaskEntry> blocks, List<TaskEntry> handlers) {
    }

    private final TaskTreeBuilder builder;
    private final RoleLoader roles;
    private final Path playbookDir;
    private final Map<String, Object> playVars;

    Includes(TaskTreeBuilder builder, RoleLoader roles, Path playbookDir, Map<String, Object> playVars) {
        this.builder = builder;
        this.roles = roles;
        this.playbookDir = playbookDir;
        this.playVars = playVars;
    }

    /**
     * The tasks of {@code fileName} named by {@code include} (an include_tasks task found in a block with
     * {@code origin}), imports inside expanded, wrapped in a block whose origin is the included file.
     */
    public Block includeTasks(String fileName, Task include, BlockOrigin origin, boolean handlers) {
        Path file = builder.resolveTaskFile(fileName, origin, handlers ? "handlers" : "tasks", include.location());
        BlockOrigin fileOrigin = new BlockOrigin(file, origin.role(), origin.depChain());
        List<TaskEntry> tasks = builder.expand(TaskFiles.read(file, handlers), fileOrigin, handlers);
        return Block.implicit(tasks, Map.of(), include.location(), fileOrigin);
    }

    /** The role named by an include_role task (name and *_from already templated), compiled into blocks. */
    public IncludedRole includeRole(String roleName, Task include, BlockOrigin origin) {
        if (roleName == null || roleName.isBlank()) {
            throw new JplayException("'name' is a required field for include_role.", include.location());
        }
        RoleReference reference = new RoleReference(roleName, Map.of("vars", TaskTreeBuilder.taskVars(include)),
                Map.of(), include.location());
        Role role = roles.load(reference, playbookDir, playVars, TaskTreeBuilder.fromFiles(include), true);
        List<TaskEntry> blocks = builder.compileRole(role, origin.depChain());
        List<TaskEntry> handlers = builder.compileHandlers(role, origin.depChain());
        return new IncludedRole(role, blocks, handlers);
    }
}
