package io.jplay.conformance;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTextTest {

    @Test
    void keyOrderAndLayoutDoNotMatter() {
        assertThat(JsonText.parse("{\"b\": [1, 2.5, true, null], \"a\": \"\\u00e9\\/\"}"))
                .isEqualTo(JsonText.parse("{\n    \"a\": \"é/\",\n    \"b\": [\n        1,\n        2.5,\n        true,\n        null\n    ]\n}"));
    }

    @Test
    void integersAndFloatsStayDistinct() {
        assertThat(JsonText.parse("1")).isEqualTo(BigInteger.ONE).isNotEqualTo(JsonText.parse("1.0"));
        assertThat(JsonText.parse("[true]")).isNotEqualTo(JsonText.parse("[1]"));
    }

    @Test
    void canonicalIsToNiceJson() {
        // python3 -c 'import json; print(json.dumps({"z": {}, "a": [1, "x\n", []], "m": {"k": None}},
        //     indent=4, sort_keys=True, ensure_ascii=False))'
        Object value = JsonText.parse("{\"z\": {}, \"a\": [1, \"x\\n\", []], \"m\": {\"k\": null}, \"u\": \"ü\"}");
        assertThat(JsonText.canonical(value)).isEqualTo("""
                {
                    "a": [
                        1,
                        "x\\n",
                        []
                    ],
                    "m": {
                        "k": null
                    },
                    "u": "ü",
                    "z": {}
                }""");
    }

    @Test
    void duplicateKeysLastWinsAsInPython() {
        assertThat(JsonText.parse("{\"a\": 1, \"a\": 2}")).isEqualTo(Map.of("a", BigInteger.TWO));
        assertThat(JsonText.parse("[\"a\", -0.5e1]")).isEqualTo(List.of("a", -5.0));
    }

    @Test
    void rejectsWhatIsNotJson() {
        assertThatThrownBy(() -> JsonText.parse("{\"a\": 1,}")).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> JsonText.parse("{\"a\": 1} x")).hasMessageContaining("extra data");
        assertThatThrownBy(() -> JsonText.parse("")).hasMessageContaining("invalid JSON");
        assertThatThrownBy(() -> JsonText.parse("[1")).hasMessageContaining("invalid JSON");
    }
}
