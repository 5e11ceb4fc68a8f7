package io.jplay.template.filter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jplay.error.JplayException;
import io.jplay.yaml.VaultText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as Python's {@code json} module writes and reads it: {@code json.dumps} with its separators, indent,
 * sort_keys and ensure_ascii; {@code json.loads} giving Long/Double/String/Boolean/List/Map/null.
 */
public final class PyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    private PyJson() {
    }

    /** The options of json.dumps that Ansible's to_json/to_nice_json pass on. */
    public record Options(Integer indent, boolean sortKeys, String itemSeparator, String keySeparator, boolean ensureAscii) {
        public static Options compact() {
            return new Options(null, false, ", ", ": ", true);
        }
    }

    public static String dumps(Object value, Options options) {
        StringBuilder out = new StringBuilder();
        write(out, Py.plain(value), options, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, Options options, int depth) {
        value = Py.plain(value);
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double d) {
            out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : Py.floatRepr(d));
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof VaultText vault) {
            // to_json writes vaulted values as their ciphertext... Ansible's vault_to_text=True decrypts; we cannot
            writeString(out, vault.ciphertext(), options.ensureAscii());
        } else if (value instanceof CharSequence s) {
            writeString(out, s.toString(), options.ensureAscii());
        } else if (value instanceof java.time.LocalDateTime time) {
            // AnsibleJSONEncoder writes datetimes with isoformat()
            writeString(out, time.toString().length() == 16 ? time + ":00" : time.toString(), options.ensureAscii());
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                entries.add(Map.entry(keyText(e.getKey()), e.getValue() == null ? NULL : e.getValue()));
            }
            if (options.sortKeys()) {
                entries.sort(Map.Entry.comparingByKey());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : entries) {
                if (!first) {
                    out.append(options.indent() == null ? options.itemSeparator() : options.itemSeparator().stripTrailing());
                }
                first = false;
                newline(out, options, depth + 1);
                writeString(out, e.getKey(), options.ensureAscii());
                out.append(options.keySeparator());
                write(out, e.getValue() == NULL ? null : e.getValue(), options, depth + 1);
            }
            newline(out, options, depth);
            out.append('}');
        } else if (value instanceof Iterable<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(items::add);
            if (items.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(options.indent() == null ? options.itemSeparator() : options.itemSeparator().stripTrailing());
                }
                first = false;
                newline(out, options, depth + 1);
                write(out, item, options, depth + 1);
            }
            newline(out, options, depth);
            out.append(']');
        } else {
            Py.refuseUndefined(value);
            throw new JplayException("Object of type " + Py.typeName(value) + " is not JSON serializable");
        }
    }

    private static final Object NULL = new Object();

    private static String keyText(Object key) {
        key = Py.plain(key);
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key instanceof Double d) {
            return Py.floatRepr(d);
        }
        if (key instanceof Number || key instanceof CharSequence) {
            return key.toString();
        }
        throw new JplayException("keys must be str, int, float, bool or None, not " + Py.typeName(key));
    }

    private static void newline(StringBuilder out, Options options, int depth) {
        if (options.indent() != null) {
            out.append('\n').append(" ".repeat(options.indent() * depth));
        }
    }

    private static void writeString(StringBuilder out, String s, boolean ensureAscii) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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

    /** The value as a Jackson tree (for JMESPath), via its JSON text so tuples and numbers map as Python's would. */
    public static JsonNode toTree(Object value) {
        try {
            return MAPPER.readTree(dumps(value, Options.compact()));
        } catch (JsonProcessingException e) {
            throw new JplayException("cannot convert value for JSON processing: " + e.getOriginalMessage());
        }
    }

    /** A Jackson tree back as jplay's plain values. */
    public static Object fromTree(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return normalize(MAPPER.treeToValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw new JplayException("cannot convert JSON value: " + e.getOriginalMessage());
        }
    }

    /** Python's json.loads. */
    public static Object loads(String text) {
        try {
            return normalize(MAPPER.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw new JplayException("Expecting value: " + e.getOriginalMessage());
        }
    }

    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), normalize(v)));
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            list.forEach(v -> result.add(normalize(v)));
            return result;
        }
        if (value instanceof Number n) {
            return Py.normalize(n);
        }
        return value;
    }
}
