package io.jplay.inventory;

import io.jplay.error.JplayException;

/** Python's {@code int(value)} for the few inventory settings Ansible converts that way. */
final class PythonInt {
    private PythonInt() {
    }

    static int toInt(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new JplayException("invalid literal for int() with base 10: '" + value + "'");
        }
    }
}
