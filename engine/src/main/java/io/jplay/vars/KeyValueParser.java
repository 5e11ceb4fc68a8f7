package io.jplay.vars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's parse_kv: {@code a=1 b="two words"} to a map of strings (values are never typed). Escapes such as
 * {@code \n} and {@code \u00e9} are decoded, one pair of matching quotes around a value is removed, and words
 * without {@code =} are joined into {@code _raw_params}.
 */
public final class KeyValueParser {

    /** Keys that stay options even when free-form parameters are checked (shell/command's options). */
    private static final List<String> RAW_OPTION_KEYS = List.of("creates", "removes", "chdir", "executable", "warn",
            "stdin", "stdin_add_newline", "strip_empty_ends");

    private static final Pattern ESCAPE = Pattern.compile(
            "\\\\U[a-fA-F0-9]{8}|\\\\u[a-fA-F0-9]{4}|\\\\x[a-fA-F0-9]{2}|\\\\N\\{[^}]+}|\\\\[\\\\'\"abfnrtv]");

    private KeyValueParser() {
    }

    public static Map<String, Object> parse(String args) {
        return parse(args, false);
    }

    /** With {@code checkRaw}, k=v words are free-form too unless k is one of shell/command's options. */
    public static Map<String, Object> parse(String args, boolean checkRaw) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (args == null) {
            return options;
        }
        List<String> rawParams = new ArrayList<>();
        for (String original : ArgSplitter.split(args)) {
            String word = decodeEscapes(original);
            int equals = unescapedEquals(word);
            if (equals < 0) {
                if (word.contains("=")) {
                    // only escaped equals signs: a free-form word with the escapes removed
                    rawParams.add(word.replace("\\=", "="));
                } else {
                    rawParams.add(original);
                }
                continue;
            }
            String key = word.substring(0, equals);
            String value = word.substring(equals + 1);
            if (checkRaw && !RAW_OPTION_KEYS.contains(key)) {
                rawParams.add(original);
            } else {
                options.put(key.strip(), unquote(value.strip()));
            }
        }
        if (!rawParams.isEmpty()) {
            options.put("_raw_params", ArgSplitter.join(rawParams));
        }
        return options;
    }

    /** The first '=' after position 0 that is not preceded by a backslash, or -1. */
    private static int unescapedEquals(String word) {
        int position = 0;
        while (true) {
            position = word.indexOf('=', position + 1);
            if (position < 0) {
                return -1;
            }
            if (word.charAt(position - 1) != '\\') {
                return position;
            }
        }
    }

    /** quoting.unquote: strips one pair of matching outer quotes unless the closing one is escaped. */
    public static String unquote(String data) {
        boolean quoted = data.length() > 1 && data.charAt(0) == data.charAt(data.length() - 1)
                && (data.charAt(0) == '"' || data.charAt(0) == '\'') && data.charAt(data.length() - 2) != '\\';
        return quoted ? data.substring(1, data.length() - 1) : data;
    }

    static String decodeEscapes(String text) {
        Matcher matcher = ESCAPE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(decode(matcher.group())));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String decode(String escape) {
        char kind = escape.charAt(1);
        return switch (kind) {
            case 'U', 'u', 'x' -> new String(Character.toChars(Integer.parseInt(escape.substring(2), 16)));
            case 'N' -> namedCharacter(escape);
            case '\\' -> "\\";
            case '\'' -> "'";
            case '"' -> "\"";
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'v' -> "\u000b";
            default -> escape;
        };
    }

    private static String namedCharacter(String escape) {
        String name = escape.substring(3, escape.length() - 1);
        try {
            return new String(Character.toChars(Character.codePointOf(name)));
        } catch (IllegalArgumentException unknown) {
            return escape;
        }
    }
}
