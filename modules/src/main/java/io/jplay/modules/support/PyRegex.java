package io.jplay.modules.support;

import io.jplay.module.ModuleFailure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python {@code re} semantics on top of java.util.regex, for the expressions users write for lineinfile,
 * blockinfile and replace. Differences translated:
 * <ul>
 * <li>only {@code \n} ends a line ({@code UNIX_LINES}), so {@code $} and {@code .} behave as Python's;</li>
 * <li>{@code \Z} (Python: end of string) becomes Java's {@code \z};</li>
 * <li>{@code (?P<name>...)} and {@code (?P=name)} become {@code (?<name>...)} and {@code \k<name>};</li>
 * <li>a {@code {} that does not start a repetition is literal in Python (and {@code {,n}} means 0..n);</li>
 * <li>inside a character class {@code [} and {@code &&} are literal in Python but not in Java;</li>
 * <li>the flags (?a) (?L) (?u) have no Java meaning and are dropped.</li>
 * </ul>
 * Replacement templates are expanded with Python's rules ({@code \1}, {@code \g<name>}, {@code \n}; a group
 * that did not take part expands to ''), not Java's {@code $1}.
 */
public final class PyRegex {

    private PyRegex() {
    }

    public static Pattern compile(String python, int extraFlags) {
        try {
            String java = translate(python);
            if ((extraFlags & Pattern.MULTILINE) != 0 || python.matches("^\\(\\?[a-zA-Z]*m[a-zA-Z]*\\).*")) {
                // Python's multiline ^ also matches after a final newline, Java's does not
                java = multilineCaret(java);
            }
            return Pattern.compile(java, Pattern.UNIX_LINES | extraFlags);
        } catch (PatternSyntaxException e) {
            throw new ModuleFailure("invalid regular expression " + python + ": " + e.getDescription());
        }
    }

    static String translate(String p) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        int n = p.length();
        for (int i = 0; i < n; i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = p.charAt(i + 1);
                if (next == 'Z' && !inClass) {
                    out.append("\\z");
                } else if (next == '0' && (i + 2 >= n || !Character.isDigit(p.charAt(i + 2)))) {
                    out.append("\\x00");
                } else {
                    out.append(c).append(next);
                }
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']' && !classJustOpened(p, i)) {
                    inClass = false;
                    out.append(c);
                } else if (c == '[') {
                    out.append("\\[");
                } else if (c == '&' && i + 1 < n && p.charAt(i + 1) == '&') {
                    out.append("\\&");
                } else {
                    out.append(c);
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
                out.append(c);
                // a ']' right after '[' or '[^' is literal in both, copy it now
                int j = i + 1;
                if (j < n && p.charAt(j) == '^') {
                    out.append('^');
                    j++;
                }
                if (j < n && p.charAt(j) == ']') {
                    out.append("\\]");
                    j++;
                }
                i = j - 1;
                continue;
            }
            if (c == '(' && p.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 3;
                continue;
            }
            if (c == '(' && p.startsWith("(?P=", i)) {
                int close = p.indexOf(')', i);
                out.append("\\k<").append(p, i + 4, close).append('>');
                i = close;
                continue;
            }
            if (c == '(' && i + 2 < n && p.charAt(i + 1) == '?' && "aLu".indexOf(p.charAt(i + 2)) >= 0) {
                int close = p.indexOf(')', i);
                String flags = p.substring(i + 2, close).replaceAll("[aLu]", "");
                if (!flags.isEmpty()) {
                    out.append("(?").append(flags).append(')');
                }
                i = close;
                continue;
            }
            if (c == '{') {
                Matcher m = Pattern.compile("\\{(\\d*)(,(\\d*))?\\}").matcher(p).region(i, n);
                if (m.lookingAt() && !(m.group(1).isEmpty() && m.group(2) == null) && !(m.group(1).isEmpty() && m.group(3) != null && m.group(3).isEmpty())) {
                    String min = m.group(1).isEmpty() ? "0" : m.group(1);
                    out.append('{').append(min).append(m.group(2) == null ? "" : "," + m.group(3)).append('}');
                    i = m.end() - 1;
                } else {
                    out.append("\\{");
                }
                continue;
            }
            if (c == '}') {
                out.append("\\}");
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean classJustOpened(String p, int i) {
        return false;
    }

    /** Replaces each unescaped ^ outside a character class with "start or after a newline". */
    static String multilineCaret(String java) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < java.length(); i++) {
            char c = java.charAt(i);
            if (c == '\\' && i + 1 < java.length()) {
                out.append(c).append(java.charAt(++i));
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
                out.append(c);
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                if (i + 1 < java.length() && java.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
            } else if (c == '^') {
                out.append("(?<![^\\n])");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Names of the named groups in a translated pattern, in order (Java 17 has no public accessor). */
    public static java.util.List<String> groupNames(Pattern pattern) {
        java.util.List<String> names = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("(?<!\\\\)\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(pattern.pattern());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Python's {@code match.expand(template)}. */
    public static String expand(Matcher m, String template) {
        StringBuilder out = new StringBuilder();
        int n = template.length();
        for (int i = 0; i < n; i++) {
            char c = template.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                out.append(c);
                continue;
            }
            char next = template.charAt(++i);
            if (Character.isDigit(next)) {
                int end = i + 1;
                if (end < n && Character.isDigit(template.charAt(end)) && next != '0') {
                    end++;
                }
                if (next == '0') {
                    out.append('\0');
                    continue;
                }
                appendGroup(out, m, template.substring(i, end));
                i = end - 1;
            } else if (next == 'g' && i + 1 < n && template.charAt(i + 1) == '<') {
                int close = template.indexOf('>', i);
                if (close < 0) {
                    throw new ModuleFailure("missing >, unterminated name at position " + (i - 1));
                }
                appendGroup(out, m, template.substring(i + 2, close));
                i = close;
            } else {
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'f' -> out.append('\f');
                    case 'v' -> out.append('\u000b');
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case '\\' -> out.append('\\');
                    default -> {
                        if (Character.isLetter(next) && next < 128) {
                            throw new ModuleFailure("bad escape \\" + next + " at position " + (i - 1));
                        }
                        out.append('\\').append(next);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void appendGroup(StringBuilder out, Matcher m, String ref) {
        String value;
        try {
            value = ref.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(ref)) : m.group(ref);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new ModuleFailure("invalid group reference " + ref);
        }
        if (value != null) {
            out.append(value);
        }
    }

    /** Python's {@code re.subn(pattern, template, text)}: the result and the number of replacements. */
    public static Object[] subn(Pattern pattern, String template, String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        int count = 0;
        while (m.find()) {
            out.append(text, last, m.start()).append(expand(m, template));
            last = m.end();
            count++;
        }
        out.append(text.substring(last));
        return new Object[] {out.toString(), count};
    }
}
