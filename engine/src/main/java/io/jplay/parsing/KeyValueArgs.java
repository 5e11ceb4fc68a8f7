package io.jplay.parsing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code parse_kv}: {@code "a=1 b='x y' free text"} to a map of strings. Words without {@code =}
 * are joined into {@code _raw_params}. With {@code checkRaw} (command, shell, raw, script), only the few
 * keys those modules take ({@code chdir}, {@code creates}, ...) are options; any other {@code k=v} stays in
 * the command line.
 */
public final class KeyValueArgs {

    public static final String RAW_PARAMS = "_raw_params";

    private static final Set<String> RAW_MODULE_OPTIONS = Set.of(
            "creates", "removes", "chdir", "executable", "warn", "stdin", "stdin_add_newline", "strip_empty_ends");

    private static final Pattern ESCAPE = Pattern.compile(
            "\\\\U[0-9a-fA-F]{8}|\\\\u[0-9a-fA-F]{4}|\\\\x[0-9a-fA-F]{2}|\\\\N\\{[^}]+}|\\\\[\\\\'\"abfnrtv]");

    private KeyValueArgs() {
    }

    public static Map<String, Object> parse(String args, boolean checkRaw) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (args == null) {
            return options;
        }
        List<String> rawParams = new ArrayList<>();
        for (String original : ArgSplitter.split(args)) {
            String word = decodeEscapes(original);
            int pos = separatorIndex(word);
            if (pos < 0) {
                rawParams.add(word.contains("=") ? word.replace("\\=", "=") : original);
                continue;
            }
            String key = word.substring(0, pos);
            String value = word.substring(pos + 1);
            if (checkRaw && !RAW_MODULE_OPTIONS.contains(key)) {
                rawParams.add(original);
            } else {
                options.put(key.strip(), unquote(value.strip()));
            }
        }
        if (!rawParams.isEmpty()) {
            options.put(RAW_PARAMS, ArgSplitter.join(rawParams));
        }
        return options;
    }

    /** The first '=' after position 0 that is not escaped with a backslash, or -1. */
    private static int separatorIndex(String word) {
        int pos = 0;
        while (true) {
            pos = word.indexOf('=', pos + 1);
            if (pos < 0) {
                return -1;
            }
            if (word.charAt(pos - 1) != '\\') {
                return pos;
            }
        }
    }

    /** Removes one pair of matching surrounding quotes, as ansible.parsing.quoting.unquote. */
    public static String unquote(String data) {
        if (data.length() > 1 && data.charAt(0) == data.charAt(data.length() - 1)
                && (data.charAt(0) == '"' || data.charAt(0) == '\'') && data.charAt(data.length() - 2) != '\\') {
            return data.substring(1, data.length() - 1);
        }
        return data;
    }

    /** Python's 'unicode-escape' decoding of the escapes Ansible recognises in k=v strings. */
    static String decodeEscapes(String text) {
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String escape) {
        char kind = escape.charAt(1);
        switch (kind) {
            case 'U':
            case 'u':
            case 'x':
                return new String(Character.toChars(Integer.parseInt(escape.substring(2), 16)));
            case 'N':
                int cp = Character.codePointOf(escape.substring(3, escape.length() - 1));
                return new String(Character.toChars(cp));
            case 'a':
                return "\u0007";
            case 'b':
                return "\b";
            case 'f':
                return "\f";
            case 'n':
                return "\n";
            case 'r':
                return "\r";
            case 't':
                return "\t";
            case 'v':
                return "\u000b";
            default:
                return String.valueOf(kind);
        }
    }
}
