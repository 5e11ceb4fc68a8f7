package io.jplay.inventory;

import java.util.List;
import java.util.Map;

/** The Python type an Ansible message would name for a value ({@code <class 'str'>}). */
final class PythonTypes {
    private PythonTypes() {
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
