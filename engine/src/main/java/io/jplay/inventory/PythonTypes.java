package io.jplay.inventory;

import java.util.List;
import java.util.Map;

/** The Python type an Ansible message would name for a value ({@code <class 'str'>}). */
final class PythonTypes {
    private PythonTypes() {
    }

    /** The type of a value Ansible's YAML loader produced: its own classes for str, list and dict. */
    static String yamlTypeName(Object value) {
        if (value instanceof CharSequence) {
            return "<class 'ansible.parsing.yaml.objects.AnsibleUnicode'>";
        }
        if (value instanceof List<?>) {
            return "<class 'ansible.parsing.yaml.objects.AnsibleSequence'>";
        }
        if (value instanceof Map<?, ?>) {
            return "<class 'ansible.parsing.yaml.objects.AnsibleMapping'>";
        }
        return typeName(value);
    }

    static String typeName(Object value) {
        String name;
        if (value == null) {
            name = "NoneType";
        } else if (value instanceof CharSequence) {
            name = "str";
        } else if (value instanceof Boolean) {
            name = "bool";
        } else if (value instanceof Double || value instanceof Float) {
            name = "float";
        } else if (value instanceof Number) {
            name = "int";
        } else if (value instanceof List<?>) {
            name = "list";
        } else if (value instanceof Map<?, ?>) {
            name = "dict";
        } else {
            name = value.getClass().getSimpleName();
        }
        return "<class '" + name + "'>";
    }
}
