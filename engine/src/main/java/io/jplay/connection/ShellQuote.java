package io.jplay.connection;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting, as Python's {@code shlex.quote}: words made only of safe characters stay bare,
 * anything else is wrapped in single quotes, with embedded single quotes written as {@code '"'"'}.
 * Single quotes are the only quoting in which a POSIX shell interprets nothing ($, `, \, !, newlines),
 * so the result is safe for any byte sequence except NUL, which no argv can carry.
 */
public final class ShellQuote {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_@%+=:,./-]");

    private ShellQuote() {
    }

    public static String quote(String word) {
        if (word == null) {
            throw new IllegalArgumentException("cannot quote null");
        }
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell word cannot contain NUL");
        }
        if (word.isEmpty()) {
            return "''";
        }
        if (!UNSAFE.matcher(word).find()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /** Quotes each word and joins them with spaces: a command line that the shell splits back into argv. */
    public static String join(List<String> argv) {
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    /** Quotes each word and joins them with spaces. */
    public static String join(String... argv) {
        return join(List.of(argv));
    }
}
