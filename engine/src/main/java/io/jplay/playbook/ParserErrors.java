package io.jplay.playbook;

import io.jplay.error.JplayException;
import io.jplay.error.Location;

/** Errors found while reading a playbook: ansible-playbook reports them as parser errors and exits 4. */
final class ParserErrors {

    static final int PARSER_ERROR_EXIT_CODE = 4;

    private ParserErrors() {
    }

    static JplayException error(String message, Location location) {
        return new JplayException(message, location, null, PARSER_ERROR_EXIT_CODE);
    }
}
