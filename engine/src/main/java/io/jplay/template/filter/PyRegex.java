package io.jplay.template.filter;

import io.jplay.error.JplayException;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Python {@code re} pattern run on Java's regex engine. Translates the syntax that differs: named groups
 * {@code (?P<name>...)} (Java forbids '_' in names, so groups are renamed), {@code (?P=name)}, {@code \Z};
 * and expands Python replacement strings ({@code \1}, {@code \g<name>}, {@code \n}).
 */
public final class PyRegex {

    private static final Pattern QUANTIFIER = Pattern.compile("\\{(\\d+(,\\d*)?|,\\d+)}");

    private final Pattern pattern;
    private final Map<String, String> javaNames;

    private PyRegex(Pattern pattern, Map<String, String> javaNames) {
        this.pattern = pattern;
        this.javaNames = javaNames;
    }

    public static PyRegex compile(String python, boolean ignoreCase, boolean multiline) {
        Map<String, String> names = new HashMap<>();
        StringBuilder java = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c == '\\' && i + 1 < python.length()) {
                char next = python.charAt(i + 1);
                java.append(next == 'Z' ? "\\z" : "\\" + next);
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '[' || c == '&') {
                    // a literal '[' inside a Python class is a nested class in Java, '&&' an intersection
                    java.append('\\');
                }
                java.append(c);
                continue;
            }
            if (c == '[') {
                inClass = true;
                java.append(c);
                // ']' right after '[' or '[^' is literal in Python
                if (i + 1 < python.length() && python.charAt(i + 1) == '^') {
                    java.append('^');
                    i++;
                }
                if (i + 1 < python.length() && python.charAt(i + 1) == ']') {
                    java.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == '{' && !QUANTIFIER.matcher(python).region(i, python.length()).lookingAt()) {
                // Python reads a '{' that does not start a {m,n} quantifier as a literal brace; Java refuses it
                java.append("\\{");
                continue;
            }
            if (python.startsWith("(?P<", i)) {
                int end = python.indexOf('>', i);
                String name = python.substring(i + 4, end);
                String javaName = "g" + names.size() + "n" + name.replaceAll("[^A-Za-z0-9]", "x");
                names.put(name, javaName);
                java.append("(?<").append(javaName).append('>');
                i = end;
                continue;
            }
            if (python.startsWith("(?P=", i)) {
                int end = python.indexOf(')', i);
                String name = python.substring(i + 4, end);
                java.append("\\k<").append(names.getOrDefault(name, name)).append('>');
                i = end;
                continue;
            }
            java.append(c);
        }
        // Python 3's str patterns are Unicode-aware: \d, \w, \s and \b cover all scripts
        int flags = Pattern.UNICODE_CHARACTER_CLASS;
        if (ignoreCase) {
            flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if (multiline) {
            flags |= Pattern.MULTILINE;
        }
        try {
            return new PyRegex(Pattern.compile(java.toString(), flags), names);
        } catch (PatternSyntaxException e) {
            throw new JplayException("invalid regular expression " + Py.stringRepr(python) + ": " + e.getDescription());
        }
    }

    public Pattern pattern() {
        return pattern;
    }

    public Matcher matcher(String text) {
        return pattern.matcher(text);
    }

    /** The text of a group named by a Python name or number, or null when it did not take part. */
    public String group(Matcher matcher, Object group) {
        if (group instanceof Number n) {
            return matcher.group(n.intValue());
        }
        String name = Py.str(group);
        if (name.matches("\\d+")) {
            return matcher.group(Integer.parseInt(name));
        }
        String javaName = javaNames.get(name);
        if (javaName == null) {
            throw new JplayException("no such group: " + name);
        }
        return matcher.group(javaName);
    }

    /** Python's re.sub(pattern, repl, text): every match replaced by the expanded template. */
    public String substitute(String text, String replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(text, last, matcher.start());
            out.append(expand(matcher, replacement));
            last = matcher.end();
        }
        // Java's find() loop treats empty matches as Python 3.7+ does ('x*' on "abxd" gives "-a-b--d-")
        out.append(text.substring(last));
        return out.toString();
    }

    /** Expands a Python replacement template for one match. */
    public String expand(Matcher matcher, String template) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '\\' || i + 1 >= template.length()) {
                out.append(c);
                continue;
            }
            char next = template.charAt(++i);
            if (Character.isDigit(next)) {
                int end = i + 1;
                if (end < template.length() && Character.isDigit(template.charAt(end))) {
                    end++;
                }
                String value = matcher.group(Integer.parseInt(template.substring(i, end)));
                out.append(value == null ? "" : value);
                i = end - 1;
            } else if (next == 'g' && i + 1 < template.length() && template.charAt(i + 1) == '<') {
                int end = template.indexOf('>', i);
                String value = group(matcher, template.substring(i + 2, end));
                out.append(value == null ? "" : value);
                i = end;
            } else {
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '\\' -> out.append('\\');
                    default -> out.append('\\').append(next);
                }
            }
        }
        return out.toString();
    }
}
