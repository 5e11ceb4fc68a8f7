package io.jplay.output;

import io.jplay.python.PythonJson;
import io.jplay.python.PythonRepr;
import org.junit.jupiter.api.Test;

import static io.jplay.output.Harness.list;
import static io.jplay.output.Harness.map;
import static org.assertj.core.api.Assertions.assertThat;

/** Expected texts are Python 3.11's json.dumps(..., ensure_ascii=False, sort_keys=True) and repr(). */
class PythonFormatsTest {

    @Test
    void jsonEscapesAndFloats() {
        Object value = map("s", "tab\t nl\n quote\" bs\\ ctl\u0001 del é ✓",
                "n", list(0.1, 1e22, -0.0, 100.0, 1.0000001e-7));
        assertThat(PythonJson.dumps(value, PythonJson.Options.unicode(null, true))).isEqualTo(
                "{\"n\": [0.1, 1e+22, -0.0, 100.0, 1.0000001e-07], \"s\": \"tab\\t nl\\n quote\\\" bs\\\\ ctl\\u0001 del é ✓\"}");
    }

    @Test
    void jsonIndentedWithEmptyContainers() {
        Object value = map("a", list(1e16, 1e-5, 0.0001, 123456789012345678.0, 1.5, Double.POSITIVE_INFINITY),
                "c", list(), "b", map());
        assertThat(PythonJson.dumps(value, PythonJson.Options.unicode(4, true))).isEqualTo("""
                {
                    "a": [
                        1e+16,
                        1e-05,
                        0.0001,
                        1.2345678901234568e+17,
                        1.5,
                        Infinity
                    ],
                    "b": {},
                    "c": []
                }""");
    }

    @Test
    void jsonKeepsInsertionOrderWithoutSortKeys() {
        assertThat(PythonJson.dumps(map("b", 1L, "a", null), PythonJson.Options.unicode(null, false))).isEqualTo("{\"b\": 1, \"a\": null}");
    }

    @Test
    void reprPicksQuotesAsPython() {
        Object value = map("a", "it's", "b", "say \"hi\"", "c", "both ' \"", "d", "\u0000\té\u2028");
        assertThat(PythonRepr.repr(value))
                .isEqualTo("{'a': \"it's\", 'b': 'say \"hi\"', 'c': 'both \\' \"', 'd': '\\x00\\té\\u2028'}");
    }

    @Test
    void strOfScalarsAndNestedValues() {
        assertThat(PythonRepr.str("plain")).isEqualTo("plain");
        assertThat(PythonRepr.str(null)).isEqualTo("None");
        assertThat(PythonRepr.str(list(1L, true, null, 2.0, "x"))).isEqualTo("[1, True, None, 2.0, 'x']");
    }

    @Test
    void unsafeTextIsPlainTextAndVaultShowsOnlyCiphertext() {
        Object value = map("u", new io.jplay.yaml.UnsafeText("{{ raw }}"), "v", new io.jplay.yaml.VaultText("$ANSIBLE_VAULT;1.1;AES256\n6162"));
        assertThat(PythonJson.dumps(value, PythonJson.Options.unicode(null, true)))
                .isEqualTo("{\"u\": \"{{ raw }}\", \"v\": {\"__ansible_vault\": \"$ANSIBLE_VAULT;1.1;AES256\\n6162\"}}");
        assertThat(PythonRepr.str(new io.jplay.yaml.UnsafeText("it's"))).isEqualTo("it's");
        assertThat(PythonRepr.repr(list(new io.jplay.yaml.UnsafeText("it's")))).isEqualTo("[\"it's\"]");
    }

    @Test
    void numericKeysSortByValueAndPrintAsText() {
        java.util.Map<Object, Object> value = new java.util.LinkedHashMap<>();
        value.put(10L, "a");
        value.put(9L, "b");
        value.put(1.5, "c");
        // Python: json.dumps({10: 'a', 9: 'b', 1.5: 'c'}, sort_keys=True)
        assertThat(PythonJson.dumps(value, PythonJson.Options.unicode(null, true))).isEqualTo("{\"1.5\": \"c\", \"9\": \"b\", \"10\": \"a\"}");
    }
}
