package io.jplay.template.jinjatest;

import io.jplay.error.JplayException;
import io.jplay.template.filter.Py;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ansible's version test: LooseVersion, StrictVersion or SemanticVersion ordering and its operators. */
public final class VersionCompare {

    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("==", "eq"), Map.entry("=", "eq"), Map.entry("eq", "eq"),
            Map.entry("<", "lt"), Map.entry("lt", "lt"), Map.entry("<=", "le"), Map.entry("le", "le"),
            Map.entry(">", "gt"), Map.entry("gt", "gt"), Map.entry(">=", "ge"), Map.entry("ge", "ge"),
            Map.entry("!=", "ne"), Map.entry("<>", "ne"), Map.entry("ne", "ne"));

    private static final Pattern LOOSE_COMPONENT = Pattern.compile("(\\d+|[a-z]+|\\.)");
    private static final Pattern STRICT = Pattern.compile("^(\\d+)\\.(\\d+)(\\.(\\d+))?([ab](\\d+))?$");
    private static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$");

    private VersionCompare() {
    }

    public static boolean compare(Object value, Object version, String operator, Object strict, Object versionType) {
        if (strict != null && versionType != null) {
            throw new JplayException("Cannot specify both 'strict' and 'version_type'");
        }
        if (!Py.truthy(value)) {
            throw new JplayException("Input version value cannot be empty");
        }
        if (!Py.truthy(version)) {
            throw new JplayException("Version parameter to compare against cannot be empty");
        }
        String type = "loose";
        if (Py.truthy(strict)) {
            type = "strict";
        } else if (versionType != null) {
            type = Py.str(versionType);
            if (!List.of("loose", "strict", "semver", "semantic").contains(type)) {
                throw new JplayException("Invalid version type (" + type
                        + "). Must be one of 'loose', 'strict', 'semver', 'semantic', 'pep440'");
            }
        }
        String op = OPERATORS.get(operator);
        if (op == null) {
            throw new JplayException("Invalid operator type (" + operator + "). Must be one of '==', '=', 'eq', '<', "
                    + "'lt', '<=', 'le', '>', 'gt', '>=', 'ge', '!=', '<>', 'ne'");
        }
        int c;
        try {
            c = switch (type) {
                case "strict" -> compareStrict(Py.str(value), Py.str(version));
                case "semver", "semantic" -> compareSemver(Py.str(value), Py.str(version));
                default -> Py.compare(loose(Py.str(value)), loose(Py.str(version)));
            };
        } catch (JplayException e) {
            throw new JplayException("Version comparison failed: " + e.getMessage());
        }
        return switch (op) {
            case "eq" -> c == 0;
            case "ne" -> c != 0;
            case "lt" -> c < 0;
            case "le" -> c <= 0;
            case "gt" -> c > 0;
            default -> c >= 0;
        };
    }

    /** LooseVersion's components: numbers as Long, letters as strings, dots dropped. */
    static List<Object> loose(String text) {
        List<Object> parts = new ArrayList<>();
        Matcher m = LOOSE_COMPONENT.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(text.substring(last, m.start()));
            }
            last = m.end();
            String part = m.group();
            if (part.equals(".")) {
                continue;
            }
            parts.add(part.matches("\\d+") ? (Object) Long.parseLong(part) : part);
        }
        if (last < text.length()) {
            parts.add(text.substring(last));
        }
        return parts;
    }

    static int compareStrict(String a, String b) {
        long[] x = strict(a);
        long[] y = strict(b);
        for (int i = 0; i < 3; i++) {
            if (x[i] != y[i]) {
                return Long.compare(x[i], y[i]);
            }
        }
        // a release sorts after any of its pre-releases
        if (x[3] == Long.MAX_VALUE || y[3] == Long.MAX_VALUE) {
            return Long.compare(x[3], y[3]);
        }
        if (x[3] != y[3]) {
            return Long.compare(x[3], y[3]);
        }
        return Long.compare(x[4], y[4]);
    }

    private static long[] strict(String text) {
        Matcher m = STRICT.matcher(text);
        if (!m.matches()) {
            throw new JplayException("invalid version number '" + text + "'");
        }
        long patch = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
        long pre = m.group(5) == null ? Long.MAX_VALUE : m.group(5).charAt(0);
        long preNumber = m.group(6) == null ? 0 : Long.parseLong(m.group(6));
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), patch, pre, preNumber};
    }

    static int compareSemver(String a, String b) {
        Matcher x = SEMVER.matcher(a);
        Matcher y = SEMVER.matcher(b);
        if (!x.matches()) {
            throw new JplayException("invalid semantic version '" + a + "'");
        }
        if (!y.matches()) {
            throw new JplayException("invalid semantic version '" + b + "'");
        }
        for (int i = 1; i <= 3; i++) {
            int c = Long.compare(Long.parseLong(x.group(i)), Long.parseLong(y.group(i)));
            if (c != 0) {
                return c;
            }
        }
        String px = x.group(4);
        String py = y.group(4);
        if (px == null || py == null) {
            return px == null ? (py == null ? 0 : 1) : -1;
        }
        String[] ix = px.split("\\.");
        String[] iy = py.split("\\.");
        for (int i = 0; i < Math.min(ix.length, iy.length); i++) {
            boolean nx = ix[i].matches("\\d+");
            boolean ny = iy[i].matches("\\d+");
            int c;
            if (nx && ny) {
                c = Long.compare(Long.parseLong(ix[i]), Long.parseLong(iy[i]));
            } else if (nx || ny) {
                c = nx ? -1 : 1;
            } else {
                c = ix[i].compareTo(iy[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ix.length, iy.length);
    }
}
