package io.jplay.template.filter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jplay.error.JplayException;
import io.jplay.python.PythonJson;
import io.jplay.yaml.VaultText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON of template values as Python's {@code json} module writes and reads it: {@code json.dumps} through
 * {@link PythonJson} with Ansible's encoder; {@code json.loads} giving Long/Double/String/Boolean/List/Map/null.
 */
public final class PyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    private PyJson() {
    }

    /**
     * Ansible's AnsibleJSONEncoder as the template filters see it: Jinja's values made plain, vault values as
     * their ciphertext (vault_to_text=True would decrypt; we cannot), datetimes by isoformat(), anything else
     * not JSON serializable.
     */
    private static final PythonJson.Encoder ENCODER = new PythonJson.Encoder() {
        @Override
        public Object value(Object value) {
            value = Py.plain(value);
            if (value == null || value instanceof Boolean || value instanceof Number || value instanceof CharSequence
                    || value instanceof Map<?, ?> || value instanceof Iterable<?>) {
                return value;
            }
            if (value instanceof VaultText vault) {
                return vault.ciphertext();
            }
            if (value instanceof java.time.LocalDateTime time) {
                return time.toString().length() == 16 ? time + ":00" : time.toString();
            }
            Py.refuseUndefined(value);
            throw new JplayException("Object of type " + Py.typeName(value) + " is not JSON serializable");
        }

        @Override
        public Object key(Object key) {
            key = Py.plain(key);
            if (key == null || key instanceof Boolean || key instanceof Number || key instanceof CharSequence) {
                return key;
            }
            throw new JplayException("keys must be str, int, float, bool or None, not " + Py.typeName(key));
        }
    };

    /** Python's json.dumps of a template value (to_json, to_nice_json, error messages). */
    public static String dumps(Object value, PythonJson.Options options) {
        return PythonJson.dumps(value, options, ENCODER);
    }

    /** The value as a Jackson tree (for JMESPath), via its JSON text so tuples and numbers map as Python's would. */
    public static JsonNode toTree(Object value) {
        try {
            return MAPPER.readTree(dumps(value, PythonJson.Options.compact()));
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
