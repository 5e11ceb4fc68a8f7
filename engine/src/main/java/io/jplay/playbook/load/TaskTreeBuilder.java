package io.jplay.playbook.load;

import io.jplay.error.JplayException;
import io.jplay.error.Location;
import io.jplay.playbook.Block;
import io.jplay.playbook.BlockOrigin;
import io.jplay.playbook.Keywords;
import io.jplay.playbook.Role;
import io.jplay.playbook.RoleReference;
import io.jplay.playbook.Task;
import io.jplay.playbook.TaskEntry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a play's task trees as Ansible compiles them at parse time: expands import_tasks and import_role in
 * place (recursively), turns each role into its blocks (dependencies first, then its tasks, then an implicit
 * end-of-role marker), and wraps what comes from a file or a role in an implicit {@link Block} whose
 * {@link BlockOrigin} tells the executor the role, the dependency chain and the base folder.
 * include_tasks/include_role stay tasks: the executor expands them at run time through {@link Includes}.
 */
final class TaskTreeBuilder {

    /** The implicit meta task Ansible appends to each role, so the executor can mark the role done on a host. */
    static final String ROLE_COMPLETE = "role_complete";

    private static final int MAX_IMPORT_DEPTH = 64;
    private static final Set<String> IMPORT_ROLE_OPTIONS = Set.of("name", "tasks_from", "vars_from", "defaults_from",
            "handlers_from", "allow_duplicates", "public", "rolespec_validate", "apply");

    private final RoleLoader roles;
    private final LoadTimeTemplater templater;
    private final Map<String, Object> playVars;
    private final Path playbookDir;
    private final List<Role> importedRoles = new ArrayList<>();
    private final List<TaskEntry> importedHandlers = new ArrayList<>();

    TaskTreeBuilder(RoleLoader roles, LoadTimeTemplater templater, Map<String, Object> playVars, Path playbookDir) {
        this.roles = roles;
        this.templater = templater;
        this.playVars = playVars;
        this.playbookDir = playbookDir;
    }

    List<Role> importedRoles() {
        return importedRoles;
    }

    List<TaskEntry> importedHandlers() {
        return importedHandlers;
    }

    List<TaskEntry> expand(List<TaskEntry> entries, BlockOrigin origin, boolean handlers) {
        return expand(entries, origin, handlers, 0);
    }

    private List<TaskEntry> expand(List<TaskEntry> entries, BlockOrigin origin, boolean handlers, int depth) {
        if (depth > MAX_IMPORT_DEPTH) {
            throw new JplayException("import_tasks nests deeper than " + MAX_IMPORT_DEPTH + " levels: does "
                    + origin.file() + " import itself?", Location.of(origin.file()));
        }
        List<TaskEntry> expanded = new ArrayList<>();
        for (TaskEntry entry : entries) {
            if (entry instanceof Block block) {
                expanded.add(new Block(expand(block.block(), origin, handlers, depth),
                        expand(block.rescue(), origin, handlers, depth),
                        expand(block.always(), origin, handlers, depth),
                        block.keywords(), block.location(), block.origin()));
            } else if (entry instanceof Task task && (task.moduleName().equals("import_tasks") || isStaticInclude(task))) {
                expanded.add(importTasks(task, origin, handlers, depth));
            } else if (entry instanceof Task task && task.moduleName().equals("import_role")) {
                expanded.add(importRole(task, origin));
            } else {
                expanded.add(entry);
            }
        }
        return expanded;
    }

    /**
     * The deprecated {@code include:} is static in 2.14 when its file name holds no template and it has no loop
     * (helpers.load_list_of_tasks); otherwise the executor includes it at run time, as include_tasks.
     */
    private static boolean isStaticInclude(Task task) {
        if (!task.moduleName().equals("include") || task.has("loop")) {
            return false;
        }
        Object file = task.args().get("_raw_params");
        return file != null && !io.jplay.template.Templar.isTemplate(String.valueOf(file));
    }

    private Block importTasks(Task task, BlockOrigin origin, boolean handlers, int depth) {
        Object target = task.args().containsKey("file") ? task.args().get("file") : task.args().get("_raw_params");
        if (target == null) {
            throw new JplayException("No file specified for import_tasks", task.location(), null, 4);
        }
        String name = String.valueOf(templater.template(target, taskVars(task)));
        String subdir = handlers ? "handlers" : "tasks";
        Path file;
        try {
            file = resolveTaskFile(name, origin, subdir, task.location());
        } catch (JplayException notFound) {
            // As Ansible's loader reports a static import it cannot read: the last path it tried, no position.
            Path tried = origin.role() != null ? origin.role().path().resolve(subdir).resolve(name) : playbookDir.resolve(name);
            throw new JplayException("Unable to retrieve file contents\nCould not find or access '" + tried.normalize()
                    + "' on the Ansible Controller.\nIf you are using a module and expect the file to exist on the "
                    + "remote, see the remote_src option");
        }
        BlockOrigin fileOrigin = new BlockOrigin(file, origin.role(), origin.depChain());
        List<TaskEntry> tasks = expand(TaskFiles.read(file, handlers), fileOrigin, handlers, depth + 1);
        return Block.implicit(tasks, inheritedKeywords(task), task.location(), fileOrigin);
    }

