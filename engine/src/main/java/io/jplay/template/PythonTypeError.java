package io.jplay.template;

/**
 * A Python TypeError raised while evaluating an expression ({@code 'a' + 1}); the Templar words it as
 * Ansible does: "Unexpected templating type error occurred on (<template>): <message>".
 */
public final class PythonTypeError extends RuntimeException {

    public PythonTypeError(String message) {
        super(message, null, false, false);
    }
}
