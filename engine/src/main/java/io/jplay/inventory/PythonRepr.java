package io.jplay.inventory;

import io.jplay.error.JplayException;
import io.jplay.yaml.VaultText;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Python's {@code str()} and {@code repr()} of jplay values, as Ansible prints them in messages and graphs. */
public final class PythonRepr {
    private PythonRepr() {
    }

    /** {@code str(value)}: strings as they are, everything else as repr. */
    public static String str(Object value) {
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        return repr(value);
    }

    public static String repr(Object value) {
        StringBuilder sb = new StringBuilder();
        repr(value, sb);
        return sb.toString();
    }

    private static void repr(Object value, StringBuilder sb) {
        if (value == null) {
            sb.append("None");
        } else if (value instanceof Boolean b) {
            sb.append(b ? "True" : "False");
        } else if (value instanceof VaultText) {
            // Python's str() of a vaulted value decrypts it; vault secrets come with the Vault issue
            throw new JplayException("Attempting to decrypt but no vault secrets found");
        } else if (value instanceof Double || value instanceof Float) {
            sb.append(io.jplay.python.PythonRepr.floatRepr(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            sb.append(n);
        } else if (value instanceof CharSequence s) {
            quote(s.toString(), sb);
        } else if (value instanceof Map<?, ?> map) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                repr(e.getKey(), sb);
                sb.append(": ");
                repr(e.getValue(), sb);
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            sb.append('}');
        } else if (value instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                repr(list.get(i), sb);
            }
            sb.append(']');
        } else {
            quote(value.toString(), sb);
        }
    }

    private static void quote(String s, StringBuilder sb) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append(q);
    }
}
