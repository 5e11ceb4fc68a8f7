package io.jplay.execution;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Modules a playbook brings along in module folders: the {@code library} setting, {@code library/} beside a
 * playbook and {@code library/} in a role (kubespray ships its {@code kube} module so). They are Python, which
 * jplay does not run; knowing them lets such playbooks load, list and syntax-check as under Ansible, and a task
 * using one fails saying which file jplay cannot run.
 */
final class ModuleLibraries {

    private final Map<String, Path> modules = new HashMap<>();

    /** Adds the modules of {@code folder}, if it exists; earlier folders win, as in Ansible's search order. */
    void addFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String module = dot > 0 ? name.substring(0, dot) : name;
                if (Files.isRegularFile(file) && !module.startsWith("_") && !module.startsWith(".")) {
                    modules.putIfAbsent(module, file);
                }
            }
        } catch (IOException e) {
            // An unreadable module folder is as good as absent: its modules stay unknown, as Ansible would find none.
        }
    }

    Optional<Path> find(String action) {
        String name = action.startsWith("ansible.legacy.") ? action.substring("ansible.legacy.".length()) : action;
        return Optional.ofNullable(modules.get(name));
    }
}
