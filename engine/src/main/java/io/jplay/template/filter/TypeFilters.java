package io.jplay.template.filter;

import io.jplay.error.JplayException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Filters that convert or choose values: default/d, bool, int, float, string, list, ternary, mandatory,
 * type_debug. Conversions follow Python's (Jinja2's) rules, not Java's.
 */
public final class TypeFilters {

    private TypeFilters() {
    }

    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> filters = new ArrayList<>();
        filters.add(AnsibleFilter.acceptingUndefined("default", TypeFilters::defaultValue));
        filters.add(AnsibleFilter.acceptingUndefined("d", TypeFilters::defaultValue));
        filters.add(AnsibleFilter.of("bool", (value, args) -> toBool(value)));
        filters.add(AnsibleFilter.of("int", TypeFilters::toInt));
        filters.add(AnsibleFilter.of("float", TypeFilters::toFloat));
        filters.add(AnsibleFilter.of("string", (value, args) -> new NativeText(Py.str(value))));
        filters.add(AnsibleFilter.of("list", (value, args) -> Py.iterate(value)));
        filters.add(AnsibleFilter.of("ternary", TypeFilters::ternary));
        filters.add(AnsibleFilter.acceptingUndefined("mandatory", TypeFilters::mandatory));
        filters.add(AnsibleFilter.of("type_debug", (value, args) -> Py.typeName(value)));
        return filters;
    }

    /**
     * Jinja2's default: the fallback when the value is undefined (Jinjava gives null), or, with the second
     * argument true, when it is falsy. The value keeps its type, so {@code x|default(5)+1} is 6.
     */
    static Object defaultValue(Object value, Args args) {
        Object fallback = args.get(0, "default_value", "");
        boolean boolean_ = args.bool(1, "boolean", false);
        if (Py.isUndefined(value) || (boolean_ && !Py.truthy(value))) {
            return fallback;
        }
        return value;
    }

    /** Ansible's to_bool: true only for yes/on/1/true (any case) and 1; None stays None. */
    public static Boolean toBool(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof CharSequence s) {
            String text = s.toString().toLowerCase(Locale.ROOT);
            return text.equals("yes") || text.equals("on") || text.equals("1") || text.equals("true");
        }
        if (value instanceof Number n) {
            return Py.isIntegral(n) ? n.longValue() == 1 : n.doubleValue() == 1.0;
        }
        return false;
    }

    /** Jinja2's int(value, default=0, base=10): int(), else int(float()), else the default. */
    static Object toInt(Object value, Args args) {
        Object fallback = args.get(0, "default", 0L);
        long base = args.integer(1, "base", 10L);
        if (value instanceof CharSequence s) {
            String text = s.toString().strip().replace("_", "");
            if (base != 10) {
                try {
                    String digits = text.toLowerCase(Locale.ROOT);
                    boolean negative = digits.startsWith("-");
                    if (negative || digits.startsWith("+")) {
                        digits = digits.substring(1);
                    }
                    if ((base == 16 && digits.startsWith("0x")) || (base == 8 && digits.startsWith("0o"))
                            || (base == 2 && digits.startsWith("0b"))) {
                        digits = digits.substring(2);
                    }
                    long parsed = Long.parseLong(digits, (int) base);
                    return negative ? -parsed : parsed;
                } catch (NumberFormatException e) {
                    return fallback;
                }
            }
            Long parsed = Py.toLongOrNull(text);
            if (parsed != null) {
                return parsed;
            }
            Double d = Py.toDoubleOrNull(text);
            if (d != null && !d.isNaN() && !d.isInfinite()) {
                return (long) d.doubleValue();
            }
            return fallback;
        }
        Long parsed = Py.toLongOrNull(value);
        return parsed == null ? fallback : parsed;
    }

    /** Jinja2's float(value, default=0.0). */
    static Object toFloat(Object value, Args args) {
        Object fallback = args.get(0, "default", 0.0);
        Double parsed = Py.toDoubleOrNull(value);
        return parsed == null ? fallback : parsed;
    }

    static Object ternary(Object value, Args args) {
        Object whenTrue = args.get(0, "true_val", null);
        Object whenFalse = args.get(1, "false_val", null);
        Object whenNone = args.get(2, "none_val", null);
        if (value == null && whenNone != null) {
            return whenNone;
        }
        return Py.truthy(value) ? whenTrue : whenFalse;
    }

    /** Ansible's mandatory(msg=None): "Mandatory variable 'x' not defined." when the value is undefined. */
    static Object mandatory(Object value, Args args) {
        String name = "";
        if (value != null) {
            try {
                Py.refuseUndefined(value);
                return value;
            } catch (RuntimeException undefined) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("^'(.+)' is undefined").matcher(
                        String.valueOf(undefined.getMessage()));
                name = m.find() ? "'" + m.group(1) + "' " : "";
            }
        }
        Object message = args.get(0, "msg", null);
        throw new JplayException(message != null ? Py.str(message) : "Mandatory variable " + name + " not defined.");
    }
}
