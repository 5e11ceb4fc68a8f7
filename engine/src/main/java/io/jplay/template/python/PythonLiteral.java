package io.jplay.template.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code ast.literal_eval} as Ansible's {@code ansible_eval_concat} uses it (with its Json2Python
 * pass, so {@code true}/{@code false}/{@code null} are accepted too): strings, numbers, lists, tuples,
 * dicts, sets, True/False/None. Anything else is "not a literal" and the text stays a string.
 */
public final class PythonLiteral {

    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /**
     * The literal's value, or {@code fallback} when the text is not exactly one Python literal
     * (so a literal {@code None} and "not a literal" stay distinct).
     */
    public static Object parseOr(String text, Object fallback) {
        PythonLiteral parser = new PythonLiteral(text);
        try {
            parser.skipSpace();
            Object value = parser.value();
            parser.skipSpace();
            return parser.pos == text.length() ? value : fallback;
        } catch (NotALiteral | IndexOutOfBoundsException | NumberFormatException e) {
            return fallback;
        }
    }

    private static final class NotALiteral extends RuntimeException {
        NotALiteral() {
            super(null, null, false, false);
        }
    }

    private Object value() {
        Object first = unary();
        // implicit concatenation of adjacent string literals: 'a' 'b'
        if (first instanceof String s) {
            StringBuilder joined = null;
            while (true) {
                int save = pos;
                skipSpace();
                if (pos < text.length() && isStringStart()) {
                    if (joined == null) {
                        joined = new StringBuilder(s);
                    }
                    joined.append(string());
                } else {
                    pos = save;
                    break;
                }
            }
            return joined == null ? s : joined.toString();
        }
        return first;
    }

    private Object unary() {
        skipSpace();
        char c = peek();
        if (c == '-' || c == '+') {
            pos++;
            Object operand = unary();
            if (operand instanceof Long l) {
                return c == '-' ? -l : l;
            }
            if (operand instanceof BigInteger b) {
                return c == '-' ? b.negate() : b;
            }
            if (operand instanceof Double d) {
                return c == '-' ? -d : d;
            }
            throw new NotALiteral();
        }
        return atom();
    }

    private Object atom() {
        skipSpace();
        char c = peek();
        if (c == '[') {
            pos++;
            return new ArrayList<>(sequence(']'));
        }
        if (c == '(') {
            pos++;
            int save = pos;
            skipSpace();
            if (peek() == ')') {
                pos++;
                return new PythonTuple(List.of());
            }
            pos = save;
            Object first = value();
            skipSpace();
            if (peek() == ')') {
                pos++;
                return first; // parenthesised value, not a tuple
            }
            expect(',');
            List<Object> items = new ArrayList<>();
            items.add(first);
            items.addAll(sequence(')'));
            return new PythonTuple(items);
        }
        if (c == '{') {
            pos++;
            return dictOrSet();
        }
        if (isStringStart()) {
            return string();
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            switch (name) {
                case "True", "true":
                    return Boolean.TRUE;
                case "False", "false":
                    return Boolean.FALSE;
                case "None", "null":
                    return null;
                default:
                    throw new NotALiteral();
            }
        }
        throw new NotALiteral();
    }

    private List<Object> sequence(char close) {
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek() == close) {
                pos++;
                return items;
            }
            items.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(close);
                return items;
            }
        }
    }

    private Object dictOrSet() {
        skipSpace();
        if (peek() == '}') {
            pos++;
            return new LinkedHashMap<String, Object>();
        }
        Object firstKey = value();
        skipSpace();
        if (peek() != ':') {
            List<Object> items = new ArrayList<>();
            items.add(firstKey);
            if (peek() == ',') {
                pos++;
                items.addAll(sequence('}'));
            } else {
                expect('}');
            }
            return new java.util.LinkedHashSet<>(items);
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        Object key = firstKey;
        while (true) {
            expect(':');
            Object value = value();
            map.put(key, value);
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    return map;
                }
                key = value();
                skipSpace();
            } else {
                expect('}');
                return map;
            }
        }
    }

    private boolean isStringStart() {
        char c = peek();
        if (c == '\'' || c == '"') {
            return true;
        }
        // prefixes r, u, b (and rb/br): accepted for r and u; bytes are not a str literal here
        if ((c == 'r' || c == 'R' || c == 'u' || c == 'U') && pos + 1 < text.length()) {
            char n = text.charAt(pos + 1);
            return n == '\'' || n == '"';
        }
        return false;
    }

    private String string() {
        boolean raw = false;
        char c = peek();
        if (c == 'r' || c == 'R') {
            raw = true;
            pos++;
        } else if (c == 'u' || c == 'U') {
            pos++;
        }
        char quote = text.charAt(pos);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        StringBuilder out = new StringBuilder();
        while (true) {
            char ch = text.charAt(pos);
            if (ch == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                return out.toString();
            }
            if (ch == '\n' && !triple) {
                throw new NotALiteral();
            }
            if (ch == '\\') {
                if (raw) {
                    out.append(ch).append(text.charAt(pos + 1));
                    pos += 2;
                    continue;
                }
                pos = PythonEscapes.decodeEscape(text, pos, out);
                continue;
            }
            out.append(ch);
            pos++;
        }
    }

    private Object number() {
        int start = pos;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            pos += 2;
            while (pos < text.length() && (Character.digit(text.charAt(pos), 16) >= 0 || text.charAt(pos) == '_')) {
                pos++;
            }
            return integer(new BigInteger(text.substring(start + 2, pos).replace("_", ""), 16));
        }
        if (text.startsWith("0o", pos) || text.startsWith("0O", pos)) {
            pos += 2;
            while (pos < text.length() && (Character.digit(text.charAt(pos), 8) >= 0 || text.charAt(pos) == '_')) {
                pos++;
            }
            return integer(new BigInteger(text.substring(start + 2, pos).replace("_", ""), 8));
        }
        boolean isFloat = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isDigit(c) || c == '_') {
                pos++;
            } else if (c == '.') {
                isFloat = true;
                pos++;
            } else if ((c == 'e' || c == 'E')) {
                isFloat = true;
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
            } else {
                break;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'j' || text.charAt(pos) == 'J')) {
            throw new NotALiteral(); // complex numbers have no JSON/YAML form
        }
        String digits = text.substring(start, pos).replace("_", "");
        if (isFloat) {
            return Double.parseDouble(digits);
        }
        if (digits.length() > 1 && digits.startsWith("0") && !digits.matches("0+")) {
            throw new NotALiteral(); // Python 3 rejects 0755
        }
        return integer(new BigInteger(digits));
    }

    private static Object integer(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw new NotALiteral();
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos += 2; // explicit line joining
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }
}
