package io.jplay.playbook.load;

import io.jplay.error.JplayException;
import io.jplay.error.Location;
import io.jplay.playbook.TaskEntry;
import io.jplay.playbook.TaskListParser;
import io.jplay.vars.VarsFileFinder;
import io.jplay.yaml.YamlLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads task and handler files: a role's tasks/main, a tasks_from file, an import_tasks/include_tasks file. */
final class TaskFiles {

    private static final List<String> NAMED_FILE_EXTENSIONS = List.of("", ".yml", ".yaml", ".json");

    private TaskFiles() {
    }

    /**
     * The file {@code name} (or {@code main} when null) in a role's {@code subdir}, as Role._load_role_yaml finds
     * it: main.yml, main.yaml, main.json, main; a named file as given, then with those extensions.
     */
    static Optional<Path> findInRole(Path roleDir, String subdir, String name, Location location) {
        Path folder = roleDir.resolve(subdir);
        if (!Files.isDirectory(folder)) {
            if (name != null) {
                throw new JplayException("Could not find specified file in role: " + subdir + "/" + name, location);
            }
            return Optional.empty();
        }
        List<Path> found = name == null
                ? VarsFileFinder.find(folder, "main", VarsFileFinder.ROLE_MAIN_EXTENSIONS, false)
                : VarsFileFinder.find(folder, name, NAMED_FILE_EXTENSIONS, false);
        if (found.isEmpty()) {
            if (name != null) {
                throw new JplayException("Could not find specified file in role: " + subdir + "/" + name, location);
            }
            return Optional.empty();
        }
        Path file = found.get(0).toAbsolutePath().normalize();
        if (!file.startsWith(folder.toAbsolutePath().normalize())) {
            throw new JplayException("Failed loading '" + file + "' for role (" + roleDir.getFileName()
                    + ") as it is not inside the expected role path: '" + folder + "'", location);
        }
        return Optional.of(file);
    }

    /** A file of tasks (or handlers): a list of tasks and blocks; an empty file has none. */
    static List<TaskEntry> read(Path file, boolean handlers) {
        Object data = io.jplay.playbook.ParserErrors.parserExitCode(() -> YamlLoader.loadFile(file));
        if (data == null) {
            return List.of();
        }
        if (!(data instanceof List)) {
            throw new JplayException("included task files must contain a list of tasks", Location.of(file, 1, 1), null, 4);
        }
        return TaskListParser.parse(data, handlers ? "handlers" : "tasks", handlers, Location.of(file, 1, 1));
    }
}
