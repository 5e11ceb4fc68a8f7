package io.jplay.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Python's {@code ast.literal_eval}: numbers, strings (with prefixes, escapes and implicit concatenation),
 * True/False/None, lists, tuples, dicts, sets and {@code set()}. Anything else is not a literal (Python's
 * ValueError/SyntaxError), and callers then keep the text. What tuples, sets and dict keys become, and what
 * else is accepted, is the caller's {@link Dialect}.
 *
 * <p>Numbers are Long (BigInteger beyond 64 bits) and Double; strings String; lists ArrayList; dicts
 * LinkedHashMap.
 */
public final class PythonLiteral {

    /**
     * How a caller reads literals.
     *
     * @param jsonNames  {@code true}/{@code false}/{@code null} too (Ansible's Json2Python pass before literal_eval)
     * @param bytes      {@code b'..'} literals read as their text (else they are no literal)
     * @param newlines   newlines are blanks anywhere (else only inside brackets and at the end, as Python's tokenizer)
     * @param tuple      what a tuple's items become
     * @param set        what a set's items become (in order, duplicates included)
     * @param key        what a dict key becomes
     */
    public record Dialect(boolean jsonNames, boolean bytes, boolean newlines, Function<List<Object>, Object> tuple,
                          Function<List<Object>, Object> set, Function<Object, Object> key) {
    }

    /**
     * The INI inventory plugin's: tuples and sets are lists (a set without duplicates), dict keys text as JSON
     * would write them, bytes literals their text.
     */
    public static final Dialect INI = new Dialect(false, true, false, ArrayList::new, PythonLiteral::distinct,
            PythonJson::keyText);

    private final String text;
    private final Dialect dialect;
    private int pos;

    private PythonLiteral(String text, Dialect dialect) {
        this.text = text;
        this.dialect = dialect;
    }

    /**
     * The INI plugin's _parse_value: the literal's value, or the text itself when Python would raise
     * ValueError/SyntaxError.
     */
    public static Object evalOrText(String source) {
        return parseOr(source, source, INI);
    }

    /**
     * The literal's value, or {@code fallback} when the text is not exactly one Python literal (so a literal
     * {@code None} and "not a literal" stay distinct).
     */
    public static Object parseOr(String source, Object fallback, Dialect dialect) {
        PythonLiteral parser = new PythonLiteral(source.replaceFirst("^[ \\t]+", ""), dialect);
        try {
            Object value = parser.expression();
            parser.skipSpace(false);
            return parser.pos == parser.text.length() ? value : fallback;
        } catch (NotALiteral | IndexOutOfBoundsException | NumberFormatException e) {
            return fallback;
        }
    }

    private static List<Object> distinct(List<Object> items) {
        List<Object> result = new ArrayList<>();
        for (Object o : items) {
            if (!result.contains(o)) {
                result.add(o);
            }
        }
        return result;
    }

    private static final class NotALiteral extends RuntimeException {
        NotALiteral() {
            super(null, null, false, false);
        }
    }

    private static NotALiteral fail() {
        return new NotALiteral();
    }

    private Object expression() {
        skipSpace(false);
        Object value = unary();
        skipSpace(false);
        if (pos < text.length() && (peek() == '+' || peek() == '-')) {
            // only complex-number arithmetic is a literal in Python; jplay has no complex type
            throw fail();
        }
        return value;
    }

    private Object unary() {
        skipSpace(false);
        if (pos < text.length() && (peek() == '-' || peek() == '+')) {
            char sign = text.charAt(pos++);
            skipSpace(false);
            Object operand = atom();
            if (!(operand instanceof Number) || operand instanceof Double d && d.isNaN()) {
                throw fail();
            }
            return sign == '+' ? operand : negate((Number) operand);
        }
        return atom();
    }

    private static Object negate(Number n) {
        if (n instanceof Double d) {
            return -d;
        }
        if (n instanceof BigInteger b) {
            return narrow(b.negate());
        }
        long l = n.longValue();
        return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : -l;
    }

