package io.jplay.template.python;

import io.jplay.template.TemplatingException;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's printf-style {@code 'fmt' % args} and {@code str.format()} for template strings. */
public final class PythonFormat {

    private static final Pattern SPEC = Pattern.compile(
            "%(?:\\(([^)]*)\\))?([-+ #0]*)(\\*|\\d+)?(?:\\.(\\d+))?([diouxXeEfFgGcrsa%])");

    private PythonFormat() {
    }

    /** {@code format % args}; args is a tuple/list for several values, a dict for {@code %(name)s}. */
    public static String percent(String format, Object args) {
        List<?> positional = args instanceof List<?> list ? list : List.of(args == null ? "None" : args);
        if (args == null) {
            positional = java.util.Collections.singletonList(null);
        }
        Matcher m = SPEC.matcher(format);
        StringBuilder out = new StringBuilder();
        int next = 0;
        int last = 0;
        while (m.find()) {
            out.append(format, last, m.start());
            last = m.end();
            char conv = m.group(5).charAt(0);
            if (conv == '%') {
                out.append('%');
                continue;
            }
            Object value;
            if (m.group(1) != null) {
                if (!(args instanceof Map<?, ?> map)) {
                    throw new TemplatingException("format requires a mapping");
                }
                value = map.get(m.group(1));
            } else {
                if (next >= positional.size()) {
                    throw new TemplatingException("not enough arguments for format string");
                }
                value = positional.get(next++);
            }
            out.append(convert(value, m.group(2), m.group(3), m.group(4), conv));
        }
        out.append(format.substring(last));
        if (!(args instanceof Map) && next < positional.size() && args instanceof List) {
            throw new TemplatingException("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static String convert(Object value, String flags, String width, String precision, char conv) {
        String body;
        boolean numeric = "diouxXeEfFgG".indexOf(conv) >= 0;
        switch (conv) {
            case 's' -> body = PythonRepr.str(value);
            case 'r', 'a' -> body = PythonRepr.repr(value);
            case 'c' -> body = value instanceof Number n ? String.valueOf((char) n.intValue()) : PythonRepr.str(value);
            case 'd', 'i', 'u' -> body = String.valueOf(toLong(value));
            case 'o' -> body = Long.toOctalString(toLong(value));
            case 'x' -> body = Long.toHexString(toLong(value));
            case 'X' -> body = Long.toHexString(toLong(value)).toUpperCase();
            default -> {
                int p = precision == null ? 6 : Integer.parseInt(precision);
                double d = toDouble(value);
                body = switch (conv) {
                    case 'e', 'E' -> String.format("%." + p + "e", d);
                    case 'g', 'G' -> String.format("%." + Math.max(p, 1) + "g", d);
                    default -> String.format("%." + p + "f", d);
                };
                if (conv == 'E' || conv == 'G') {
                    body = body.toUpperCase();
                }
            }
        }
        if ((conv == 's' || conv == 'r') && precision != null) {
            body = body.substring(0, Math.min(body.length(), Integer.parseInt(precision)));
        }
        if (numeric && flags.contains("+") && !body.startsWith("-")) {
            body = "+" + body;
        } else if (numeric && flags.contains(" ") && !body.startsWith("-")) {
            body = " " + body;
        }
        int w = width == null || width.equals("*") ? 0 : Integer.parseInt(width);
        if (body.length() < w) {
            String pad;
            if (flags.contains("-")) {
                return body + " ".repeat(w - body.length());
            }
            if (numeric && flags.contains("0")) {
                boolean signed = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ");
                pad = "0".repeat(w - body.length());
                return signed ? body.charAt(0) + pad + body.substring(1) : pad + body;
            }
            return " ".repeat(w - body.length()) + body;
        }
        return body;
    }

    private static long toLong(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new TemplatingException("%d format: a number is required, not " + typeName(value));
    }

    private static double toDouble(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new TemplatingException("must be real number, not " + typeName(value));
    }

    private static String typeName(Object value) {
        return io.jplay.python.PythonTypes.name(value);
    }

    private static final Pattern FIELD = Pattern.compile("\\{\\{|}}|\\{([^{}:!]*)(?:![rsa])?(?::([^{}]*))?}");

    /** {@code str.format(*args, **kwargs)} for the common fields: {}, {0}, {name}, {name.attr} not supported. */
    public static String format(String format, List<?> args, Map<String, ?> kwargs) {
        Matcher m = FIELD.matcher(format);
        StringBuilder out = new StringBuilder();
        int auto = 0;
        int last = 0;
        while (m.find()) {
            out.append(format, last, m.start());
            last = m.end();
            String token = m.group();
            if (token.equals("{{")) {
                out.append('{');
                continue;
            }
            if (token.equals("}}")) {
                out.append('}');
                continue;
            }
            String field = m.group(1);
            Object value;
            if (field.isEmpty()) {
                value = args.get(auto++);
            } else if (field.chars().allMatch(Character::isDigit)) {
                value = args.get(Integer.parseInt(field));
            } else {
                value = kwargs.get(field);
            }
            String spec = m.group(2);
            if (spec == null || spec.isEmpty()) {
                out.append(PythonRepr.str(value));
            } else {
                Matcher s = Pattern.compile("([<>^]?)(0?)(\\d*)(?:\\.(\\d+))?([sdfxXoeEgG%]?)").matcher(spec);
                if (!s.matches()) {
                    out.append(PythonRepr.str(value));
                    continue;
                }
                String conv = s.group(5).isEmpty() ? (value instanceof Double ? "g" : value instanceof Number ? "d" : "s") : s.group(5);
                String body = convert(value, s.group(2).isEmpty() ? "" : "0", null, s.group(4), conv.charAt(0));
                int w = s.group(3).isEmpty() ? 0 : Integer.parseInt(s.group(3));
                String align = s.group(1).isEmpty() ? (value instanceof Number ? ">" : "<") : s.group(1);
                if (body.length() < w) {
                    int pad = w - body.length();
                    char fill = s.group(2).isEmpty() ? ' ' : '0';
                    body = switch (align) {
                        case "<" -> body + String.valueOf(fill).repeat(pad);
                        case "^" -> String.valueOf(fill).repeat(pad / 2) + body + String.valueOf(fill).repeat(pad - pad / 2);
                        default -> String.valueOf(fill).repeat(pad) + body;
                    };
                }
                out.append(body);
            }
        }
        out.append(format.substring(last));
        return out.toString();
    }
}
