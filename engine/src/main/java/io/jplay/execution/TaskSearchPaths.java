package io.jplay.execution;

import io.jplay.template.LookupSupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The LookupSupport of the run's one Templar: lookups ask where relative files are searched, which depends on
 * the task being run on the current thread (its role and its file), so the worker sets that before templating.
 */
final class TaskSearchPaths implements LookupSupport {

    private final ThreadLocal<List<Path>> baseDirs = ThreadLocal.withInitial(List::of);
    private final Function<String, List<String>> hostPattern;
    private final java.util.function.Consumer<String> warnings;

    TaskSearchPaths(Function<String, List<String>> hostPattern, java.util.function.Consumer<String> warnings) {
        this.hostPattern = hostPattern;
        this.warnings = warnings;
    }

    @Override
    public void warning(String message) {
        warnings.accept(message);
    }

    /** The directories of the running task, most specific first (role dir, the task file's dir, playbook dir). */
    void enter(List<Path> dirs) {
        baseDirs.set(List.copyOf(dirs));
    }

    List<Path> baseDirs() {
        return baseDirs.get();
    }

    @Override
    public List<Path> searchPaths(String subdir) {
        List<Path> paths = new ArrayList<>();
        for (Path dir : baseDirs.get()) {
            if (subdir != null && !subdir.isEmpty()) {
                paths.add(dir.resolve(subdir));
            }
            paths.add(dir);
        }
        return paths;
    }

    /** The first existing file for a relative name ({@code kind} is files, templates or vars), or null. */
    Path find(String kind, String name) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return Files.exists(given) ? given : null;
        }
        for (Path dir : searchPaths(kind)) {
            if (Files.exists(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return null;
    }

    @Override
    public List<String> hostsMatching(String pattern) {
        return hostPattern.apply(pattern);
    }
}
