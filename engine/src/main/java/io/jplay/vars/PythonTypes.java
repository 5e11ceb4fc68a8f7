package io.jplay.vars;

import java.util.List;
import java.util.Map;

/** Python's names for jplay's value types, for error messages that must read as Ansible's. */
final class PythonTypes {

    private PythonTypes() {
    }

    static String nameOf(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof CharSequence) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof Number) {
            return "int";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Map) {
            return "dict";
        }
        return value.getClass().getSimpleName();
    }
}
