package io.jplay.template;

import com.hubspot.jinjava.util.HasObjectTruthValue;

/**
 * Ansible's {@code AnsibleUndefined}: what a template gets for a name or attribute that does not exist.
 * Like Jinja2's StrictUndefined it is harmless until used: attribute access returns itself (so
 * {@code x.y.z | default(1)} works), {@code default} and {@code is defined} look at it, and any other use
 * (printing, comparing, truth testing, most filters) raises {@link UndefinedVariableException} with the
 * message Ansible gives ("'foo' is undefined", "'dict object' has no attribute 'bar'").
 */
public final class Undefined implements HasObjectTruthValue {

    private final String message;

    private Undefined(String message) {
        this.message = message;
    }

    /** A variable name that is not defined anywhere. */
    public static Undefined variable(String name) {
        return new Undefined("'" + name + "' is undefined");
    }

    /** A missing key or attribute of a value ("'dict object' has no attribute 'x'"). */
    public static Undefined attribute(Object owner, Object name) {
        return new Undefined("'" + pythonTypeName(owner) + " object' has no attribute '" + name + "'");
    }

    /** A list index out of range (Jinja2 words it without quotes). */
    public static Undefined element(Object index) {
        return new Undefined("list object has no element " + index);
    }

    /** A variable whose own value failed to render because something in it is undefined. */
    public static Undefined withMessage(String message) {
        return new Undefined(message);
    }

    public static boolean isUndefined(Object value) {
        return value instanceof Undefined;
    }

    public String message() {
        return message;
    }

    /** Raised by every use Jinja2's StrictUndefined forbids. */
    public UndefinedVariableException fail() {
        return new UndefinedVariableException(message);
    }

    @Override
    public boolean getObjectTruthValue() {
        throw fail();
    }

    @Override
    public String toString() {
        // Never printed to users through here (PythonRepr raises instead); useful when debugging.
        return "Undefined(" + message + ")";
    }

    private static String pythonTypeName(Object owner) {
        // Jinjava hands maps over wrapped in its PyMap; the type is the wrapped one's
        while (owner instanceof com.hubspot.jinjava.objects.collections.PyMap wrapper && wrapper.toMap() != owner) {
            owner = wrapper.toMap();
        }
        if (owner instanceof ScopeView) {
            return "ansible.vars.hostvars.HostVarsVars";
        }
        if (owner instanceof java.util.Map) {
            return "dict";
        }
        if (owner instanceof java.util.List) {
            return "list";
        }
        if (owner instanceof io.jplay.yaml.UnsafeText) {
            return "ansible.utils.unsafe_proxy.AnsibleUnsafeText";
        }
        if (owner instanceof CharSequence) {
            return "str";
        }
        if (owner instanceof Boolean) {
            return "bool";
        }
        if (owner instanceof Long || owner instanceof Integer) {
            return "int";
        }
        if (owner instanceof Double) {
            return "float";
        }
        return owner == null ? "NoneType" : owner.getClass().getSimpleName();
    }
}
