package io.jplay.inventory.output;

import io.jplay.inventory.GroupOrder;
import io.jplay.inventory.PythonFloat;
import io.jplay.yaml.VaultText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PyYAML's {@code yaml.dump(value, default_flow_style=False, allow_unicode=True)} as ansible-inventory uses
 * it: block style, keys sorted, 2-space indent, sequences at their key's indent, {@code {}}/{@code []} for
 * empty collections, scalars plain when PyYAML would read them back as the same string, else quoted.
 * Long scalars are not folded at 80 columns as PyYAML does (a known difference).
 */
public final class PythonYaml {

    /** Plain scalars PyYAML's resolver would read as bool, null, int, float or timestamp. */
    private static final Pattern IMPLICIT = Pattern.compile(
            "(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)"
                    + "|(?:~|null|Null|NULL|)"
                    + "|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"
                    + "|[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?"
                    + "|=|<<");

    private PythonYaml() {
    }

    private final Map<Object, Integer> occurrences = new IdentityHashMap<>();
    private final Map<Object, String> anchors = new IdentityHashMap<>();

    public static String dump(Object value) {
        PythonYaml yaml = new PythonYaml();
        yaml.count(value);
        StringBuilder sb = new StringBuilder();
        if (value instanceof Map<?, ?> m && !m.isEmpty() || value instanceof Collection<?> c && !c.isEmpty()) {
            yaml.block(value, sb, 0);
        } else {
            sb.append(scalar(value)).append('\n');
        }
        return sb.toString();
    }

    /** PyYAML gives a collection met twice (the same object) an anchor, and aliases it afterwards. */
    private void count(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            int seen = occurrences.merge(value, 1, Integer::sum);
            if (seen > 1) {
                return;
            }
            if (value instanceof Map<?, ?> map) {
                map.values().forEach(this::count);
            } else {
                ((Collection<?>) value).forEach(this::count);
            }
        }
    }

    /** The text after "key:" or "- " for a collection: an alias, or an anchor before its block. */
    private String reference(Object value) {
        if (occurrences.getOrDefault(value, 0) < 2) {
            return null;
        }
        String anchor = anchors.get(value);
        if (anchor != null) {
            return "*" + anchor;
        }
        anchor = String.format("id%03d", anchors.size() + 1);
        anchors.put(value, anchor);
        return "&" + anchor;
    }

    private void block(Object value, StringBuilder sb, int indent) {
        if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            Map<String, Object> byKey = new HashMap<>();
            map.forEach((k, v) -> {
                keys.add(String.valueOf(k));
                byKey.put(String.valueOf(k), v);
            });
            keys.sort(GroupOrder::compareCodePoints);
            for (String key : keys) {
                Object v = byKey.get(key);
                sb.append(" ".repeat(indent)).append(scalar(key)).append(':');
                String ref = reference(v);
                if (ref != null && ref.startsWith("*")) {
                    sb.append(' ').append(ref).append('\n');
                    continue;
                }
                if (ref != null) {
                    sb.append(' ').append(ref);
                }
                if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                    sb.append('\n');
                    block(v, sb, indent + 2);
                } else if (v instanceof Collection<?> c && !c.isEmpty()) {
                    sb.append('\n');
                    block(v, sb, indent);
                } else {
                    sb.append(' ').append(scalar(v)).append('\n');
                }
            }
        } else if (value instanceof Collection<?> list) {
            for (Object item : list) {
                sb.append(" ".repeat(indent)).append("- ");
                String ref = reference(item);
                if (ref != null && ref.startsWith("*")) {
                    sb.append(ref).append('\n');
                    continue;
                }
                if (ref != null && (item instanceof Map<?, ?> || item instanceof Collection<?>)) {
                    sb.append(ref).append('\n');
                    block(item, sb, indent + 2);
                    continue;
                }
                if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                    StringBuilder inner = new StringBuilder();
                    block(item, inner, indent + 2);
                    sb.append(inner.substring(indent + 2));
                } else if (item instanceof Collection<?> c && !c.isEmpty()) {
                    StringBuilder inner = new StringBuilder();
                    block(item, inner, indent + 2);
                    sb.append(inner.substring(indent + 2));
                } else {
                    sb.append(scalar(item)).append('\n');
                }
            }
        }
    }

    static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                return ".nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? ".inf" : "-.inf";
            }
            String repr = PythonFloat.repr(d);
            // PyYAML's represent_float: a YAML 1.1 float needs a dot
            return !repr.contains(".") && repr.contains("e") ? repr.replace("e", ".0e") : repr;
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof Collection<?>) {
            return "[]";
        }
        if (value instanceof VaultText vault) {
            return "!vault |\n" + vault.ciphertext();
        }
        return string(value.toString());
    }

    private static String string(String s) {
        if (needsDoubleQuotes(s)) {
            return doubleQuoted(s);
        }
        if (isPlainSafe(s)) {
            return s;
        }
        return "'" + s.replace("'", "''") + "'";
    }

    private static boolean isPlainSafe(String s) {
        if (s.isEmpty() || IMPLICIT.matcher(s).matches()) {
            return false;
        }
        if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))) {
            return false;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) >= 0) {
            // '-', '?', ':' may start a plain scalar when followed by a non-space
            char first = s.charAt(0);
            boolean indicatorOk = (first == '-' || first == '?' || first == ':') && s.length() > 1
                    && s.charAt(1) != ' ';
            if (!indicatorOk || s.startsWith("---")) {
                return false;
            }
        }
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":") || s.contains("\n")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (",[]{}".indexOf(c) >= 0 && false) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsDoubleQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7f || c == '\uFEFF') {
                return true;
            }
        }
        return false;
    }

    private static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\0' -> sb.append("\\0");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
