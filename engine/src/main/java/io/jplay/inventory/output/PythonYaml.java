package io.jplay.inventory.output;

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
 * empty collections, a collection met twice anchored ({@code &id001}) then aliased, scalars plain when
 * PyYAML would read them back as the same string, else single-quoted, else double-quoted; plain and
 * single-quoted scalars folded at a space once past column 80, as PyYAML's emitter does.
 */
public final class PythonYaml {

    private static final int BEST_WIDTH = 80;

    /** Plain scalars PyYAML's resolver would read as bool, null, int, float, timestamp, merge or value. */
    private static final Pattern IMPLICIT = Pattern.compile(
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"
                    + "|~|null|Null|NULL|"
                    + "|[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
                    + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"
                    + "|[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
                    + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?"
                    + "|<<|=");
    private static final String BREAKS = "\n\u0085\u2028\u2029";

    private final Map<Object, Integer> occurrences = new IdentityHashMap<>();
    private final Map<Object, String> anchors = new IdentityHashMap<>();
    private final StringBuilder out = new StringBuilder();

    private PythonYaml() {
    }

    public static String dump(Object value) {
        PythonYaml yaml = new PythonYaml();
        yaml.count(value);
        if (isBlock(value)) {
            yaml.block(value, 0);
        } else {
            yaml.scalar(value, 0, true);
            yaml.out.append('\n');
        }
        return yaml.out.toString();
    }

    private static boolean isBlock(Object value) {
        return value instanceof Map<?, ?> m && !m.isEmpty() || value instanceof Collection<?> c && !c.isEmpty();
    }

