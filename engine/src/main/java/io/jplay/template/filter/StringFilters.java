package io.jplay.template.filter;

import io.jplay.error.JplayException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Text filters of Jinja2 and Ansible: lower, upper, capitalize, title, replace, join, split, trim, indent,
 * center, wordcount, quote, comment. Non-strings are first turned into text with Python's str().
 */
public final class StringFilters {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private StringFilters() {
    }

    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> filters = new ArrayList<>();
        filters.add(AnsibleFilter.of("lower", (value, args) -> Py.str(value).toLowerCase(Locale.ROOT)));
        filters.add(AnsibleFilter.of("upper", (value, args) -> Py.str(value).toUpperCase(Locale.ROOT)));
        filters.add(AnsibleFilter.of("capitalize", (value, args) -> capitalize(Py.str(value))));
        filters.add(AnsibleFilter.of("title", (value, args) -> title(Py.str(value))));
        filters.add(AnsibleFilter.of("replace", StringFilters::replace));
        filters.add(AnsibleFilter.of("join", StringFilters::join));
        filters.add(AnsibleFilter.of("split", StringFilters::split));
        filters.add(AnsibleFilter.of("trim", StringFilters::trim));
        filters.add(AnsibleFilter.of("indent", StringFilters::indent));
        filters.add(AnsibleFilter.of("center", StringFilters::center));
        filters.add(AnsibleFilter.of("wordcount", (value, args) -> (long) WORD.matcher(Py.str(value)).results().count()));
        filters.add(AnsibleFilter.of("quote", (value, args) -> shellQuote(value == null ? "" : Py.str(value))));
        filters.add(AnsibleFilter.of("comment", StringFilters::comment));
        return filters;
    }

    static String capitalize(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new String(Character.toChars(Character.toUpperCase(first)))
                + text.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
    }

    /** Jinja2's title: upper-cases the first letter of each word (words split at spaces, dashes, brackets). */
    static String title(String text) {
        StringBuilder out = new StringBuilder();
        boolean startOfWord = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
            startOfWord = Character.isWhitespace(c) || "-([{<".indexOf(c) >= 0;
        }
        return out.toString();
    }

    /** Jinja2's replace(old, new, count=None). */
    static String replace(Object value, Args args) {
        String text = Py.str(value);
        String old = args.string(0, "old", "");
        String replacement = args.string(1, "new", "");
        Long count = args.integer(2, "count", -1L);
        if (count < 0) {
            return text.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (long done = 0; done < count; done++) {
            int at = old.isEmpty() ? (from <= text.length() ? from : -1) : text.indexOf(old, from);
            if (at < 0) {
                break;
            }
            out.append(text, from, at).append(replacement);
            if (old.isEmpty()) {
                if (at < text.length()) {
                    out.append(text.charAt(at));
                }
                from = at + 1;
            } else {
                from = at + old.length();
            }
        }
        if (from <= text.length()) {
            out.append(text.substring(from));
        }
        return out.toString();
    }

    /** Jinja2's join(d='', attribute=None). */
    static String join(Object value, Args args) {
        String separator = args.string(0, "d", "");
        Object attribute = args.get(1, "attribute", null);
        List<String> parts = new ArrayList<>();
        for (Object item : Py.iterate(value)) {
            parts.add(Py.str(attribute == null ? item : Attributes.get(item, attribute)));
        }
        return String.join(separator, parts);
    }

    /** Python's str.split(sep=None, maxsplit=-1). */
    static List<Object> split(Object value, Args args) {
        String text = Py.str(value);
        Object separator = args.get(0, "sep", null);
        long maxSplit = args.integer(1, "maxsplit", -1L);
        List<Object> parts = new ArrayList<>();
        if (separator == null) {
            String rest = text.stripLeading();
            while (!rest.isEmpty()) {
                if (maxSplit >= 0 && parts.size() == maxSplit) {
                    parts.add(rest);
                    return parts;
                }
                int end = 0;
                while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                    end++;
                }
                parts.add(rest.substring(0, end));
                rest = rest.substring(end).stripLeading();
            }
            return parts;
        }
        String sep = Py.str(separator);
        if (sep.isEmpty()) {
            throw new JplayException("empty separator");
        }
        int from = 0;
        while (maxSplit < 0 || parts.size() < maxSplit) {
            int at = text.indexOf(sep, from);
            if (at < 0) {
                break;
            }
            parts.add(text.substring(from, at));
            from = at + sep.length();
        }
        parts.add(text.substring(from));
        return parts;
    }

    /** Jinja2's trim(chars=None): Python's str.strip. */
    static String trim(Object value, Args args) {
        String text = Py.str(value);
        Object chars = args.get(0, "chars", null);
        if (chars == null) {
            return text.strip();
        }
        String set = Py.str(chars);
        int start = 0;
        int end = text.length();
        while (start < end && set.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && set.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Jinja2 3's indent(width=4, first=False, blank=False); width may be a string used as the indent. */
    static String indent(Object value, Args args) {
        Object width = args.get(0, "width", 4L);
        boolean first = args.bool(1, "first", false);
        boolean blank = args.bool(2, "blank", false);
        String indent = width instanceof CharSequence s ? s.toString() : " ".repeat(Py.toLongOrNull(width).intValue());
        // as Jinja2: append a newline, then splitlines() (which drops the last, empty, line)
        List<String> lines = new ArrayList<>(Arrays.asList((Py.str(value) + "\n").split("\n", -1)));
        lines.remove(lines.size() - 1);
        String result;
        if (blank) {
            result = String.join("\n" + indent, lines);
        } else {
            StringBuilder out = new StringBuilder(lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                out.append('\n').append(line.isEmpty() ? "" : indent + line);
            }
            result = out.toString();
        }
        return first ? indent + result : result;
    }

    /** Python's str.center(width): the extra space goes left when the padding is odd and the width is odd. */
    static String center(Object value, Args args) {
        String text = Py.str(value);
        int width = args.integer(0, "width", 80L).intValue();
        int padding = width - text.length();
        if (padding <= 0) {
            return text;
        }
        int left = padding / 2 + (padding & width & 1);
        return " ".repeat(left) + text + " ".repeat(padding - left);
    }

    /** Python's shlex.quote. */
    public static String shellQuote(String text) {
        if (text.isEmpty()) {
            return "''";
        }
        if (SHELL_SAFE.matcher(text).matches()) {
            return text;
        }
        return "'" + text.replace("'", "'\"'\"'") + "'";
    }

    /** Ansible's comment(style='plain', **kw). */
    @SuppressWarnings("unchecked")
    static String comment(Object value, Args args) {
        String text = Py.str(value);
        String style = args.string(0, "style", "plain");
        Map<String, String> styleParams = switch (style) {
            case "plain" -> Map.of("decoration", "# ");
            case "erlang" -> Map.of("decoration", "% ");
            case "c" -> Map.of("decoration", "// ");
            case "cblock" -> Map.of("beginning", "/*", "decoration", " * ", "end", " */");
            case "xml" -> Map.of("beginning", "<!--", "decoration", " - ", "end", "-->");
            default -> throw new JplayException("KeyError: '" + style + "'");
        };
        Map<String, Object> kw = args.keywords();
        String prepostfix = kw.containsKey("decoration") ? Py.str(kw.get("decoration")) : styleParams.get("decoration");
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("newline", "\n");
        p.put("beginning", "");
        p.put("prefix", prepostfix.stripTrailing());
        p.put("prefix_count", 1L);
        p.put("decoration", "");
        p.put("postfix", prepostfix.stripTrailing());
        p.put("postfix_count", 1L);
        p.put("end", "");
        p.putAll(styleParams);
        p.putAll(kw);
        String newline = Py.str(p.get("newline"));
        String beginning = Py.str(p.get("beginning"));
        String prefix = Py.str(p.get("prefix"));
        String decoration = Py.str(p.get("decoration"));
        String postfix = Py.str(p.get("postfix"));
        String end = Py.str(p.get("end"));
        int prefixCount = Py.toLongOrNull(p.get("prefix_count")).intValue();
        int postfixCount = Py.toLongOrNull(p.get("postfix_count")).intValue();
        String strBeginning = beginning.isEmpty() ? "" : beginning + newline;
        String strPrefix = "";
        if (!prefix.isEmpty()) {
            strPrefix = prefix.equals(newline) ? newline.repeat(prefixCount) : (prefix + newline).repeat(prefixCount);
        }
        String strText = (decoration + text.replace(newline, newline + decoration))
                .replace(decoration + newline, decoration.stripTrailing() + newline);
        StringBuilder strPostfix = new StringBuilder();
        for (int i = 0; i < postfixCount; i++) {
            strPostfix.append(newline).append(postfix);
        }
        String strEnd = end.isEmpty() ? "" : newline + end;
        return strBeginning + strPrefix + strText + strPostfix + strEnd;
    }
}
