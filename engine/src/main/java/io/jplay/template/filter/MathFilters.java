package io.jplay.template.filter;

import io.jplay.error.JplayException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Number filters: abs, round, log, pow, root, human_readable, human_to_bytes. */
public final class MathFilters {

    private MathFilters() {
    }

    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> filters = new ArrayList<>();
        filters.add(AnsibleFilter.of("abs", (value, args) -> abs(value)));
        filters.add(AnsibleFilter.of("round", MathFilters::round));
        filters.add(AnsibleFilter.of("log", (value, args) -> {
            double x = number(value, "log").doubleValue();
            Object base = args.get(0, "base", null);
            if (base == null) {
                return Math.log(x);
            }
            double b = number(base, "log").doubleValue();
            return b == 10 ? Math.log10(x) : Math.log(x) / Math.log(b);
        }));
        filters.add(AnsibleFilter.of("pow", (value, args) ->
                Math.pow(number(value, "pow").doubleValue(), number(args.get(0, "y", null), "pow").doubleValue())));
        filters.add(AnsibleFilter.of("root", (value, args) -> {
            double x = number(value, "root").doubleValue();
            double base = number(args.get(0, "base", 2L), "root").doubleValue();
            if (x < 0) {
                throw new JplayException("root() can only be used on numbers: math domain error");
            }
            return base == 2 ? Math.sqrt(x) : Math.pow(x, 1.0 / base);
        }));
        filters.add(AnsibleFilter.of("human_readable", MathFilters::humanReadable));
        filters.add(AnsibleFilter.of("human_to_bytes", MathFilters::humanToBytes));
        return filters;
    }

    static Number number(Object value, String filter) {
        if (value instanceof Number n) {
            return Py.normalize(n);
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        throw new JplayException(filter + "() can only be used on numbers: must be real number, not " + Py.typeName(value));
    }

    /** Python's a + b for numbers, strings and lists. */
    public static Object add(Object a, Object b) {
        a = Py.plain(a);
        b = Py.plain(b);
        if (a instanceof Boolean x) {
            a = x ? 1L : 0L;
        }
        if (b instanceof Boolean x) {
            b = x ? 1L : 0L;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (Py.isIntegral(x) && Py.isIntegral(y)) {
                return x.longValue() + y.longValue();
            }
            return x.doubleValue() + y.doubleValue();
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) {
            return x.toString() + y;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> sum = new ArrayList<>(x);
            sum.addAll(y);
            return sum;
        }
        throw new JplayException("unsupported operand type(s) for +: '" + Py.typeName(a) + "' and '" + Py.typeName(b) + "'");
    }

    static Object abs(Object value) {
        Number n = number(value, "abs");
        return n instanceof Double d ? (Object) Math.abs(d) : (Object) Math.abs(n.longValue());
    }

    /** Jinja2's round(precision=0, method='common'): Python's round() (exact halves to even), or math.ceil/floor. */
    static Object round(Object value, Args args) {
        if (Py.isIntegral(value) && "common".equals(args.string(1, "method", "common"))) {
            // Python's round() keeps an int an int
            return ((Number) value).longValue();
        }
        double x = number(value, "round").doubleValue();
        int precision = args.integer(0, "precision", 0L).intValue();
        String method = args.string(1, "method", "common");
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        switch (method) {
            case "common" -> {
                return new BigDecimal(x).setScale(precision, RoundingMode.HALF_EVEN).doubleValue();
            }
            case "ceil" -> {
                double scale = Math.pow(10, precision);
                return Math.ceil(x * scale) / scale;
            }
            case "floor" -> {
                double scale = Math.pow(10, precision);
                return Math.floor(x * scale) / scale;
            }
            default -> throw new JplayException("method must be common, ceil or floor");
        }
    }

    private static final String[] SUFFIXES = {"Y", "Z", "E", "P", "T", "G", "M", "K", "B"};

    /** Ansible's bytes_to_human(size, isbits=False, unit=None): '%.2f %s'. */
    static String humanReadable(Object value, Args args) {
        double size = value instanceof CharSequence s ? parseNumber(s.toString()) : number(value, "human_readable").doubleValue();
        boolean isBits = args.bool(0, "isbits", false);
        Object unit = args.get(1, "unit", null);
        String base = isBits ? "bits" : "Bytes";
        String suffix = "B";
        double limit = 1;
        for (int i = 0; i < SUFFIXES.length; i++) {
            suffix = SUFFIXES[i];
            limit = Math.pow(2, (SUFFIXES.length - 1 - i) * 10);
            if ((unit == null && size >= limit)
                    || (unit != null && Py.str(unit).toUpperCase(Locale.ROOT).equals(suffix.substring(0, 1)))) {
                break;
            }
        }
        suffix = limit != 1 ? suffix + base.charAt(0) : base;
        return String.format(Locale.ROOT, "%.2f %s", size / limit, suffix);
    }

    private static double parseNumber(String text) {
        Double d = Py.toDoubleOrNull(text);
        if (d == null) {
            throw new JplayException("human_readable() can't interpret following string: " + text);
        }
        return d;
    }

    private static final Pattern HUMAN = Pattern.compile("^\\s*(\\d*\\.?\\d*)\\s*([A-Za-z]+)?");
    private static final Map<String, Integer> POWERS = Map.of("B", 0, "K", 1, "M", 2, "G", 3, "T", 4, "P", 5, "E", 6,
            "Z", 7, "Y", 8);

    /** Ansible's human_to_bytes(size, default_unit=None, isbits=False). */
    static Object humanToBytes(Object value, Args args) {
        String text = Py.str(value);
        Object defaultUnit = args.get(0, "default_unit", null);
        boolean isBits = args.bool(1, "isbits", false);
        Matcher m = HUMAN.matcher(text);
        if (!m.find() || m.group(1).isEmpty()) {
            throw new JplayException("human_to_bytes() can't interpret following string: " + text);
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            unit = defaultUnit == null ? null : Py.str(defaultUnit);
        }
        if (unit == null) {
            return (long) Math.rint(number);
        }
        Integer power = POWERS.get(unit.substring(0, 1).toUpperCase(Locale.ROOT));
        if (power == null) {
            throw new JplayException("human_to_bytes() can't interpret following string: " + text);
        }
        char unitClass = isBits ? 'b' : 'B';
        String unitClassName = isBits ? "bit" : "byte";
        if (unit.length() > 1 && !unit.toLowerCase(Locale.ROOT).contains(unitClassName) && unit.charAt(1) != unitClass) {
            throw new JplayException("human_to_bytes() can't interpret following string: " + text);
        }
        return (long) Math.rint(number * Math.pow(1024, power));
    }
}
