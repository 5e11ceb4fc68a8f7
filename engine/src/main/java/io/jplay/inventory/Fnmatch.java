package io.jplay.inventory;

import java.util.regex.Pattern;

/** Python's {@code fnmatch.translate}: shell wildcards ({@code * ? [seq] [!seq]}) as a whole-string regex. */
final class Fnmatch {
    private Fnmatch() {
    }

    static Pattern compile(String pattern) {
        return Pattern.compile("(?:" + translate(pattern) + ")\\z", Pattern.DOTALL);
    }

    static String translate(String pat) {
        StringBuilder res = new StringBuilder();
        int i = 0;
        int n = pat.length();
        while (i < n) {
            char c = pat.charAt(i++);
            if (c == '*') {
                while (i < n && pat.charAt(i) == '*') {
                    i++;
                }
                res.append(".*");
            } else if (c == '?') {
                res.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pat.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pat.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pat.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    res.append("\\[");
                } else {
                    String stuff = pat.substring(i, j);
                    i = j + 1;
                    if (stuff.isEmpty()) {
                        res.append("(?!)");
                        continue;
                    }
                    if (stuff.equals("!")) {
                        res.append('.');
                        continue;
                    }
                    StringBuilder cls = new StringBuilder();
                    int k = 0;
                    if (stuff.charAt(0) == '!') {
                        cls.append('^');
                        k = 1;
                    } else if (stuff.charAt(0) == '^') {
                        cls.append("\\^");
                        k = 1;
                    }
                    for (; k < stuff.length(); k++) {
                        char s = stuff.charAt(k);
                        if (s == '-' && k > 0 && k < stuff.length() - 1) {
                            cls.append('-');
                        } else if (Character.isLetterOrDigit(s)) {
                            cls.append(s);
                        } else {
                            cls.append('\\').append(s);
                        }
                    }
                    res.append('[').append(cls).append(']');
                }
            } else {
                res.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return res.toString();
    }
}
