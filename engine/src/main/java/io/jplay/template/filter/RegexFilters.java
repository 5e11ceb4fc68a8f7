package io.jplay.template.filter;

import io.jplay.error.JplayException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/** Ansible's regex_replace, regex_search, regex_findall and regex_escape, with Python {@code re} semantics. */
public final class RegexFilters {

    private RegexFilters() {
    }

    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> filters = new ArrayList<>();
        filters.add(AnsibleFilter.of("regex_replace", RegexFilters::replace));
        filters.add(AnsibleFilter.of("regex_search", RegexFilters::search));
        filters.add(AnsibleFilter.of("regex_findall", RegexFilters::findall));
        filters.add(AnsibleFilter.of("regex_escape", RegexFilters::escape));
        return filters;
    }

    static String replace(Object value, Args args) {
        String text = value == null ? "" : Py.str(value);
        PyRegex regex = PyRegex.compile(args.string(0, "pattern", ""), args.bool(2, "ignorecase", false),
                args.bool(3, "multiline", false));
        return regex.substitute(text, args.string(1, "replacement", ""));
    }

    /** The whole match, or with '\\1'/'\\g<name>' arguments a list of those groups; null when nothing matched. */
    static Object search(Object value, Args args) {
        String text = Py.str(value);
        PyRegex regex = PyRegex.compile(args.string(0, "regex", ""), args.bool(-1, "ignorecase", false),
                args.bool(-1, "multiline", false));
        List<Object> groups = new ArrayList<>();
        for (Object arg : args.rest(1)) {
            String spec = Py.str(arg);
            if (spec.startsWith("\\g")) {
                groups.add(spec.substring(3, spec.length() - 1));
            } else if (spec.startsWith("\\")) {
                groups.add(Long.parseLong(spec.substring(1).replaceAll("\\D.*", "")));
            } else {
                throw new JplayException("Unknown argument");
            }
        }
        Matcher matcher = regex.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        if (groups.isEmpty()) {
            return matcher.group();
        }
        List<Object> result = new ArrayList<>();
        for (Object group : groups) {
            result.add(regex.group(matcher, group));
        }
        return result;
    }

    /** Python's re.findall: whole matches, the single group, or tuples of groups. */
    static List<Object> findall(Object value, Args args) {
        String text = Py.str(value);
        PyRegex regex = PyRegex.compile(args.string(0, "regex", ""), args.bool(2, "ignorecase", false),
                args.bool(1, "multiline", false));
        Matcher matcher = regex.matcher(text);
        List<Object> result = new ArrayList<>();
        int groupCount = matcher.groupCount();
        while (matcher.find()) {
            if (groupCount == 0) {
                result.add(matcher.group());
            } else if (groupCount == 1) {
                result.add(matcher.group(1) == null ? "" : matcher.group(1));
            } else {
                List<Object> row = new ArrayList<>();
                for (int g = 1; g <= groupCount; g++) {
                    row.add(matcher.group(g) == null ? "" : matcher.group(g));
                }
                result.add(Tuple.from(row));
            }
        }
        return result;
    }

    /** Python's re.escape (3.7+: only regex-special characters), or posix_basic. */
    static String escape(Object value, Args args) {
        String text = Py.str(value);
        String type = args.string(0, "re_type", "python");
        String special;
        switch (type) {
            case "python" -> special = "()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f";
            case "posix_basic" -> special = "].[^$*\\";
            case "posix_extended" -> throw new JplayException("Regex type (" + type + ") not yet implemented");
            default -> throw new JplayException("Invalid regex type (" + type + ")");
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (special.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
