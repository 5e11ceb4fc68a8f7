package io.jplay.template.lookup;

import io.jplay.error.JplayException;

/** A lookup asked for a variable that does not exist; Ansible raises this whatever {@code errors=} says. */
public class UndefinedLookupVariable extends JplayException {

    public UndefinedLookupVariable(String message) {
        super(message);
    }
}
