package io.jplay.python;

import io.jplay.yaml.VaultText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps}, byte for byte: indent, sort_keys, separators, ensure_ascii, float reprs
 * ({@code NaN}/{@code Infinity} as Python writes them), non-string keys as Python turns them into text.
 * What a caller's encoder does with its own types (Ansible's vault values, dates, Jinja objects) is an
 * {@link Encoder}; without one, vault values are {@code {"__ansible_vault": ciphertext}} (AnsibleJSONEncoder,
 * vault_to_text=False) and any other object is written as its text.
 */
public final class PythonJson {

    private PythonJson() {
    }

    /** The options of json.dumps. With an indent, the item separator loses its trailing blanks, as Python's default does. */
    public record Options(Integer indent, boolean sortKeys, String itemSeparator, String keySeparator, boolean ensureAscii) {

        /** {@code json.dumps(value)}: one line, {@code ", "}/{@code ": "}, ASCII only. */
        public static Options compact() {
            return new Options(null, false, ", ", ": ", true);
        }

        /** {@code json.dumps(value, indent=indent, sort_keys=sortKeys, ensure_ascii=False)}; indent null for one line. */
        public static Options unicode(Integer indent, boolean sortKeys) {
            return new Options(indent, sortKeys, ", ", ": ", false);
        }
    }

    /** A caller's JSONEncoder: turns its own objects into JSON-able values (or refuses them) before they are written. */
    public interface Encoder {
        /** The value to write in place of {@code value}. */
        default Object value(Object value) {
            return value;
        }

        /** The key to write in place of {@code key}. */
        default Object key(Object key) {
            return key;
        }
    }

    private static final Encoder DEFAULT = new Encoder() {
    };

    /** {@code json.dumps(value)}. */
    public static String dumps(Object value) {
        return dumps(value, Options.compact());
    }

    public static String dumps(Object value, Options options) {
        return dumps(value, options, DEFAULT);
    }

    public static String dumps(Object value, Options options, Encoder encoder) {
        StringBuilder out = new StringBuilder();
        write(out, value, options, encoder, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, Options options, Encoder encoder, int depth) {
        value = encoder.value(value);
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            out.append(floatText(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof CharSequence s) {
            quote(out, s.toString(), options.ensureAscii());
        } else if (value instanceof VaultText vault) {
            write(out, Map.of("__ansible_vault", vault.ciphertext()), options, encoder, depth);
        } else if (value instanceof Date date) {
            quote(out, date.toInstant().toString(), options.ensureAscii());
        } else if (value instanceof Map<?, ?> map) {
            writeMap(out, map, options, encoder, depth);
        } else if (value instanceof Iterable<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(items::add);
            writeList(out, items, options, encoder, depth);
        } else if (value instanceof Object[] array) {
            writeList(out, List.of(array), options, encoder, depth);
        } else {
            quote(out, value.toString(), options.ensureAscii());
        }
    }

    private static void writeMap(StringBuilder out, Map<?, ?> map, Options options, Encoder encoder, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        List<Object[]> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object key = encoder.key(e.getKey());
            entries.add(new Object[] {key, keyText(key), e.getValue()});
        }
        if (options.sortKeys()) {
            entries.sort(keyOrder(entries));
        }
        out.append('{');
        boolean first = true;
        for (Object[] e : entries) {
            separate(out, options, depth + 1, first);
            first = false;
            quote(out, (String) e[1], options.ensureAscii());
            out.append(options.keySeparator());
            write(out, e[2], options, encoder, depth + 1);
        }
        newline(out, options, depth);
        out.append('}');
    }

    private static void writeList(StringBuilder out, List<?> items, Options options, Encoder encoder, int depth) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            separate(out, options, depth + 1, first);
            first = false;
            write(out, item, options, encoder, depth + 1);
        }
        newline(out, options, depth);
        out.append(']');
    }

    private static void separate(StringBuilder out, Options options, int depth, boolean first) {
        if (!first) {
            out.append(options.indent() == null ? options.itemSeparator() : options.itemSeparator().stripTrailing());
        }
        newline(out, options, depth);
    }

    private static void newline(StringBuilder out, Options options, int depth) {
        if (options.indent() != null) {
            out.append('\n').append(" ".repeat(options.indent() * depth));
        }
    }

    /**
     * sort_keys: Python sorts the keys themselves (numbers by value, text by code point); keys that do not
     * compare (text with numbers, None) raise TypeError, and Ansible's callers then sort by their text.
     */
    private static Comparator<Object[]> keyOrder(List<Object[]> entries) {
        boolean allText = entries.stream().allMatch(e -> e[0] instanceof CharSequence);
        boolean allNumbers = entries.stream().allMatch(e -> e[0] instanceof Number || e[0] instanceof Boolean);
        if (allNumbers && !allText) {
            return Comparator.comparingDouble(e -> numericValue(e[0]));
        }
        return (a, b) -> PythonValues.compareCodePoints((String) a[1], (String) b[1]);
    }

    private static double numericValue(Object key) {
        return key instanceof Boolean b ? (b ? 1 : 0) : ((Number) key).doubleValue();
    }

    /** Python's json turns non-string keys into text: True -> "true", None -> "null", floats by repr. */
    public static String keyText(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key instanceof Double d) {
            return PythonRepr.floatRepr(d);
        }
        return key.toString();
    }

    /** A JSON string literal; with ensureAscii every character outside space..~ is a \\uXXXX escape (per UTF-16 unit). */
    public static void quote(StringBuilder out, String text, boolean ensureAscii) {
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
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A float as json.dumps writes it: repr, but {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    public static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PythonRepr.floatRepr(d);
    }
}
