package io.jplay.python;

import io.jplay.yaml.VaultText;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Python's names for jplay's plain value types ({@code type(value).__name__}), as Ansible's messages show them. */
public final class PythonTypes {

    private PythonTypes() {
    }

    public static String name(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof CharSequence) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
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
        if (value instanceof VaultText) {
            return "AnsibleVaultEncryptedUnicode";
        }
        return value.getClass().getSimpleName();
    }

    /** {@code str(type(value))}: {@code <class 'int'>}. */
    public static String pythonClass(Object value) {
        return "<class '" + name(value) + "'>";
    }
}
