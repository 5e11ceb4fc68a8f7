package io.jplay.execution.action;

/** An action's {@code failed: true} result with this message. */
public class ActionFailure extends RuntimeException {

    private final boolean raised;

    public ActionFailure(String message) {
        this(message, false);
    }

    /**
     * @param raised Ansible raises AnsibleActionFail here (not a returned result): its result also carries
     *               {@code exception} (traceback.format_exc() outside an except block, "NoneType: None"), which
     *               the callback prints as "An exception occurred during task execution..."
     */
    public ActionFailure(String message, boolean raised) {
        super(message, null, false, false);
        this.raised = raised;
    }

    public boolean raised() {
        return raised;
    }
}
