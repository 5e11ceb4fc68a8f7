package io.jplay.cli;

import io.jplay.error.JplayException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code jplay inventory}: ansible-inventory's --list / --graph / --host. */
@Command(name = "inventory", mixinStandardHelpOptions = true, description = "Show the inventory as Ansible sees it.")
final class InventoryCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new JplayException("not built yet");
    }
}
