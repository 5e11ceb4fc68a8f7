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

    /** A copy of this error with another exit code (ansible-playbook exits 4 for parser errors). */
    public JplayException withExitCode(int code) {
        JplayException copy = new JplayException(getMessage(), location, getCause(), code);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public int exitCode() {
        return exitCode;
    }

    /**
     * The message as ansible-playbook prints it after "ERROR! ": when the place is known, followed by where the
     * error appears to be and the offending lines of the file, with a caret under the column.
     */
    public String describe() {
        if (!location.isKnown()) {
            return getMessage();
        }
        if (location.line() <= 0) {
            return getMessage() + "\n\nThe error appears to be in '" + location.file() + "'.";
        }
        return getMessage() + "\n\n" + ErrorExcerpt.of(location);
    }
}
