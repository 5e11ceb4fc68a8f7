package io.jplay.parsing;

import io.jplay.error.JplayException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Expected values recorded from ansible-core 2.14.18's parse_kv / split_args. */
class KeyValueArgsTest {

    @Test
    void quotedValuesAreUnquoted() {
        assertThat(KeyValueArgs.parse("a=1 b='x y' c=\"q\"", false))
                .containsExactly(entry("a", "1"), entry("b", "x y"), entry("c", "q"));
    }

    @Test
    void commandModulesKeepUnknownKeysInTheCommandLine() {
        assertThat(KeyValueArgs.parse("echo hi there chdir=/tmp creates=/x foo=bar", true))
                .containsExactly(entry("chdir", "/tmp"), entry("creates", "/x"),
                        entry("_raw_params", "echo hi there foo=bar"));
    }

    @Test
    void jinjaExpressionsWithSpacesStayWhole() {
        assertThat(KeyValueArgs.parse("msg='{{ a | default(\"x y\") }}' var=1", false))
                .containsExactly(entry("msg", "{{ a | default(\"x y\") }}"), entry("var", "1"));
        assertThat(KeyValueArgs.parse("k={{ x }} y={% if a %}1{% endif %}", false))
                .containsExactly(entry("k", "{{ x }}"), entry("y", "{% if a %}1{% endif %}"));
    }

    @Test
    void escapedEqualsAndEscapes() {
        assertThat(KeyValueArgs.parse("a=b\\=c d\\=e", false))
                .containsExactly(entry("a", "b\\=c"), entry("_raw_params", "d=e"));
        assertThat(KeyValueArgs.parse("x=\"line\\nnext\"", false)).containsExactly(entry("x", "line\nnext"));
    }

    @Test
    void spacingInsideQuotesAndNewlinesSurvive() {
        assertThat(KeyValueArgs.parse("echo 'a  b'   c", true)).containsExactly(entry("_raw_params", "echo 'a  b'   c"));
        assertThat(ArgSplitter.split("echo 'a  b'   c")).containsExactly("echo", "'a  b'  ", "c");
        assertThat(KeyValueArgs.parse("cmd\nsecond line", true)).containsExactly(entry("_raw_params", "cmd\nsecond line"));
        assertThat(ArgSplitter.split("cmd\nsecond line")).isEqualTo(List.of("cmd\n", "second", "line"));
    }

    @Test
    void unbalancedQuotesAreAnError() {
        assertThatThrownBy(() -> KeyValueArgs.parse("a='x", false))
                .isInstanceOf(JplayException.class)
                .hasMessageContaining("unbalanced jinja2 block or quotes");
        Map<String, Object> none = KeyValueArgs.parse(null, false);
        assertThat(none).isEmpty();
    }
}
