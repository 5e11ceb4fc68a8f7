package io.jplay.playbook;

import java.util.List;
import java.util.Map;

/** Python's names for value types, as they appear in Ansible's messages. */
final class PythonTypes {
    private PythonTypes() {
    }

    static String name(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return "int";
        }
        if (value instanceof Number) {
            return "float";
        }
        return "str";
    }
}
