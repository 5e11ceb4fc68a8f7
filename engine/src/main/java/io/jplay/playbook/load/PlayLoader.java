package io.jplay.playbook.load;

import io.jplay.playbook.Block;
import io.jplay.playbook.BlockOrigin;
import io.jplay.playbook.Play;
import io.jplay.playbook.Role;
import io.jplay.playbook.RoleReference;
import io.jplay.playbook.TaskEntry;
import io.jplay.vars.RoleVarsLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link PlaySource} into a {@link LoadedPlay}: loads the play's roles, compiles them and expands the
 * static imports of every task list, as ansible-core does when it loads a play.
 */
public final class PlayLoader {

    private final RoleFinder finder;
    private final RoleVarsLoader varsLoader;
    private final LoadTimeTemplater templater;

    public PlayLoader(List<Path> rolesPath, RoleVarsLoader varsLoader, LoadTimeTemplater templater) {
        this.finder = new RoleFinder(rolesPath);
        this.varsLoader = varsLoader;
        this.templater = templater;
    }

    public LoadedPlay load(PlaySource source) {
        Play play = source.play();
        Map<String, Object> playVars = PlaybookLoader.asMap(play.keyword("vars"));
        Path playbookDir = source.playbookDir();
        // One role loader per play: Ansible's role cache (ROLE_CACHE) lives on the play.
        RoleLoader roleLoader = new RoleLoader(finder, varsLoader, templater);
        TaskTreeBuilder builder = new TaskTreeBuilder(roleLoader, templater, playVars, playbookDir);
        BlockOrigin playOrigin = BlockOrigin.playbookFile(source.playbookFile());

        List<Role> roles = new ArrayList<>();
        List<TaskEntry> roleTasks = new ArrayList<>();
        List<TaskEntry> roleHandlers = new ArrayList<>();
        for (RoleReference reference : play.roles()) {
            Role role = roleLoader.load(reference, playbookDir, playVars, RoleLoader.FromFiles.MAIN, false);
            roles.add(role);
            roleTasks.addAll(builder.compileRole(role, List.of()));
            roleHandlers.addAll(builder.compileHandlers(role, List.of()));
        }
        List<TaskEntry> preTasks = section(builder.expand(play.preTasks(), playOrigin, false), source, playOrigin);
        List<TaskEntry> tasks = section(builder.expand(play.tasks(), playOrigin, false), source, playOrigin);
        List<TaskEntry> postTasks = section(builder.expand(play.postTasks(), playOrigin, false), source, playOrigin);
        List<TaskEntry> playHandlers = builder.expand(play.handlers(), playOrigin, true);
        roles.addAll(builder.importedRoles());

        List<TaskEntry> handlers = new ArrayList<>(roleHandlers);
        if (!playHandlers.isEmpty()) {
            handlers.add(Block.implicit(playHandlers, Map.of(), play.location(), playOrigin));
        }
        handlers.addAll(builder.importedHandlers());
        return new LoadedPlay(play, playbookDir, roles, preTasks,
                section(roleTasks, source, playOrigin), tasks, postTasks, handlers,
                new Includes(builder, roleLoader, playbookDir, playVars));
    }

    /** A task list in one implicit block carrying the play's origin and the import_playbook conditions, if any. */
    private static List<TaskEntry> section(List<TaskEntry> entries, PlaySource source, BlockOrigin origin) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<String, Object> keywords = source.importConditions().isEmpty()
                ? Map.of() : Map.of("when", source.importConditions());
        return List.of(Block.implicit(entries, keywords, source.play().location(), origin));
    }
}
