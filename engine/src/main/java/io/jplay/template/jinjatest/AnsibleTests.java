package io.jplay.template.jinjatest;

import io.jplay.error.JplayException;
import io.jplay.template.filter.IpNetwork;
import io.jplay.template.filter.NetworkFilters;
import io.jplay.template.filter.Py;
import io.jplay.template.filter.PyRegex;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Jinja2's and Ansible's tests: types (defined, none, string, number, mapping, sequence, iterable, boolean,
 * integer, float), comparisons (equalto/eq/==, ne, lt, gt, in, divisibleby, even, odd), text (lower, upper,
 * match, search, regex), task results (succeeded, failed, changed, skipped, reachable...), versions, sets
 * (subset, superset, contains, any, all), truthy/falsy, controller files, and IP addresses.
 */
public final class AnsibleTests {

    private AnsibleTests() {
    }

    public static List<AnsibleTest> tests() {
        List<AnsibleTest> tests = new ArrayList<>();
        // definedness: Jinjava resolves an undefined name to null
        tests.add(new AnsibleTest("defined", 0, (v, a) -> !Py.isUndefined(v)));
        tests.add(new AnsibleTest("undefined", 0, (v, a) -> Py.isUndefined(v)));
        tests.add(new AnsibleTest("none", 0, (v, a) -> v == null));
        tests.add(new AnsibleTest("string", 0, (v, a) -> v instanceof CharSequence));
        tests.add(new AnsibleTest("number", 0, (v, a) -> v instanceof Number));
        tests.add(new AnsibleTest("integer", 0, (v, a) -> v instanceof Number n && Py.isIntegral(n)));
        tests.add(new AnsibleTest("float", 0, (v, a) -> v instanceof Double || v instanceof Float));
        tests.add(new AnsibleTest("boolean", 0, (v, a) -> v instanceof Boolean));
        tests.add(new AnsibleTest("true", 0, (v, a) -> Boolean.TRUE.equals(v)));
        tests.add(new AnsibleTest("false", 0, (v, a) -> Boolean.FALSE.equals(v)));
        tests.add(new AnsibleTest("mapping", 0, (v, a) -> v instanceof Map));
        tests.add(new AnsibleTest("sequence", 0, (v, a) -> v instanceof CharSequence || v instanceof List || v instanceof Map));
        tests.add(new AnsibleTest("iterable", 0, (v, a) -> Py.isIterable(v)));
        tests.add(new AnsibleTest("callable", 0, (v, a) -> false));
        tests.add(new AnsibleTest("sameas", 1, (v, a) -> v == a.get(0) || (v instanceof Boolean && v.equals(a.get(0)))));
        tests.add(new AnsibleTest("escaped", 0, (v, a) -> v instanceof com.hubspot.jinjava.objects.SafeString));
        for (String name : List.of("equalto", "eq", "==")) {
            tests.add(new AnsibleTest(name, 1, (v, a) -> Py.equal(v, a.get(0))));
        }
        for (String name : List.of("ne", "!=")) {
            tests.add(new AnsibleTest(name, 1, (v, a) -> !Py.equal(v, a.get(0))));
        }
        for (String name : List.of("lt", "lessthan", "<")) {
            tests.add(new AnsibleTest(name, 1, (v, a) -> Py.compare(v, a.get(0)) < 0));
        }
        for (String name : List.of("le", "<=")) {
            tests.add(new AnsibleTest(name, 1, (v, a) -> Py.compare(v, a.get(0)) <= 0));
        }
        for (String name : List.of("gt", "greaterthan", ">")) {
            tests.add(new AnsibleTest(name, 1, (v, a) -> Py.compare(v, a.get(0)) > 0));
        }
        for (String name : List.of("ge", ">=")) {
            tests.add(new AnsibleTest(name, 1, (v, a) -> Py.compare(v, a.get(0)) >= 0));
        }
        tests.add(new AnsibleTest("in", 1, (v, a) -> contains(a.get(0), v)));
        tests.add(new AnsibleTest("contains", 1, (v, a) -> contains(v, a.get(0))));
        tests.add(new AnsibleTest("divisibleby", 1, (v, a) -> divisible(v, a.get(0))));
        tests.add(new AnsibleTest("even", 0, (v, a) -> integer(v, "even") % 2 == 0));
        tests.add(new AnsibleTest("odd", 0, (v, a) -> integer(v, "odd") % 2 != 0));
        tests.add(new AnsibleTest("lower", 0, (v, a) -> Py.str(v).equals(Py.str(v).toLowerCase(Locale.ROOT))));
        tests.add(new AnsibleTest("upper", 0, (v, a) -> Py.str(v).equals(Py.str(v).toUpperCase(Locale.ROOT))));
        tests.add(new AnsibleTest("match", 3, (v, a) -> regex(v, a, true)));
        tests.add(new AnsibleTest("search", 3, (v, a) -> regex(v, a, false)));
        tests.add(new AnsibleTest("regex", 4, (v, a) -> regex(v, a, "match".equals(a.get(3, "match_type", "search")))));
        tests.add(new AnsibleTest("truthy", 1, (v, a) -> truthy(v, a)));
        tests.add(new AnsibleTest("falsy", 1, (v, a) -> !truthy(v, a)));
        tests.add(new AnsibleTest("any", 0, (v, a) -> Py.iterate(v).stream().anyMatch(Py::truthy)));
        tests.add(new AnsibleTest("all", 0, (v, a) -> Py.iterate(v).stream().allMatch(Py::truthy)));
        for (String name : List.of("version", "version_compare")) {
            tests.add(new AnsibleTest(name, 4, (v, a) -> VersionCompare.compare(v, a.get(0, "version", null),
                    a.string(1, "operator", "eq"), a.get(2, "strict", null), a.get(3, "version_type", null))));
        }
        addResultTests(tests);
        addSetTests(tests);
        addFileTests(tests);
        addNetworkTests(tests);
        List<AnsibleTest> aliases = new ArrayList<>();
        for (AnsibleTest test : tests) {
            if (!test.getName().contains(".") && Character.isLetter(test.getName().charAt(0))) {
                aliases.add(test.alias("ansible.builtin." + test.getName()));
            }
        }
        tests.addAll(aliases);
        return tests;
    }

