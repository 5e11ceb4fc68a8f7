package io.jplay.template;

import io.jplay.template.python.PythonEscapes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template text as Ansible hands it to Jinja2, made readable by Jinjava's tokenizer. Two source-level
 * differences cannot be fixed in the expression grammar, because Jinjava's tokenizer sees them first:
 * <ul>
 *   <li>String literals: Ansible doubles backslashes inside {@code {{ }}} before Jinja2 reads them
 *       ({@code _escape_backslashes}), so there {@code '\d'} means backslash-d; elsewhere Python's escapes
 *       apply and unknown ones ({@code \d}) are kept. JUEL knows only a few escapes, so every literal is
 *       rewritten to the JUEL spelling of the value Jinja2 would have seen.</li>
 *   <li>{@code }}} closing nested dicts inside {@code {{ }}}: Jinja2's lexer balances braces, Jinjava's
 *       ends the expression at the first {@code }}}; a space is put between the braces.</li>
 * </ul>
 * Also answers Ansible's "is this possibly / really a template" questions.
 */
public final class TemplateSource {

    private static final Pattern SINGLE_VAR = Pattern.compile("^\\{\\{\\s*(\\w*)\\s*}}\\n?$");
    private static final Pattern RAW_START = Pattern.compile("\\{%[-+]?\\s*raw\\s*[-+]?%}");
    private static final Pattern RAW_END = Pattern.compile("\\{%[-+]?\\s*endraw\\s*[-+]?%}");

    private TemplateSource() {
    }

    /** Ansible's is_possibly_template: the text contains a block, variable or comment start. */
    public static boolean isPossiblyTemplate(Object value) {
        if (!(value instanceof String s)) {
            return false;
        }
        return s.contains("{{") || s.contains("{%") || s.contains("{#");
    }

    /**
     * Ansible's is_template: a start delimiter followed by its matching end delimiter
     * ({@code "{{ x }}"} yes, {@code "{{ x"} or {@code "a {b}"} no).
     */
    public static boolean isTemplate(Object value) {
        if (value instanceof java.util.List<?> list) {
            return list.stream().anyMatch(TemplateSource::isTemplate);
        }
        if (value instanceof java.util.Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(e -> isTemplate(e.getKey()) || isTemplate(e.getValue()));
        }
        if (!isPossiblyTemplate(value)) {
            return false;
        }
        String s = (String) value;
        int var = s.indexOf("{{");
        int block = s.indexOf("{%");
        int comment = s.indexOf("{#");
        int first = minPositive(var, block, comment);
        String end = first == var ? "}}" : first == block ? "%}" : "#}";
        return s.indexOf(end, first + 2) >= 0;
    }

    private static int minPositive(int... values) {
        int best = Integer.MAX_VALUE;
        for (int v : values) {
            if (v >= 0 && v < best) {
                best = v;
            }
        }
        return best;
    }

    /** The variable name when the text is exactly {@code {{ name }}} (Ansible's SINGLE_VAR), else null. */
    static String singleVariable(String text) {
        Matcher m = SINGLE_VAR.matcher(text);
        return m.matches() ? m.group(1) : null;
    }

    /** Ansible's _count_newlines_from_end. */
    static int trailingNewlines(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\n'; i--) {
            n++;
        }
        return n;
    }

    /**
     * Rewrites the text for Jinjava. {@code escapeBackslashes} is Ansible's flag of the same name: true for
     * playbook strings, false for template files.
     */
    static String forJinjava(String text, boolean escapeBackslashes) {
        if (text.indexOf('\\') < 0 && !text.contains("}}") ) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (text.startsWith("{#", i)) {
                int end = text.indexOf("#}", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(text, i, end);
                i = end;
            } else if (text.startsWith("{{", i)) {
                i = copyExpression(text, i, "}}", escapeBackslashes, out);
            } else if (text.startsWith("{%", i)) {
                Matcher raw = RAW_START.matcher(text).region(i, n);
                if (raw.lookingAt()) {
                    Matcher rawEnd = RAW_END.matcher(text);
                    int end = rawEnd.find(raw.end()) ? rawEnd.end() : n;
                    out.append(text, i, end);
                    i = end;
                } else {
                    i = copyExpression(text, i, "%}", false, out);
                }
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /** Copies one {@code {{ }}} or {@code {% %}} starting at {@code start}; returns the index after it. */
    private static int copyExpression(String text, int start, String close, boolean rawStrings, StringBuilder out) {
        out.append(text, start, start + 2);
        int i = start + 2;
        // open brackets, innermost last: Jinja2's lexer balances them, and only a "}}" outside any is the end
        StringBuilder open = new StringBuilder();
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = stringEnd(text, i);
                if (end < 0) {
                    out.append(text, i, n);
                    return n;
                }
                String body = text.substring(i + 1, end);
                String value = rawStrings ? body : PythonEscapes.decode(body);
                out.append('\'').append(value.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
                i = end + 1;
                continue;
            }
            if (open.length() == 0 && (text.startsWith(close, i)
                    || (c == '-' || c == '+') && text.startsWith(close, i + 1))) {
                int end = text.startsWith(close, i) ? i + 2 : i + 3;
                out.append(text, i, end);
                return end;
            }
            if (c == '{' || c == '[' || c == '(') {
                open.append(c);
            } else if (c == '}' || c == ']' || c == ')') {
                char expected = c == '}' ? '{' : c == ']' ? '[' : '(';
                if (open.length() > 0 && open.charAt(open.length() - 1) == expected) {
                    open.setLength(open.length() - 1);
                    out.append(c);
                    if (c == '}' && open.length() > 0 && i + 1 < n && text.charAt(i + 1) == '}') {
                        out.append(' '); // "}}" closing nested dicts, not the expression
                    }
                    i++;
                    continue;
                }
                if (open.length() > 0) {
                    // unbalanced: leave the rest as written so the parser reports the error
                    open.setLength(0);
                }
            }
            out.append(c);
            i++;
        }
        return n;
    }

    /** Index of the closing quote of the Jinja2 string literal starting at {@code start}, or -1. */
    private static int stringEnd(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }
}
