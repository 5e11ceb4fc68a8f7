package io.jplay.template.lookup;

import io.jplay.error.JplayException;
import io.jplay.template.filter.Args;
import io.jplay.template.filter.Py;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sequence lookup: {@code [start-]end[/stride][:format]} or {@code start= end= count= stride= format=},
 * numbers in decimal, 0x hex or 0 octal, each item formatted with a printf-style format ("%d").
 */
final class SequenceLookup {

    private static final String NUM = "(0?x?[0-9a-f]+)";
    private static final Pattern SHORTCUT = Pattern.compile("^(" + NUM + "-)?" + NUM + "(/" + NUM + ")?(:(.+))?$",
            Pattern.CASE_INSENSITIVE);

    private SequenceLookup() {
    }

    static List<Object> run(List<Object> terms, Args options) {
        List<Object> results = new ArrayList<>();
        for (Object term : terms) {
            long start = 1;
            Long end = null;
            Long count = null;
            long stride = 1;
            String format = "%d";
            String text = Py.str(term);
            Matcher m = SHORTCUT.matcher(text);
            if (m.matches()) {
                if (m.group(2) != null) {
                    start = parseInt(m.group(2), "start");
                }
                end = parseInt(m.group(3), "end");
                if (m.group(5) != null) {
                    stride = parseInt(m.group(5), "stride");
                }
                if (m.group(7) != null) {
                    format = m.group(7);
                }
            } else {
                Map<String, String> kv = parseKeyValues(text);
                for (String key : List.of("start", "end", "count", "stride")) {
                    String raw = kv.remove(key);
                    if (raw == null) {
                        continue;
                    }
                    long value = parseInt(raw, key);
                    switch (key) {
                        case "start" -> start = value;
                        case "end" -> end = value;
                        case "count" -> count = value;
                        default -> stride = value;
                    }
                }
                if (kv.containsKey("format")) {
                    format = kv.remove("format");
                }
                if (!kv.isEmpty()) {
                    throw new JplayException("unrecognized arguments to with_sequence: " + Py.repr(new ArrayList<>(kv.keySet())));
                }
            }
            if (count == null && end == null) {
                throw new JplayException("must specify count or end in with_sequence");
            } else if (count != null && end != null) {
                throw new JplayException("can't specify both count and end in with_sequence");
            } else if (count != null) {
                if (count != 0) {
                    end = start + count * stride - 1;
                } else {
                    start = 0;
                    end = 0L;
                    stride = 0;
                }
            }
            if (stride > 0 && end < start) {
                throw new JplayException("to count backwards make stride negative");
            }
            if (stride < 0 && end > start) {
                throw new JplayException("to count forward don't make stride negative");
            }
            if (format.chars().filter(c -> c == '%').count() != 1) {
                throw new JplayException("bad formatting string: " + format);
            }
            if (stride == 0) {
                continue;
            }
            long stop = end + (stride >= 0 ? 1 : -1);
            for (long i = start; stride > 0 ? i < stop : i > stop; i += stride) {
                results.add(printf(format, i));
            }
        }
        return results;
    }

    /** Python's int(text, 0): decimal, 0x hex, 0o/0 octal. */
    private static long parseInt(String raw, String name) {
        String text = raw.strip().toLowerCase();
        try {
            if (text.startsWith("0x")) {
                return Long.parseLong(text.substring(2), 16);
            }
            if (text.startsWith("0o")) {
                return Long.parseLong(text.substring(2), 8);
            }
            if (text.length() > 1 && text.startsWith("0")) {
                // Python 3 rejects a leading 0 for base 0 ints
                throw new NumberFormatException();
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new JplayException("can't parse " + name + "=" + raw + " as integer");
        }
    }

    private static Map<String, String> parseKeyValues(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String part : text.strip().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                result.put(part.substring(0, eq), part.substring(eq + 1));
            } else if (!part.isEmpty()) {
                throw new JplayException("unrecognized arguments to with_sequence: ['_raw_params']");
            }
        }
        return result;
    }

    /** Python's {@code format % i} for one integer conversion (d, i, x, X, o, s, f). */
    static String printf(String format, long value) {
        Matcher m = Pattern.compile("%([-+ 0#]*)(\\d*)(\\.\\d+)?([diouxXeEfFgGs])").matcher(format);
        if (!m.find()) {
            throw new JplayException("problem formatting " + value + " with " + Py.stringRepr(format));
        }
        String conversion = m.group(4);
        String javaConversion = switch (conversion) {
            case "i", "u" -> "d";
            case "s" -> "s";
            default -> conversion;
        };
        String flags = m.group(1);
        String spec = "%" + flags + m.group(2) + (m.group(3) == null ? "" : m.group(3)) + javaConversion;
        Object argument = switch (javaConversion) {
            case "e", "E", "f", "F", "g", "G" -> (double) value;
            case "s" -> Long.toString(value);
            default -> value;
        };
        String formatted = String.format(spec.replace("F", "f"), argument);
        return format.substring(0, m.start()) + formatted + format.substring(m.end()).replace("%%", "%");
    }
}
