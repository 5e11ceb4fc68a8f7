package io.jplay.playbook;

import java.nio.file.Path;

/**
 * Where the tasks of a loader-made block came from: the file they were read from (relative include paths and
 * templates/files lookups start there) and the role they belong to, if any. User-written blocks have no
 * origin of their own and take their parent's.
 */
public record BlockOrigin(Path file, Role role) {

    /** The folder relative paths in this file resolve against. */
    public Path directory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }
}
