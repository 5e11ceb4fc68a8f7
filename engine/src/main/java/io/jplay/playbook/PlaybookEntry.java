package io.jplay.playbook;

import io.jplay.error.Location;

/** A top-level item of a playbook file: a {@link Play} or an {@link ImportPlaybook}. */
public sealed interface PlaybookEntry permits Play, ImportPlaybook {
    Location location();
}
