package io.jplay.vars;

import io.jplay.error.JplayException;
import io.jplay.error.Location;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ansible's DataLoader.find_vars_files: the files that hold the variables named {@code name} in a folder,
 * either one file {@code name<ext>} or every file of a folder {@code name/} (recursively, sorted by name,
 * hidden files and backups~ skipped). The first extension that exists wins.
 */
public final class VarsFileFinder {

    /** Extensions tried for group_vars/host_vars entries: the bare name first, so a folder wins. */
    public static final List<String> INVENTORY_EXTENSIONS = List.of("", ".yml", ".yaml", ".json");

    /** Extensions tried for a role's defaults/main and vars/main: the bare name (folder) last. */
    public static final List<String> ROLE_MAIN_EXTENSIONS = List.of(".yml", ".yaml", ".json", "");

    private VarsFileFinder() {
    }

    public static List<Path> find(Path folder, String name, List<String> extensions, boolean allowDir) {
        List<Path> found = new ArrayList<>();
        for (String extension : extensions) {
            Path candidate = folder.resolve(name + extension);
            if (!Files.exists(candidate)) {
                continue;
            }
            if (Files.isDirectory(candidate)) {
                if (!allowDir) {
                    continue;
                }
                found.addAll(filesIn(candidate, extensions));
            } else {
                found.add(candidate);
            }
            break;
        }
        return found;
    }

    private static List<Path> filesIn(Path folder, List<String> extensions) {
        List<Path> found = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            // Python sorts the names as code points; Path's natural order is the same on POSIX.
            entries = list.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new JplayException("Could not list '" + folder + "': " + e.getMessage(), Location.of(folder), e);
        }
        for (Path entry : entries) {
            String fileName = entry.getFileName().toString();
            if (fileName.startsWith(".") || fileName.endsWith("~")) {
                continue;
            }
            String extension = extensionOf(fileName);
            if (Files.isDirectory(entry) && extension.isEmpty()) {
                found.addAll(filesIn(entry, extensions));
            } else if (Files.isRegularFile(entry) && (extension.isEmpty() || extensions.contains(extension))) {
                found.add(entry);
            }
        }
        return found;
    }

    /** os.path.splitext's extension: from the last dot, ignoring leading dots of the name. */
    static String extensionOf(String fileName) {
        int start = 0;
        while (start < fileName.length() && fileName.charAt(start) == '.') {
            start++;
        }
        int dot = fileName.lastIndexOf('.');
        return dot > start ? fileName.substring(dot) : "";
    }
}
