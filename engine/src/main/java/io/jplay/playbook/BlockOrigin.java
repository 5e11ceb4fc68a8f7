package io.jplay.playbook;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the tasks of a loader-made block came from: the file they were read from (relative include paths and
 * templates/files lookups start there), the role they belong to, if any, and the chain of roles that pulled
 * that role in as a dependency (outermost first, ending with the role itself), which decides the role
 * variables the tasks see. User-written blocks have no origin of their own and take their parent's.
 */
public record BlockOrigin(Path file, Role role, List<Role> depChain) {

    public BlockOrigin {
        depChain = List.copyOf(depChain);
    }

    /** Tasks of a playbook file, outside any role. */
    public static BlockOrigin playbookFile(Path file) {
        return new BlockOrigin(file, null, List.of());
    }

    /** The folder relative paths in this file resolve against. */
    public Path directory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }
}
