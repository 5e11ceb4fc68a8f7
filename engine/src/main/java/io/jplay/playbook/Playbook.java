package io.jplay.playbook;

import java.nio.file.Path;
import java.util.List;

/** A playbook file: its plays and import_playbook entries, in order. */
public record Playbook(Path file, List<PlaybookEntry> entries) {
    public Playbook {
        entries = List.copyOf(entries);
    }

    /** The folder relative paths in this playbook are resolved against (Ansible's playbook_dir). */
    public Path directory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }
}
