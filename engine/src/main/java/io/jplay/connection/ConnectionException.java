package io.jplay.connection;

/** The transport itself failed (host unreachable, channel broken, file transfer refused). */
public class ConnectionException extends RuntimeException {
    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
