package io.jplay.output;

import io.jplay.yaml.VaultText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps(value, indent=..., ensure_ascii=False, sort_keys=...)}, byte for byte: the
 * default callback prints results this way, so separators, float spelling and escapes must match.
 */
final class PythonJson {

    private PythonJson() {
    }

    /**
     * @param indent null for one line ({@code ", "} and {@code ": "} separators), else spaces per level
     *               ({@code ","} item separator and newlines, as Python uses when an indent is given)
     */
    static String dumps(Object value, Integer indent, boolean sortKeys) {
        StringBuilder out = new StringBuilder();
        write(out, value, indent, sortKeys, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, Integer indent, boolean sortKeys, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(floatText(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            out.append(n instanceof BigDecimal d ? floatText(d.doubleValue()) : n.toString());
        } else if (value instanceof Map<?, ?> map) {
            writeMap(out, map, indent, sortKeys, level);
        } else if (value instanceof Collection<?> list) {
            writeList(out, list, indent, sortKeys, level);
        } else if (value instanceof Object[] array) {
            writeList(out, List.of(array), indent, sortKeys, level);
        } else if (value instanceof VaultText vault) {
            // AnsibleJSONEncoder (vault_to_text=False): the ciphertext, never the plain text.
            writeMap(out, Map.of("__ansible_vault", vault.ciphertext()), indent, sortKeys, level);
        } else {
            quote(out, value.toString());
        }
    }

    private static void writeMap(StringBuilder out, Map<?, ?> map, Integer indent, boolean sortKeys, int level) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        if (sortKeys) {
            entries.sort(keyOrder(map));
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : entries) {
            separate(out, indent, level + 1, first);
            first = false;
            quote(out, keyText(e.getKey()));
            out.append(": ");
            write(out, e.getValue(), indent, sortKeys, level + 1);
        }
        close(out, indent, level);
        out.append('}');
    }

    private static void writeList(StringBuilder out, Collection<?> list, Integer indent, boolean sortKeys, int level) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : list) {
            separate(out, indent, level + 1, first);
            first = false;
            write(out, item, indent, sortKeys, level + 1);
        }
        close(out, indent, level);
        out.append(']');
    }

    private static void separate(StringBuilder out, Integer indent, int level, boolean first) {
        if (indent == null) {
            if (!first) {
                out.append(", ");
            }
        } else {
            if (!first) {
                out.append(',');
            }
            out.append('\n').append(" ".repeat(indent * level));
        }
    }

    private static void close(StringBuilder out, Integer indent, int level) {
        if (indent != null) {
            out.append('\n').append(" ".repeat(indent * level));
        }
    }

    /**
     * sort_keys: Python sorts the keys themselves (numbers by value, text by code point); keys that do not
     * compare (text with numbers, None) raise TypeError, and _dump_results then sorts by their text.
     */
    private static java.util.Comparator<Map.Entry<?, ?>> keyOrder(Map<?, ?> map) {
        boolean allText = map.keySet().stream().allMatch(k -> k instanceof CharSequence);
        boolean allNumbers = map.keySet().stream().allMatch(k -> k instanceof Number || k instanceof Boolean);
        if (allNumbers && !allText) {
            return java.util.Comparator.comparingDouble(e -> numericValue(e.getKey()));
        }
        return (a, b) -> compareCodePoints(String.valueOf(a.getKey()), String.valueOf(b.getKey()));
    }

    private static double numericValue(Object key) {
        return key instanceof Boolean b ? (b ? 1 : 0) : ((Number) key).doubleValue();
    }

    /** Python's json turns non-string keys into text: True -> "true", None -> "null", numbers by repr. */
    private static String keyText(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key instanceof Double d) {
            return floatText(d);
        }
        return key.toString();
    }

    /** Python compares str by code point; Java's compareTo compares UTF-16 units. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python's float repr: shortest round-trip digits, exponent form below 1e-4 or from 1e16. */
    static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PythonRepr.floatRepr(d);
    }
}