    private Object atom() {
        skipSpace(false);
        if (pos >= text.length()) {
            throw fail();
        }
        char c = peek();
        if (c == '[') {
            pos++;
            return new ArrayList<>(sequence(']'));
        }
        if (c == '(') {
            pos++;
            skipSpace(true);
            if (pos < text.length() && peek() == ')') {
                pos++;
                return dialect.tuple().apply(new ArrayList<>());
            }
            Object first = innerExpression();
            skipSpace(true);
            if (pos < text.length() && peek() == ')') {
                pos++;
                return first;
            }
            expect(',');
            List<Object> items = new ArrayList<>();
            items.add(first);
            items.addAll(sequence(')'));
            return dialect.tuple().apply(items);
        }
        if (c == '{') {
            pos++;
            return braces();
        }
        if (c == '"' || c == '\'') {
            return strings();
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (pos < text.length() && (peek() == '\'' || peek() == '"') && isStringPrefix(word)) {
                pos = start;
                return strings();
            }
            if (dialect.jsonNames()) {
                switch (word) {
                    case "true":
                        return Boolean.TRUE;
                    case "false":
                        return Boolean.FALSE;
                    case "null":
                        return null;
                    default:
                        break;
                }
            }
            switch (word) {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                case "None":
                    return null;
                case "set":
                    skipSpace(false);
                    if (text.startsWith("()", pos)) {
                        pos += 2;
                        return dialect.set().apply(new ArrayList<>());
                    }
                    throw fail();
                default:
                    throw fail();
            }
        }
        throw fail();
    }

    private Object innerExpression() {
        skipSpace(true);
        Object value = unaryInner();
        skipSpace(true);
        if (pos < text.length() && (peek() == '+' || peek() == '-')) {
            throw fail();
        }
        return value;
    }

    private Object unaryInner() {
        skipSpace(true);
        if (pos < text.length() && (peek() == '-' || peek() == '+')) {
            char sign = text.charAt(pos++);
            skipSpace(true);
            Object operand = atom();
            if (!(operand instanceof Number)) {
                throw fail();
            }
            return sign == '+' ? operand : negate((Number) operand);
        }
        return atom();
    }

