package io.jplay.playbook.load;

import io.jplay.playbook.Play;

import java.nio.file.Path;
import java.util.List;

/**
 * A play and the playbook file it was written in, after import_playbook: its play vars already include the
 * import's vars and its tags the import's tags; {@code importConditions} are the import's {@code when},
 * applied to every task of the play (not to its handlers), as Ansible does.
 */
public record PlaySource(Play play, Path playbookFile, List<Object> importConditions) {

    public PlaySource {
        importConditions = List.copyOf(importConditions);
    }

    /** Ansible's playbook_dir for this play: the folder of the file that holds it. */
    public Path playbookDir() {
        Path parent = playbookFile.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }
}
