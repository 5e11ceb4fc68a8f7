package io.jplay.inventory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code ast.literal_eval} for the values of INI inventories: numbers, strings (with prefixes,
 * escapes and implicit concatenation), True/False/None, lists, tuples, dicts and sets. Anything else is not
 * a literal, and the INI plugin then keeps the text as a string.
 *
 * <p>Results use jplay's value types: Long (BigInteger beyond 64 bits), Double, String, Boolean, null,
 * List for lists/tuples/sets, Map with string keys for dicts (non-string keys are written as JSON would).
 */
public final class PythonLiteral {

    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /**
     * The literal's value, or the text itself when Python would raise ValueError/SyntaxError (which is
     * what the INI plugin's _parse_value keeps).
     */
    public static Object evalOrText(String source) {
        PythonLiteral parser = new PythonLiteral(source.replaceFirst("^[ \\t]+", ""));
        try {
            Object value = parser.expression();
            parser.skipSpace(false);
            return parser.pos == parser.text.length() ? value : source;
        } catch (NotALiteral e) {
            return source;
        }
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
                return new ArrayList<>();
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
            return items;
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
                        return new ArrayList<>();
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
                return items;
            }
            expect(',');
            for (Object o : sequence('}')) {
                if (!items.contains(o)) {
                    items.add(o);
                }
            }
            return items;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        Object key = firstKey;
        while (true) {
            expect(':');
            Object value = innerExpression();
            if (key instanceof List<?> || key instanceof Map<?, ?>) {
                throw fail();
            }
            map.put(keyText(key), value);
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

    private static String keyText(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key instanceof Double d) {
            return io.jplay.python.PythonRepr.floatRepr(d);
        }
        return key.toString();
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
            } else if ((c == '\n' || c == '\r') && (insideBrackets || trailingOnly())) {
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
