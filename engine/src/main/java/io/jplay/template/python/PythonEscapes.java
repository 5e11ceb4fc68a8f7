package io.jplay.template.python;

/** Python string-literal escapes; unknown escapes stay as written (backslash kept), as Python does. */
public final class PythonEscapes {

    private PythonEscapes() {
    }

    /** Decodes the escape starting at {@code text[pos] == '\\'}; returns the index after it. */
    public static int decodeEscape(String text, int pos, StringBuilder out) {
        if (pos + 1 >= text.length()) {
            out.append('\\');
            return pos + 1;
        }
        char e = text.charAt(pos + 1);
        switch (e) {
            case '\n':
                return pos + 2;
            case '\\', '\'', '"':
                out.append(e);
                return pos + 2;
            case 'n':
                out.append('\n');
                return pos + 2;
            case 't':
                out.append('\t');
                return pos + 2;
            case 'r':
                out.append('\r');
                return pos + 2;
            case 'a':
                out.append('\u0007');
                return pos + 2;
            case 'b':
                out.append('\b');
                return pos + 2;
            case 'f':
                out.append('\f');
                return pos + 2;
            case 'v':
                out.append('\u000b');
                return pos + 2;
            case 'x':
                return hex(text, pos, 2, out);
            case 'u':
                return hex(text, pos, 4, out);
            case 'U':
                return hex(text, pos, 8, out);
            default:
                if (e >= '0' && e <= '7') {
                    int end = pos + 1;
                    while (end < text.length() && end < pos + 4 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                        end++;
                    }
                    out.appendCodePoint(Integer.parseInt(text.substring(pos + 1, end), 8));
                    return end;
                }
                out.append('\\').append(e);
                return pos + 2;
        }
    }

    private static int hex(String text, int pos, int digits, StringBuilder out) {
        int start = pos + 2;
        int end = start + digits;
        if (end > text.length() || !text.substring(start, end).matches("[0-9a-fA-F]+")) {
            out.append('\\').append(text.charAt(pos + 1));
            return pos + 2;
        }
        out.appendCodePoint(Integer.parseInt(text.substring(start, end), 16));
        return end;
    }

    /** Decodes all escapes in the body of a (non-raw) Python string literal. */
    public static String decode(String body) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '\\') {
                i = decodeEscape(body, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
