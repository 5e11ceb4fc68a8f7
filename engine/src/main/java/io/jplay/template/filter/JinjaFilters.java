package io.jplay.template.filter;

import io.jplay.error.JplayException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2 3.1 built-in filters whose Jinjava versions differ from Jinja2's: batch, slice, dictsort, groupby,
 * items, truncate, wordwrap, urlencode.
 */
public final class JinjaFilters {

    private JinjaFilters() {
    }

    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> filters = new ArrayList<>();
        filters.add(AnsibleFilter.of("batch", JinjaFilters::batch));
        filters.add(AnsibleFilter.of("slice", JinjaFilters::slice));
        filters.add(AnsibleFilter.of("dictsort", JinjaFilters::dictsort));
        filters.add(AnsibleFilter.of("groupby", JinjaFilters::groupby));
        filters.add(AnsibleFilter.of("items", JinjaFilters::items));
        filters.add(AnsibleFilter.of("truncate", JinjaFilters::truncate));
        filters.add(AnsibleFilter.of("wordwrap", JinjaFilters::wordwrap));
        filters.add(AnsibleFilter.of("urlencode", JinjaFilters::urlencode));
        return filters;
    }

    static List<Object> batch(Object value, Args args) {
        int size = args.integer(0, "linecount", 1L).intValue();
        Object fill = args.get(1, "fill_with", null);
        List<Object> result = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        for (Object item : Py.iterate(value)) {
            if (current.size() == size) {
                result.add(current);
                current = new ArrayList<>();
            }
            current.add(item);
        }
        if (!current.isEmpty()) {
            if (fill != null) {
                while (current.size() < size) {
                    current.add(fill);
                }
            }
            result.add(current);
        }
        return result;
    }

    /** Jinja2's slice: n columns, the first (length % n) of them one item longer. */
    static List<Object> slice(Object value, Args args) {
        List<Object> seq = Py.iterate(value);
        int slices = args.integer(0, "slices", 1L).intValue();
        Object fill = args.get(1, "fill_with", null);
        int perSlice = seq.size() / slices;
        int withExtra = seq.size() % slices;
        int offset = 0;
        List<Object> result = new ArrayList<>();
        for (int n = 0; n < slices; n++) {
            int start = offset + n * perSlice;
            if (n < withExtra) {
                offset++;
            }
            int end = offset + (n + 1) * perSlice;
            List<Object> part = new ArrayList<>(seq.subList(start, end));
            if (fill != null && n >= withExtra) {
                part.add(fill);
            }
            result.add(part);
        }
        return result;
    }

    static List<Object> dictsort(Object value, Args args) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new JplayException("You can only sort by either \"key\" or \"value\"");
        }
        boolean caseSensitive = args.bool(0, "case_sensitive", false);
        String by = args.string(1, "by", "key");
        boolean reverse = args.bool(2, "reverse", false);
        int position = switch (by) {
            case "key" -> 0;
            case "value" -> 1;
            default -> throw new JplayException("You can only sort by either \"key\" or \"value\"");
        };
        List<Object> pairs = new ArrayList<>();
        map.forEach((k, v) -> pairs.add(Tuple.of(k, Py.plain(v))));
        Comparator<Object> order = Comparator.comparing(pair -> ignoreCase(((List<?>) pair).get(position), caseSensitive), Py::compare);
        pairs.sort(reverse ? order.reversed() : order);
        return pairs;
    }

    private static Object ignoreCase(Object value, boolean caseSensitive) {
        return !caseSensitive && value instanceof CharSequence s ? s.toString().toLowerCase() : value;
    }

    /** Jinja2's groupby(attribute, default=None, case_sensitive=False): (grouper, items) pairs, sorted. */
    static List<Object> groupby(Object value, Args args) {
        Object attribute = args.get(0, "attribute", null);
        Object fallback = args.get(1, "default", null);
        boolean caseSensitive = args.bool(2, "case_sensitive", false);
        Function<Object, Object> key = item -> {
            Object found = Attributes.get(item, attribute);
            return ignoreCase(found == null ? fallback : found, caseSensitive);
        };
        List<Object> items = new ArrayList<>(Py.iterate(value));
        items.sort(Comparator.comparing(key, Py::compare));
        List<Object> result = new ArrayList<>();
        Object currentKey = null;
        List<Object> group = null;
        for (Object item : items) {
            Object k = key.apply(item);
            if (group == null || !Py.equal(k, currentKey)) {
                group = new ArrayList<>();
                currentKey = k;
                Object grouper = caseSensitive ? k : Attributes.get(item, attribute) == null ? fallback : Attributes.get(item, attribute);
                result.add(Tuple.of(grouper, group));
            }
            group.add(item);
        }
        return result;
    }

    static List<Object> items(Object value, Args args) {
        List<Object> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new JplayException("Can only get item pairs from a mapping.");
        }
        map.forEach((k, v) -> result.add(Tuple.of(k, Py.plain(v))));
        return result;
    }

    /** Jinja2's truncate(length=255, killwords=False, end='...', leeway=5). */
    static String truncate(Object value, Args args) {
        String text = Py.str(value);
        int length = args.integer(0, "length", 255L).intValue();
        boolean killWords = args.bool(1, "killwords", false);
        String end = args.string(2, "end", "...");
        int leeway = args.integer(3, "leeway", 5L).intValue();
        if (text.length() <= length + leeway) {
            return text;
        }
        String head = text.substring(0, Math.max(0, length - end.length()));
        if (killWords) {
            return head + end;
        }
        int space = head.lastIndexOf(' ');
        return (space >= 0 ? head.substring(0, space) : head) + end;
    }

    /** Jinja2's wordwrap: Python's textwrap per line (whitespace kept inside lines, long words broken). */
    static String wordwrap(Object value, Args args) {
        String text = Py.str(value);
        int width = args.integer(0, "width", 79L).intValue();
        boolean breakLongWords = args.bool(1, "break_long_words", true);
        String wrapString = args.string(2, "wrapstring", "\n");
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r\n|\n|\r", -1)) {
            out.add(String.join(wrapString, wrapLine(line, width, breakLongWords)));
        }
        return String.join(wrapString, out);
    }

    private static final Pattern CHUNK = Pattern.compile("\\s+|\\S+");

    /** textwrap.TextWrapper._wrap_chunks with expand_tabs=False, replace_whitespace=False. */
    private static List<String> wrapLine(String line, int width, boolean breakLongWords) {
        List<String> chunks = new ArrayList<>();
        Matcher m = CHUNK.matcher(line);
        while (m.find()) {
            chunks.add(m.group());
        }
        List<String> lines = new ArrayList<>();
        int next = 0;
        while (next < chunks.size()) {
            List<String> current = new ArrayList<>();
            int length = 0;
            if (chunks.get(next).isBlank() && !lines.isEmpty()) {
                next++;
            }
            while (next < chunks.size() && length + chunks.get(next).length() <= width) {
                length += chunks.get(next).length();
                current.add(chunks.get(next++));
            }
            if (next < chunks.size() && chunks.get(next).length() > width) {
                String chunk = chunks.get(next);
                if (breakLongWords) {
                    int spaceLeft = width < 1 ? 1 : width - length;
                    current.add(chunk.substring(0, spaceLeft));
                    chunks.set(next, chunk.substring(spaceLeft));
                } else if (current.isEmpty()) {
                    current.add(chunk);
                    next++;
                }
            }
            if (!current.isEmpty() && current.get(current.size() - 1).isBlank()) {
                current.remove(current.size() - 1);
            }
            if (!current.isEmpty()) {
                lines.add(String.join("", current));
            }
        }
        return lines;
    }

    /** Jinja2's urlencode: a string quoted with '/' safe; a dict or pairs as a query string. */
    static String urlencode(Object value, Args args) {
        if (value instanceof CharSequence s) {
            return quote(s.toString(), false);
        }
        List<String> parts = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> parts.add(quote(Py.str(k), true) + "=" + quote(Py.str(v), true)));
        } else {
            for (Object pair : Py.iterate(value)) {
                List<?> kv = (List<?>) pair;
                parts.add(quote(Py.str(kv.get(0)), true) + "=" + quote(Py.str(kv.get(1)), true));
            }
        }
        return String.join("&", parts);
    }

    private static String quote(String text, boolean forQuery) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.-~".indexOf(c) >= 0
                    || (!forQuery && c == '/')) {
                out.append(c);
            } else if (forQuery && c == ' ') {
                out.append('+');
            } else {
                out.append(String.format("%%%02X", (int) c));
            }
        }
        return out.toString();
    }
}
