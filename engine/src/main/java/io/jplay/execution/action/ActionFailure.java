package io.jplay.execution.action;

/** An action's {@code failed: true} result with this message. */
public class ActionFailure extends RuntimeException {

    public ActionFailure(String message) {
        super(message, null, false, false);
    }
}