    private Block importRole(Task task, BlockOrigin origin) {
        for (String option : task.args().keySet()) {
            if (!IMPORT_ROLE_OPTIONS.contains(option)) {
                throw new JplayException("Invalid options for import_role: " + option, task.location(), null, 4);
            }
        }
        Object name = task.args().get("name");
        if (name == null) {
            throw new JplayException("'name' is a required field for import_role.", task.location(), null, 4);
        }
        RoleLoader.FromFiles from = fromFiles(task);
        RoleReference reference = new RoleReference(String.valueOf(name), Map.of("vars", taskVars(task)), Map.of(),
                task.location());
        Role role = roles.load(reference, playbookDir, playVars, from, true);
        importedRoles.add(role);
        List<Role> parentChain = origin.depChain();
        importedHandlers.add(Block.implicit(compileHandlers(role, parentChain), inheritedKeywords(task),
                task.location(), origin));
        return Block.implicit(compileRole(role, parentChain), inheritedKeywords(task), task.location(), origin);
    }

    /** A role's blocks: its dependencies' blocks, then its own tasks, then the end-of-role marker. */
    List<TaskEntry> compileRole(Role role, List<Role> parentChain) {
        List<Role> chain = append(parentChain, role);
        List<TaskEntry> blocks = new ArrayList<>();
        for (Role dependency : role.dependencies()) {
            blocks.addAll(compileRole(dependency, chain));
        }
        BlockOrigin origin = new BlockOrigin(role.tasks().file(), role, chain);
        Location location = Location.of(role.tasks().file());
        blocks.add(Block.implicit(expand(role.tasks().entries(), origin, false), chainKeywords(chain), location, origin));
        Task roleComplete = new Task("meta", Map.of("_raw_params", ROLE_COMPLETE), Map.of("tags", List.of("always")),
                null, false, location);
        blocks.add(Block.implicit(List.of(roleComplete), Map.of(), location, origin));
        return blocks;
    }

    /** A role's handlers, its dependencies' first. */
    List<TaskEntry> compileHandlers(Role role, List<Role> parentChain) {
        List<Role> chain = append(parentChain, role);
        List<TaskEntry> blocks = new ArrayList<>();
        for (Role dependency : role.dependencies()) {
            blocks.addAll(compileHandlers(dependency, chain));
        }
        if (!role.handlers().entries().isEmpty()) {
            BlockOrigin origin = new BlockOrigin(role.handlers().file(), role, chain);
            blocks.add(Block.implicit(expand(role.handlers().entries(), origin, true), chainKeywords(chain),
                    Location.of(role.handlers().file()), origin));
        }
        return blocks;
    }

    /**
     * Where a task file named in an import or include is: beside the file that names it, then in the role's
     * tasks folder, then beside the playbook (DataLoader.path_dwim_relative, simplified to its common cases).
     */
    Path resolveTaskFile(String name, BlockOrigin origin, String subdir, Location location) {
        Path given = Path.of(name.startsWith("~/") ? System.getProperty("user.home") + name.substring(1) : name);
        if (given.isAbsolute()) {
            if (Files.isRegularFile(given)) {
                return given.normalize();
            }
            throw missing(name, location);
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(origin.directory().resolve(name));
        if (origin.role() != null) {
            candidates.add(origin.role().path().resolve(subdir).resolve(name));
            candidates.add(origin.role().path().resolve(name));
        }
        candidates.add(playbookDir.resolve(subdir).resolve(name));
        candidates.add(playbookDir.resolve(name));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate.normalize();
            }
        }
        throw missing(name, location);
    }

    private static JplayException missing(String name, Location location) {
        return new JplayException("Could not find or access '" + name + "' on the Ansible Controller.", location);
    }

    static RoleLoader.FromFiles fromFiles(Task task) {
        return new RoleLoader.FromFiles(text(task.args().get("tasks_from")), text(task.args().get("vars_from")),
                text(task.args().get("defaults_from")), text(task.args().get("handlers_from")));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static Map<String, Object> taskVars(Task task) {
        return PlaybookLoader.asMap(task.keyword("vars"));
    }

    /** The keywords an import passes on to what it imports (when, tags, vars, become, ...), as a parent block. */
    static Map<String, Object> inheritedKeywords(Task task) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        task.keywords().forEach((key, value) -> {
            if (Keywords.BLOCK.contains(key) && !key.equals("name")) {
                keywords.put(key, value);
            }
        });
        return keywords;
    }

    /**
     * The keywords a role's tasks inherit from the entries that listed it along its dependency chain: every
     * {@code when} applies, {@code tags} add up, and for the rest the innermost entry wins.
     */
    static Map<String, Object> chainKeywords(List<Role> chain) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        List<Object> when = new ArrayList<>();
        Set<Object> tags = new LinkedHashSet<>();
        for (Role role : chain) {
            role.keywords().forEach((key, value) -> {
                switch (key) {
                    case "when" -> when.addAll(PlaybookLoader.asList(value));
                    case "tags" -> tags.addAll(PlaybookLoader.asList(value));
                    default -> keywords.put(key, value);
                }
            });
        }
        if (!when.isEmpty()) {
            keywords.put("when", when);
        }
        if (!tags.isEmpty()) {
            keywords.put("tags", new ArrayList<>(tags));
        }
        return keywords;
    }

    private static List<Role> append(List<Role> chain, Role role) {
        List<Role> longer = new ArrayList<>(chain);
        longer.add(role);
        return longer;
    }
}