    /** PyYAML gives a collection met twice (the same object) an anchor, and aliases it afterwards. */
    private void count(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            if (occurrences.merge(value, 1, Integer::sum) > 1) {
                return;
            }
            if (value instanceof Map<?, ?> map) {
                map.values().forEach(this::count);
            } else {
                ((Collection<?>) value).forEach(this::count);
            }
        }
    }

    /** An alias ("*id001") for a collection seen before, an anchor ("&id001") the first time, else null. */
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

    private void block(Object value, int indent) {
        if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            Map<String, Object> byKey = new HashMap<>();
            map.forEach((k, v) -> {
                keys.add(String.valueOf(k));
                byKey.put(String.valueOf(k), v);
            });
            keys.sort(io.jplay.python.PythonValues::compareCodePoints);
            for (String key : keys) {
                out.append(" ".repeat(indent));
                scalar(key, indent + 2, false);
                out.append(':');
                entry(byKey.get(key), indent, indent + 2, indent);
            }
        } else {
            for (Object item : (Collection<?>) value) {
                out.append(" ".repeat(indent)).append('-');
                if (isBlock(item) && occurrences.getOrDefault(item, 0) < 2) {
                    // a nested collection starts on the dash's line: "- a: 1", "- - 1"
                    out.append(' ');
                    int mark = out.length();
                    block(item, indent + 2);
                    out.delete(mark, mark + indent + 2);
                } else {
                    entry(item, indent, indent + 2, indent + 2);
                }
            }
        }
    }

    /** A value after "key:" or "-": inline scalar or alias, else a nested block on the next lines. */
    private void entry(Object value, int indent, int mapIndent, int listIndent) {
        String ref = reference(value);
        if (ref != null) {
            out.append(' ').append(ref);
            if (ref.startsWith("*")) {
                out.append('\n');
                return;
            }
        }
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            out.append('\n');
            block(value, mapIndent);
        } else if (value instanceof Collection<?> c && !c.isEmpty()) {
            out.append('\n');
            block(value, listIndent);
        } else {
            out.append(' ');
            scalar(value, indent + 2, true);
            out.append('\n');
        }
    }

    private void scalar(Object value, int indent, boolean split) {
        if (value instanceof VaultText vault) {
            vaultBlock(vault.ciphertext(), indent);
        } else if (value instanceof CharSequence || !isSimple(value)) {
            string(String.valueOf(value), indent, split);
        } else {
            out.append(simple(value));
        }
    }

    /** AnsibleDumper writes vault ciphertext as a literal block tagged !vault. */
    private void vaultBlock(String ciphertext, int indent) {
        boolean trailingNewline = ciphertext.endsWith("\n");
        out.append("!vault |").append(trailingNewline ? "" : "-");
        String body = trailingNewline ? ciphertext.substring(0, ciphertext.length() - 1) : ciphertext;
        for (String line : body.split("\n", -1)) {
            out.append('\n');
            if (!line.isEmpty()) {
                out.append(" ".repeat(indent)).append(line);
            }
        }
    }

    private static boolean isSimple(Object value) {
        return value == null || value instanceof Boolean || value instanceof Number || value instanceof Map<?, ?>
                || value instanceof Collection<?>;
    }

    private static String simple(Object value) {
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
            String repr = io.jplay.python.PythonRepr.floatRepr(d);
            // PyYAML's represent_float: a YAML 1.1 float needs a dot
            return !repr.contains(".") && repr.contains("e") ? repr.replace("e", ".0e") : repr;
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return value instanceof Map<?, ?> ? "{}" : "[]";
    }

    private void string(String s, int indent, boolean split) {
        Analysis a = Analysis.of(s);
        if (a.allowBlockPlain && !IMPLICIT.matcher(s).matches()) {
            writePlain(s, indent, split);
        } else if (a.allowSingleQuoted && !(!split && a.multiline)) {
            writeSingleQuoted(s, indent, split);
        } else {
            writeDoubleQuoted(s);
        }
    }

    private int column() {
        return out.length() - (out.lastIndexOf("\n") + 1);
    }

    private void writeIndent(int indent) {
        out.append('\n').append(" ".repeat(indent));
    }

    private void writePlain(String text, int indent, boolean split) {
        boolean spaces = false;
        int start = 0;
        for (int end = 0; end <= text.length(); end++) {
            Character ch = end < text.length() ? text.charAt(end) : null;
            if (spaces) {
                if (ch == null || ch != ' ') {
                    if (start + 1 == end && column() > BEST_WIDTH && split) {
                        writeIndent(indent);
                    } else {
                        out.append(text, start, end);
                    }
                    start = end;
                }
            } else if (ch == null || ch == ' ') {
                out.append(text, start, end);
                start = end;
            }
            if (ch != null) {
                spaces = ch == ' ';
            }
        }
    }

    private void writeSingleQuoted(String text, int indent, boolean split) {
        out.append('\'');
        boolean spaces = false;
        boolean breaks = false;
        int start = 0;
        for (int end = 0; end <= text.length(); end++) {
            Character ch = end < text.length() ? text.charAt(end) : null;
            if (spaces) {
                if (ch == null || ch != ' ') {
                    if (start + 1 == end && column() > BEST_WIDTH && split && start != 0 && end != text.length()) {
                        writeIndent(indent);
                    } else {
                        out.append(text, start, end);
                    }
                    start = end;
                }
            } else if (breaks) {
                if (ch == null || BREAKS.indexOf(ch) < 0) {
                    if (text.charAt(start) == '\n') {
                        out.append('\n');
                    }
                    for (int i = start; i < end; i++) {
                        out.append(text.charAt(i) == '\n' ? '\n' : text.charAt(i));
                    }
                    out.append(" ".repeat(indent));
                    start = end;
                }
            } else if (ch == null || ch == ' ' || BREAKS.indexOf(ch) >= 0 || ch == '\'') {
                out.append(text, start, end);
                start = end;
            }
            if (ch != null && ch == '\'') {
                out.append("''");
                start = end + 1;
            }
            if (ch != null) {
                spaces = ch == ' ';
                breaks = BREAKS.indexOf(ch) >= 0;
            }
        }
        out.append('\'');
    }

    private void writeDoubleQuoted(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = switch (c) {
                case '\0' -> "\\0";
                case '\u0007' -> "\\a";
                case '\b' -> "\\b";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\u000b' -> "\\v";
                case '\f' -> "\\f";
                case '\r' -> "\\r";
                case '\u001b' -> "\\e";
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\u0085' -> "\\N";
                case '\u00a0' -> "\\_";
                case '\u2028' -> "\\L";
                case '\u2029' -> "\\P";
                default -> null;
            };
            if (escape != null) {
                out.append(escape);
            } else if (c < 0x20 || c == 0x7f || c == '\uFEFF' || (c >= 0x80 && c < 0xa0)) {
                out.append(c <= 0xff ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** PyYAML's Emitter.analyze_scalar, reduced to the block-context decisions. */
    private record Analysis(boolean allowBlockPlain, boolean allowSingleQuoted, boolean multiline) {

        static Analysis of(String s) {
            if (s.isEmpty()) {
                return new Analysis(true, true, false);
            }
            boolean blockIndicators = s.startsWith("---") || s.startsWith("...");
            boolean lineBreaks = false;
            boolean special = false;
            boolean leadingSpace = false;
            boolean leadingBreak = false;
            boolean trailingSpace = false;
            boolean trailingBreak = false;
            boolean breakSpace = false;
            boolean spaceBreak = false;
            boolean previousSpace = false;
            boolean previousBreak = false;
            boolean precededByWhitespace = true;
            boolean followedByWhitespace = s.length() == 1 || isWhitespace(s.charAt(1));
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char ch = s.charAt(i);
                if (i == 0) {
                    if ("#,[]{}&*!|>'\"%@`".indexOf(ch) >= 0) {
                        blockIndicators = true;
                    }
                    if ((ch == '?' || ch == ':') && followedByWhitespace) {
                        blockIndicators = true;
                    }
                    if (ch == '-' && followedByWhitespace) {
                        blockIndicators = true;
                    }
                } else {
                    if (ch == ':' && followedByWhitespace) {
                        blockIndicators = true;
                    }
                    if (ch == '#' && precededByWhitespace) {
                        blockIndicators = true;
                    }
                }
                if (BREAKS.indexOf(ch) >= 0) {
                    lineBreaks = true;
                }
                if (!(ch == '\n' || (ch >= 0x20 && ch <= 0x7e))) {
                    boolean printable = (ch == '\u0085' || (ch >= 0xa0 && ch <= 0xd7ff) || (ch >= 0xe000 && ch <= 0xfffd)
                            || Character.isSurrogate(ch)) && ch != '\uFEFF';
                    if (!printable) {
                        special = true;
                    }
                }
                if (ch == ' ') {
                    leadingSpace |= i == 0;
                    trailingSpace |= i == n - 1;
                    breakSpace |= previousBreak;
                    previousSpace = true;
                    previousBreak = false;
                } else if (BREAKS.indexOf(ch) >= 0) {
                    leadingBreak |= i == 0;
                    trailingBreak |= i == n - 1;
                    spaceBreak |= previousSpace;
                    previousSpace = false;
                    previousBreak = true;
                } else {
                    previousSpace = false;
                    previousBreak = false;
                }
                precededByWhitespace = isWhitespace(ch);
                followedByWhitespace = i + 2 >= n || isWhitespace(s.charAt(i + 2));
            }
            boolean plain = true;
            boolean single = true;
            if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
                plain = false;
            }
            if (breakSpace) {
                plain = false;
                single = false;
            }
            if (spaceBreak || special) {
                plain = false;
                single = false;
            }
            if (lineBreaks || blockIndicators) {
                plain = false;
            }
            return new Analysis(plain, single, lineBreaks);
        }

        private static boolean isWhitespace(char c) {
            return c == '\0' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028'
                    || c == '\u2029';
        }
    }
}
