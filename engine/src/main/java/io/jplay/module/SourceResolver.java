package io.jplay.module;

import java.nio.file.Path;

/**
 * Finds controller-side files named by a task (copy's and script's {@code src}, fetch's {@code dest} base),
 * the way Ansible's action plugins call {@code _find_needle(dirname, needle)}: the executor knows the role
 * and playbook directories and searches {@code <role>/files}, {@code <role>}, {@code <playbook dir>/files},
 * {@code <playbook dir>}. Absolute paths are returned as they are.
 */
@FunctionalInterface
public interface SourceResolver {

    /**
     * @param kind the search subdirectory, {@code files} or {@code templates}
     * @param name the path as the user wrote it
     * @return the first existing candidate
     * @throws ModuleFailure with Ansible's "Could not find or access '...'" message when none exists
     */
    Path resolve(String kind, String name);

    /** Resolves relative names against one directory (and its {@code files}/{@code templates} subdirectory). */
    static SourceResolver relativeTo(Path baseDir) {
        return (kind, name) -> {
            Path given = Path.of(name);
            if (given.isAbsolute()) {
                if (java.nio.file.Files.exists(given)) {
                    return given;
                }
            } else {
                for (Path candidate : new Path[] {baseDir.resolve(kind).resolve(name), baseDir.resolve(name)}) {
                    if (java.nio.file.Files.exists(candidate)) {
                        return candidate;
                    }
                }
            }
            String remoteHint = "If you are using a module and expect the file to exist on the remote, see the remote_src option";
            if (given.isAbsolute()) {
                throw new ModuleFailure("Could not find or access '" + name + "' on the Ansible Controller.\n" + remoteHint);
            }
            throw new ModuleFailure("Could not find or access '" + name + "'\nSearched in:\n\t" + baseDir.resolve(kind).resolve(name)
                    + "\n\t" + baseDir.resolve(name) + " on the Ansible Controller.\n" + remoteHint);
        };
    }
}