    private static void addResultTests(List<AnsibleTest> tests) {
        for (String name : List.of("failed", "failure")) {
            tests.add(new AnsibleTest(name, 0, (v, a) -> Py.truthy(field(result(v, "failed"), "failed"))));
        }
        for (String name : List.of("succeeded", "success", "successful")) {
            tests.add(new AnsibleTest(name, 0, (v, a) -> !Py.truthy(field(result(v, "failed"), "failed"))));
        }
        tests.add(new AnsibleTest("unreachable", 0, (v, a) -> Py.truthy(field(result(v, "unreachable"), "unreachable"))));
        tests.add(new AnsibleTest("reachable", 0, (v, a) -> !Py.truthy(field(result(v, "unreachable"), "unreachable"))));
        for (String name : List.of("changed", "change")) {
            tests.add(new AnsibleTest(name, 0, (v, a) -> changed(result(v, "changed"))));
        }
        for (String name : List.of("skipped", "skip")) {
            tests.add(new AnsibleTest(name, 0, (v, a) -> Py.truthy(field(result(v, "skipped"), "skipped"))));
        }
        tests.add(new AnsibleTest("finished", 0, (v, a) -> {
            Map<?, ?> r = result(v, "finished");
            return !r.containsKey("finished") || Py.equal(r.get("finished"), 1L);
        }));
        tests.add(new AnsibleTest("started", 0, (v, a) -> {
            Map<?, ?> r = result(v, "started");
            return !r.containsKey("started") || Py.equal(r.get("started"), 1L);
        }));
    }

    private static void addSetTests(List<AnsibleTest> tests) {
        for (String name : List.of("subset", "issubset")) {
            tests.add(new AnsibleTest(name, 1, (v, a) -> isSubset(Py.iterate(v), Py.iterate(a.get(0)))));
        }
        for (String name : List.of("superset", "issuperset")) {
            tests.add(new AnsibleTest(name, 1, (v, a) -> isSubset(Py.iterate(a.get(0)), Py.iterate(v))));
        }
        for (String name : List.of("nan", "isnan")) {
            tests.add(new AnsibleTest(name, 0, (v, a) -> v instanceof Double d && d.isNaN()));
        }
    }

    private static void addFileTests(List<AnsibleTest> tests) {
        for (String name : List.of("directory", "is_dir")) {
            tests.add(new AnsibleTest(name, 0, (v, a) -> Files.isDirectory(path(v))));
        }
        for (String name : List.of("file", "is_file")) {
            tests.add(new AnsibleTest(name, 0, (v, a) -> Files.isRegularFile(path(v))));
        }
        for (String name : List.of("link", "is_link")) {
            tests.add(new AnsibleTest(name, 0, (v, a) -> Files.isSymbolicLink(path(v))));
        }
        tests.add(new AnsibleTest("exists", 0, (v, a) -> Files.exists(path(v))));
        tests.add(new AnsibleTest("link_exists", 0, (v, a) -> Files.exists(path(v), LinkOption.NOFOLLOW_LINKS)));
        for (String name : List.of("abs", "is_abs")) {
            tests.add(new AnsibleTest(name, 0, (v, a) -> Py.str(v).startsWith("/")));
        }
        for (String name : List.of("same_file", "is_same_file")) {
            tests.add(new AnsibleTest(name, 1, (v, a) -> {
                try {
                    return Files.isSameFile(path(v), path(a.get(0)));
                } catch (java.io.IOException e) {
                    return false;
                }
            }));
        }
    }

