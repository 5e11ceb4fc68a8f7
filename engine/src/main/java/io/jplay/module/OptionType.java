package io.jplay.module;

import io.jplay.python.PythonRepr;
import io.jplay.python.PythonTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's argument types with its conversions ({@code module_utils/common/validation.py check_type_*}).
 * {@link #convert} throws {@link IllegalArgumentException} whose message is the text Ansible puts after
 * "we were unable to convert to TYPE: ".
 */
public enum OptionType {
    STR("str"), BOOL("bool"), INT("int"), FLOAT("float"), LIST("list"), DICT("dict"), PATH("path"), RAW("raw");

    /** Ansible's BOOLEANS, in the order 2.14 printed them in our recording of its message. */
    static final String VALID_BOOLEANS = "0, 1, '0', 'false', 'y', '1', 'f', 'no', 'n', 'yes', 'off', 'on', 'true', 't'";
    private static final List<String> TRUE_WORDS = List.of("y", "yes", "on", "1", "true", "t", "1.0");
    private static final List<String> FALSE_WORDS = List.of("n", "no", "off", "0", "false", "f", "0.0");

    private final String ansibleName;

    OptionType(String ansibleName) {
        this.ansibleName = ansibleName;
    }

    public String ansibleName() {
        return ansibleName;
    }

    public Object convert(Object value) {
        switch (this) {
            case STR:
            case PATH:
                return PythonRepr.str(value);
            case BOOL:
                return toBool(value);
            case INT:
                return toInt(value);
            case FLOAT:
                return toFloat(value);
            case LIST:
                return toList(value);
            case DICT:
                return toDict(value);
            default:
                return value;
        }
    }

    /** Ansible's {@code boolean()}: yes/no/on/off/true/false/y/n/t/f/1/0, case-insensitive. */
    public static boolean toBool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String || value instanceof Number) {
            String normalized = value instanceof String s ? s.toLowerCase().strip() : numberText((Number) value);
            if (TRUE_WORDS.contains(normalized)) {
                return true;
            }
            if (FALSE_WORDS.contains(normalized)) {
                return false;
            }
            throw new IllegalArgumentException("The value '" + PythonRepr.str(value) + "' is not a valid boolean.  Valid booleans include: " + VALID_BOOLEANS);
        }
        throw new IllegalArgumentException(PythonTypes.pythonClass(value) + " cannot be converted to a bool");
    }

    private static String numberText(Number n) {
        return (n instanceof Double || n instanceof Float) ? String.valueOf(n.doubleValue()) : String.valueOf(n.longValue());
    }

    private static Long toInt(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                // fall through to Ansible's message
            }
        }
        throw new IllegalArgumentException(PythonTypes.pythonClass(value) + " cannot be converted to an int");
    }

    private static Double toFloat(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof Number n && !(value instanceof Boolean)) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException(PythonTypes.pythonClass(value) + " cannot be converted to a float");
    }

    private static List<Object> toList(Object value) {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (value instanceof String s) {
            return new ArrayList<>(Arrays.asList(s.split(",", -1)));
        }
        if (value instanceof Number && !(value instanceof Boolean)) {
            return new ArrayList<>(List.of(PythonRepr.str(value)));
        }
        throw new IllegalArgumentException(PythonTypes.pythonClass(value) + " cannot be converted to a list");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toDict(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>((Map<String, Object>) map);
        }
        if (value instanceof String s && s.contains("=") && !s.startsWith("{")) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (String field : splitKeyValueFields(s.strip())) {
                int eq = field.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("dictionary update sequence element has length 1; 2 is required");
                }
                result.put(field.substring(0, eq), field.substring(eq + 1));
            }
            return result;
        }
        if (value instanceof String) {
            throw new IllegalArgumentException("dictionary requested, could not parse JSON or key=value");
        }
        throw new IllegalArgumentException(PythonTypes.pythonClass(value) + " cannot be converted to a dict");
    }

    /** check_type_dict's field splitter: commas and spaces separate, quotes group, backslash escapes. */
    private static List<String> splitKeyValueFields(String text) {
        List<String> fields = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        char quote = 0;
        boolean escape = false;
        for (char c : text.toCharArray()) {
            if (escape) {
                buffer.append(c);
                escape = false;
            } else if (c == '\\') {
                escape = true;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote == 0 && (c == ',' || c == ' ')) {
                if (buffer.length() > 0) {
                    fields.add(buffer.toString());
                }
                buffer.setLength(0);
            } else {
                buffer.append(c);
            }
        }
        if (buffer.length() > 0) {
            fields.add(buffer.toString());
        }
        return fields;
    }
}