    /** Items up to the closing bracket, with an optional trailing comma. */
    private List<Object> sequence(char close) {
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace(true);
            if (pos < text.length() && peek() == close) {
                pos++;
                return items;
            }
            items.add(innerExpression());
            skipSpace(true);
            if (pos < text.length() && peek() == close) {
                pos++;
                return items;
            }
            expect(',');
        }
    }

    private Object braces() {
        skipSpace(true);
        if (pos < text.length() && peek() == '}') {
            pos++;
            return new LinkedHashMap<String, Object>();
        }
        Object firstKey = innerExpression();
        skipSpace(true);
        if (pos < text.length() && peek() != ':') {
            // a set literal
            List<Object> items = new ArrayList<>();
            items.add(firstKey);
            if (peek() == '}') {
                pos++;
                return dialect.set().apply(items);
            }
            expect(',');
            items.addAll(sequence('}'));
            return dialect.set().apply(items);
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        Object key = firstKey;
        while (true) {
            expect(':');
            Object value = innerExpression();
            if (key instanceof List<?> || key instanceof Map<?, ?>) {
                throw fail();
            }
            map.put(dialect.key().apply(key), value);
            skipSpace(true);
            if (pos < text.length() && peek() == '}') {
                pos++;
                return map;
            }
            expect(',');
            skipSpace(true);
            if (pos < text.length() && peek() == '}') {
                pos++;
                return map;
            }
            key = innerExpression();
            skipSpace(true);
        }
    }

    private void expect(char c) {
        skipSpace(true);
        if (pos >= text.length() || peek() != c) {
            throw fail();
        }
        pos++;
    }

    private char peek() {
        return text.charAt(pos);
    }

    /** Skips blanks and comments; newlines only inside brackets (or a backslash continuation). */
    private void skipSpace(boolean insideBrackets) {
        while (pos < text.length()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '#') {
                while (pos < text.length() && peek() != '\n') {
                    pos++;
                }
            } else if ((c == '\n' || c == '\r') && (insideBrackets || dialect.newlines() || trailingOnly())) {
                pos++;
            } else {
                return;
            }
        }
    }

    private boolean trailingOnly() {
        return text.substring(pos).isBlank();
    }

    private static boolean isStringPrefix(String word) {
        return switch (word.toLowerCase()) {
            case "r", "u", "b", "br", "rb", "f", "fr", "rf" -> true;
            default -> false;
        };
    }

    /** One or more adjacent string literals; str and bytes cannot be mixed, f-strings are no literals. */
    private Object strings() {
        StringBuilder sb = new StringBuilder();
        Boolean bytes = null;
        while (true) {
            skipSpace(false);
            int start = pos;
            while (pos < text.length() && Character.isLetter(peek())) {
                pos++;
            }
            String prefix = text.substring(start, pos).toLowerCase();
            if (pos >= text.length() || (peek() != '\'' && peek() != '"')) {
                pos = start;
                break;
            }
            if (!prefix.isEmpty() && !isStringPrefix(prefix)) {
                throw fail();
            }
            if (prefix.contains("f")) {
                throw fail();
            }
            boolean isBytes = prefix.contains("b");
            if (isBytes && !dialect.bytes()) {
                throw fail();
            }
            if (bytes != null && bytes != isBytes) {
                throw fail();
            }
            bytes = isBytes;
            sb.append(stringBody(prefix.contains("r")));
        }
        if (bytes == null) {
            throw fail();
        }
        return sb.toString();
    }

    private String stringBody(boolean raw) {
        char quote = peek();
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw fail();
            }
            char c = peek();
            if (triple ? text.startsWith(String.valueOf(quote).repeat(3), pos) : c == quote) {
                pos += triple ? 3 : 1;
                return sb.toString();
            }
            if (!triple && c == '\n') {
                throw fail();
            }
            if (c == '\\') {
                if (pos + 1 >= text.length()) {
                    throw fail();
                }
                char e = text.charAt(pos + 1);
                if (raw) {
                    sb.append(c).append(e);
                    pos += 2;
                    continue;
                }
                pos += 2;
                switch (e) {
                    case '\n' -> { }
                    case '\\' -> sb.append('\\');
                    case '\'' -> sb.append('\'');
                    case '"' -> sb.append('"');
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'v' -> sb.append('\u000b');
                    case 'x' -> sb.appendCodePoint(hex(2));
                    case 'u' -> sb.appendCodePoint(hex(4));
                    case 'U' -> sb.appendCodePoint(hex(8));
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int value = e - '0';
                            for (int k = 0; k < 2 && pos < text.length() && peek() >= '0' && peek() <= '7'; k++) {
                                value = value * 8 + (text.charAt(pos++) - '0');
                            }
                            sb.appendCodePoint(value);
                        } else {
                            sb.append('\\').append(e);
                        }
                    }
                }
                continue;
            }
            sb.append(c);
            pos++;
        }
    }

    private int hex(int digits) {
        if (pos + digits > text.length()) {
            throw fail();
        }
        try {
            int value = Integer.parseUnsignedInt(text.substring(pos, pos + digits), 16);
            pos += digits;
            if (value > 0x10FFFF) {
                throw fail();
            }
            return value;
        } catch (NumberFormatException e) {
            throw fail();
        }
    }

    private Object number() {
        int start = pos;
        if (peek() == '0' && pos + 1 < text.length() && "xXoObB".indexOf(text.charAt(pos + 1)) >= 0) {
            char kind = Character.toLowerCase(text.charAt(pos + 1));
            pos += 2;
            int digitsStart = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
                pos++;
            }
            String digits = text.substring(digitsStart, pos);
            int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
            return parseInteger(digits, radix);
        }
        while (pos < text.length() && (Character.isDigit(peek()) || peek() == '_')) {
            pos++;
        }
        boolean isFloat = false;
        if (pos < text.length() && peek() == '.') {
            isFloat = true;
            pos++;
            while (pos < text.length() && (Character.isDigit(peek()) || peek() == '_')) {
                pos++;
            }
        }
        if (pos < text.length() && (peek() == 'e' || peek() == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (peek() == '+' || peek() == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(peek())) {
                isFloat = true;
                while (pos < text.length() && (Character.isDigit(peek()) || peek() == '_')) {
                    pos++;
                }
            } else {
                pos = save;
                throw fail();
            }
        }
        if (pos < text.length() && (peek() == 'j' || peek() == 'J' || Character.isLetter(peek()) || peek() == '_')) {
            throw fail();
        }
        String literal = text.substring(start, pos);
        if (literal.contains("__") || literal.endsWith("_") || literal.contains("_.") || literal.contains("._")) {
            throw fail();
        }
        String clean = literal.replace("_", "");
        if (isFloat) {
            return Double.parseDouble(clean);
        }
        if (clean.length() > 1 && clean.charAt(0) == '0' && !clean.chars().allMatch(ch -> ch == '0')) {
            throw fail();
        }
        return parseInteger(clean, 10);
    }

    private static Object parseInteger(String digits, int radix) {
        if (digits.isEmpty() || digits.startsWith("_") && radix == 10 || digits.contains("__") || digits.endsWith("_")) {
            throw fail();
        }
        try {
            return narrow(new BigInteger(digits.replace("_", ""), radix));
        } catch (NumberFormatException e) {
            throw fail();
        }
    }

    private static Object narrow(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
}
