package io.jplay.template;

import io.jplay.error.JplayException;
import io.jplay.error.Location;

/**
 * A template could not be rendered: syntax error, unknown filter or test, recursive variable, type error.
 * The executor decorates it with the task and file:line ({@link #getMessage()} is Ansible's wording
 * without the "The task includes an option..." prefix the executor adds).
 */
public class TemplatingException extends JplayException {

    public TemplatingException(String message) {
        super(message);
    }

    public TemplatingException(String message, Throwable cause) {
        super(message, null, cause);
    }

    public TemplatingException(String message, Location location, Throwable cause) {
        super(message, location, cause);
    }
}
