package io.jplay.playbook;

import io.jplay.error.JplayException;
import io.jplay.error.Location;

/** Errors found while reading a playbook: ansible-playbook reports them as parser errors and exits 4. */
public final class ParserErrors {

    static final int PARSER_ERROR_EXIT_CODE = 4;

    private ParserErrors() {
    }

    /**
     * Reads a playbook or task file: ansible-playbook reports its YAML errors as parser errors (exit 4), where
     * inventory and variable files keep exit 1 as the project's issue asks.
     */
    public static <T> T parserExitCode(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (JplayException e) {
            throw e.exitCode() == 1 ? e.withExitCode(PARSER_ERROR_EXIT_CODE) : e;
        }
    }

    static JplayException error(String message, Location location) {
        return new JplayException(message, location, null, PARSER_ERROR_EXIT_CODE);
    }
}
