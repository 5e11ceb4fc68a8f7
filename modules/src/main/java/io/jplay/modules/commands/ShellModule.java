package io.jplay.modules.commands;

import io.jplay.module.ModuleArgs;

/**
 * ansible.builtin.shell: the command module with {@code _uses_shell}, so the free form runs through
 * {@code /bin/sh -c} (or {@code executable}) with pipes, redirections and variables.
 */
public final class ShellModule extends CommandModule {

    @Override
    public String name() {
        return "shell";
    }

    @Override
    protected boolean usesShell(ModuleArgs args) {
        return true;
    }
}
