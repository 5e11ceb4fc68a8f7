package io.jplay.playbook;

import io.jplay.error.Location;

/** Something that can stand in a task list: a {@link Task} or a {@link Block}. */
public sealed interface TaskEntry permits Task, Block {
    Location location();
}