    private static void addNetworkTests(List<AnsibleTest> tests) {
        for (String prefix : List.of("", "ansible.utils.")) {
            tests.add(new AnsibleTest(prefix + "ip", 0, (v, a) -> v instanceof CharSequence s && IpNetwork.parse(s.toString()) != null));
            tests.add(new AnsibleTest(prefix + "ip_address", 0, (v, a) ->
                    v instanceof CharSequence s && !s.toString().contains("/") && IpNetwork.parse(s.toString()) != null));
            tests.add(new AnsibleTest(prefix + "ipv4", 0, (v, a) -> version(v) == 4));
            tests.add(new AnsibleTest(prefix + "ipv6", 0, (v, a) -> version(v) == 6));
            tests.add(new AnsibleTest(prefix + "ipv4_address", 0, (v, a) -> version(v) == 4 && !Py.str(v).contains("/")));
            tests.add(new AnsibleTest(prefix + "ipv6_address", 0, (v, a) -> version(v) == 6 && !Py.str(v).contains("/")));
            tests.add(new AnsibleTest(prefix + "in_network", 1, (v, a) -> {
                IpNetwork address = v instanceof CharSequence s ? IpNetwork.parse(s.toString()) : null;
                IpNetwork network = IpNetwork.parse(Py.str(a.get(0)));
                return address != null && network != null && network.contains(address.withPrefix());
            }));
        }
        tests.add(new AnsibleTest("ipaddr", 0, (v, a) -> Py.truthy(NetworkFilters.ipaddr(v, "", 0, "ipaddr"))));
    }

    private static int version(Object value) {
        IpNetwork ip = value instanceof CharSequence s ? IpNetwork.parse(s.toString()) : null;
        return ip == null ? 0 : ip.version();
    }

    private static Path path(Object value) {
        return Paths.get(Py.str(value));
    }

    private static Object field(Map<?, ?> result, String key) {
        return result.get(key);
    }

    private static Map<?, ?> result(Object value, String test) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new JplayException("The '" + test + "' test expects a dictionary");
    }

    /** Ansible's changed test: 'changed', else any changed item of 'results'. */
    private static boolean changed(Map<?, ?> result) {
        if (result.containsKey("changed")) {
            return Py.truthy(result.get("changed"));
        }
        if (result.get("results") instanceof List<?> results && !results.isEmpty() && results.get(0) instanceof Map) {
            for (Object item : results) {
                if (item instanceof Map<?, ?> m && Py.truthy(m.get("changed"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Python's {@code needle in container}: substring, dict key, or list member. */
    public static boolean contains(Object container, Object needle) {
        container = Py.plain(container);
        if (container instanceof CharSequence s) {
            if (!(needle instanceof CharSequence)) {
                throw new JplayException("'in <string>' requires string as left operand, not " + Py.typeName(needle));
            }
            return s.toString().contains(needle.toString());
        }
        if (container instanceof Map<?, ?> map) {
            return map.keySet().stream().anyMatch(k -> Py.equal(k, needle));
        }
        if (container == null) {
            throw new JplayException("argument of type 'NoneType' is not iterable");
        }
        return Py.iterate(container).stream().anyMatch(item -> Py.equal(item, needle));
    }

    private static boolean isSubset(List<Object> small, List<Object> big) {
        return small.stream().allMatch(item -> big.stream().anyMatch(other -> Py.equal(item, other)));
    }

    private static boolean divisible(Object value, Object divisor) {
        if (value instanceof Number x && divisor instanceof Number y) {
            if (Py.isIntegral(x) && Py.isIntegral(y)) {
                return x.longValue() % y.longValue() == 0;
            }
            return x.doubleValue() % y.doubleValue() == 0;
        }
        throw new JplayException("unsupported operand type(s) for %: '" + Py.typeName(value) + "' and '" + Py.typeName(divisor) + "'");
    }

    private static long integer(Object value, String test) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new JplayException("unsupported operand type(s) for %: '" + Py.typeName(value) + "' and 'int'");
    }

    private static boolean regex(Object value, io.jplay.template.filter.Args args, boolean match) {
        PyRegex regex = PyRegex.compile(args.string(0, "pattern", ""), args.bool(1, "ignorecase", false),
                args.bool(2, "multiline", false));
        java.util.regex.Matcher matcher = regex.matcher(value == null ? "" : Py.str(value));
        return match ? matcher.lookingAt() : matcher.find();
    }

    private static boolean truthy(Object value, io.jplay.template.filter.Args args) {
        if (args.bool(0, "convert_bool", false)) {
            Object converted = booleanOrNull(value);
            if (converted != null) {
                return (Boolean) converted;
            }
        }
        return Py.truthy(value);
    }

    /** Ansible's module_utils boolean(): true/false spellings, else null (TypeError in Python). */
    private static Boolean booleanOrNull(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = Py.str(value).toLowerCase(Locale.ROOT).strip();
        if (List.of("y", "yes", "on", "1", "true", "t", "1.0").contains(text)) {
            return true;
        }
        if (List.of("n", "no", "off", "0", "false", "f", "0.0", "").contains(text)) {
            return false;
        }
        return null;
    }
}
