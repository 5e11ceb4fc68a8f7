package io.jplay.module;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Python's repr() and type names for plain values, so validation messages read as Ansible's do. */
final class PythonRepr {
    private PythonRepr() {
    }

    static String typeOf(Object value) {
        String name;
        if (value == null) {
            name = "NoneType";
        } else if (value instanceof String) {
            name = "str";
        } else if (value instanceof Boolean) {
            name = "bool";
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof java.math.BigInteger) {
            name = "int";
        } else if (value instanceof Number) {
            name = "float";
        } else if (value instanceof List) {
            name = "list";
        } else if (value instanceof Map) {
            name = "dict";
        } else {
            name = value.getClass().getSimpleName();
        }
        return "<class '" + name + "'>";
    }

    /** Python's str(): strings as they are, everything else as repr. */
    static String str(Object value) {
        return value instanceof String s ? s : repr(value);
    }

    static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            if (s.contains("'") && !s.contains("\"")) {
                return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n") + "\"";
            }
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\t", "\\t") + "'";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PythonRepr::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }
}
