package io.jplay.template;

/**
 * A template used an undefined variable or attribute: Ansible's AnsibleUndefinedVariable. The message is
 * Jinja2's ("'foo' is undefined"); for a variable whose own value is a template that failed, Ansible
 * prefixes the raw value ("{{ foo }}-x: 'foo' is undefined").
 */
public class UndefinedVariableException extends TemplatingException {

    public UndefinedVariableException(String message) {
        super(message);
    }

    /**
     * The text ansible-playbook shows after "The error was: " (and in a failed conditional after
     * "error while evaluating conditional (...): "): AnsibleUndefinedVariable appends its original
     * exception, so Jinja2's message appears twice.
     */
    public String ansibleMessage() {
        return getMessage() + ". " + getMessage();
    }
}
