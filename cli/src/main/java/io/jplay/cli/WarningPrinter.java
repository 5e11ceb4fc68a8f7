package io.jplay.cli;

import io.jplay.output.TextWrap;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/** Ansible's Display.warning: "[WARNING]: ..." wrapped at 79 columns, each distinct warning shown once. */
final class WarningPrinter implements Consumer<String> {

    /** Display's width when stdout is no terminal (max(79, tty columns - 1)). */
    private static final int COLUMNS = 79;

    private final PrintWriter err;
    private final Set<String> shown = new HashSet<>();

    WarningPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void accept(String message) {
        String text = String.join("\n", TextWrap.wrap("[WARNING]: " + message, COLUMNS)) + "\n";
        if (shown.add(text)) {
            err.print(text);
            err.flush();
        }
    }
}
