package io.jplay.template;

import org.junit.jupiter.params.provider.Arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The variables the oracle tables were produced with (the same values as the oracle's Python dict). */
final class OracleVariables {

    private OracleVariables() {
    }

    static Map<String, Object> variables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("x", 5L);
        vars.put("lst", list(3L, 1L, 2L));
        vars.put("text", "Hello World");
        vars.put("blank", "");
        vars.put("users", list(
                map("name", "alice", "age", 30L, "groups", list("wheel", "dev")),
                map("name", "Bob", "age", 25L, "groups", list("dev"))));
        vars.put("d", map("a", 1L, "b", map("c", 2L, "l", list(1L))));
        vars.put("result_ok", map("changed", false, "failed", false));
        vars.put("result_changed", map("changed", true));
        vars.put("result_failed", map("failed", true, "msg", "boom"));
        vars.put("result_skipped", map("skipped", true, "changed", false));
        vars.put("loop_result", map("results", list(map("changed", false), map("changed", true))));
        return vars;
    }

    static LibraryHarness harness() {
        LibraryHarness harness = new LibraryHarness();
        variables().forEach(harness::with);
        return harness;
    }

    static Stream<Arguments> arguments(String[][] cases) {
        return Arrays.stream(cases).map(row -> Arguments.of(row[0], row[1]));
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
