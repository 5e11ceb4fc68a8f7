package io.jplay.connection;

/**
 * Privilege escalation was refused on a host that is otherwise reachable: a wrong or missing sudo/su password.
 * The task fails with Ansible's message for it ({@code Incorrect sudo password}, {@code Missing sudo password}),
 * the host stays reachable.
 */
public class BecomeException extends RuntimeException {
    public BecomeException(String message) {
        super(message);
    }
}
