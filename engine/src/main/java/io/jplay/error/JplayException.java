package io.jplay.error;

/**
 * An error the user can act on: what went wrong, where (file and line when known), and the exit code
 * ansible-playbook would give. The CLI prints {@link #getMessage()} and exits with {@link #exitCode()};
 * it never prints a stack trace for this type.
 */
public class JplayException extends RuntimeException {

    private final Location location;
    private final int exitCode;

    public JplayException(String message) {
        this(message, Location.UNKNOWN, null);
    }

    public JplayException(String message, Location location) {
        this(message, location, null);
    }

    public JplayException(String message, Location location, Throwable cause) {
        this(message, location, cause, 1);
    }

    public JplayException(String message, Location location, Throwable cause, int exitCode) {
        super(message, cause);
        this.location = location == null ? Location.UNKNOWN : location;
        this.exitCode = exitCode;
    }

    public Location location() {
        return location;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The message followed by Ansible's "The error appears to be in ..." line when the place is known. */
    public String describe() {
        if (!location.isKnown()) {
            return getMessage();
        }
        return getMessage() + "\n\nThe error appears to be in " + location.describe() + ".";
    }
}
