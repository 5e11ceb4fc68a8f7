package io.jplay.inventory.output;

import io.jplay.inventory.GroupOrder;
import io.jplay.inventory.PythonFloat;
import io.jplay.yaml.VaultText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps(value, sort_keys=True, indent=4, ensure_ascii=False)} with Ansible's encoder,
 * byte for byte: 4-space indent, {@code ", "}/{@code ": "} separators, keys sorted by code point,
 * non-ASCII text kept, Python float reprs, vault values as {@code {"__ansible_vault": ...}}.
 */
public final class PythonJson {

    private PythonJson() {
    }

    public static String dumps(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0);
        return sb.toString();
    }

    private static void write(Object value, StringBuilder sb, int level) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                sb.append("NaN");
            } else if (Double.isInfinite(d)) {
                sb.append(d > 0 ? "Infinity" : "-Infinity");
            } else {
                sb.append(PythonFloat.repr(d));
            }
        } else if (value instanceof Number n) {
            sb.append(n);
        } else if (value instanceof CharSequence s) {
            string(s.toString(), sb);
        } else if (value instanceof VaultText vault) {
            write(Map.of("__ansible_vault", vault.ciphertext()), sb, level);
        } else if (value instanceof Date date) {
            string(date.toInstant().toString(), sb);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            List<String> keys = new ArrayList<>();
            Map<String, Object> byKey = new java.util.HashMap<>();
            map.forEach((k, v) -> {
                String key = keyText(k);
                keys.add(key);
                byKey.put(key, v);
            });
            keys.sort(GroupOrder::compareCodePoints);
            sb.append("{\n");
            for (int i = 0; i < keys.size(); i++) {
                indent(sb, level + 1);
                string(keys.get(i), sb);
                sb.append(": ");
                write(byKey.get(keys.get(i)), sb, level + 1);
                sb.append(i < keys.size() - 1 ? ",\n" : "\n");
            }
            indent(sb, level);
            sb.append('}');
        } else if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            int i = 0;
            for (Object item : list) {
                indent(sb, level + 1);
                write(item, sb, level + 1);
                sb.append(++i < list.size() ? ",\n" : "\n");
            }
            indent(sb, level);
            sb.append(']');
        } else {
            string(value.toString(), sb);
        }
    }

    private static String keyText(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key instanceof Double d) {
            return PythonFloat.repr(d);
        }
        return key.toString();
    }

    private static void indent(StringBuilder sb, int level) {
        sb.append("    ".repeat(level));
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
