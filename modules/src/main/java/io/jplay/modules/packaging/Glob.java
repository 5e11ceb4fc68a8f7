package io.jplay.modules.packaging;

import java.util.regex.Pattern;

/** Python's fnmatch.fnmatchcase, as apt uses it for {@code name=1.2*} pins and {@code name: "lib*"} patterns. */
public final class Glob {

    private Glob() {
    }

    public static boolean isPattern(String s) {
        return s.chars().anyMatch(c -> "*?[]!".indexOf(c) >= 0);
    }

    public static boolean matches(String glob, String text) {
        return Pattern.compile(toRegex(glob), Pattern.DOTALL).matcher(text).matches();
    }

    static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int j = i + 1;
                if (j < glob.length() && glob.charAt(j) == '!') {
                    j++;
                }
                if (j < glob.length() && glob.charAt(j) == ']') {
                    j++;
                }
                while (j < glob.length() && glob.charAt(j) != ']') {
                    j++;
                }
                if (j >= glob.length()) {
                    re.append("\\[");
                } else {
                    String body = glob.substring(i + 1, j).replace("\\", "\\\\");
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    } else if (body.startsWith("^")) {
                        body = "\\" + body;
                    }
                    re.append('[').append(body).append(']');
                    i = j;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
