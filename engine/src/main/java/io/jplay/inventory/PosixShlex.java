package io.jplay.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code shlex.split(line, comments=True)} (POSIX mode), which the INI plugin uses for host lines:
 * quotes group words and vanish, a backslash escapes outside single quotes, '#' starts a comment even
 * inside a word.
 */
public final class PosixShlex {

    /** shlex's ValueError ("No closing quotation", "No escaped character"). */
    public static final class ShlexException extends Exception {
        ShlexException(String message) {
            super(message);
        }
    }

    private PosixShlex() {
    }

    public static List<String> split(String line) throws ShlexException {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean inToken = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '#') {
                break;
            }
            if (Character.isWhitespace(c) && " \t\r\n".indexOf(c) >= 0) {
                if (inToken) {
                    tokens.add(token.toString());
                    token.setLength(0);
                    inToken = false;
                }
                i++;
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new ShlexException("No closing quotation");
                }
                token.append(line, i + 1, close);
                inToken = true;
                i = close + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                        token.append(line.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (d == '\\' && i + 1 >= n) {
                        throw new ShlexException("No escaped character");
                    }
                    token.append(d);
                    i++;
                }
                if (!closed) {
                    throw new ShlexException("No closing quotation");
                }
                inToken = true;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new ShlexException("No escaped character");
                }
                token.append(line.charAt(i + 1));
                inToken = true;
                i += 2;
            } else {
                token.append(c);
                inToken = true;
                i++;
            }
        }
        if (inToken) {
            tokens.add(token.toString());
        }
        return tokens;
    }
}
