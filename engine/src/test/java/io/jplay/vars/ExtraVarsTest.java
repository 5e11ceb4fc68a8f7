package io.jplay.vars;

import io.jplay.error.JplayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** -e options; expected values as ansible-playbook 2.14.18 printed them for the same options. */
class ExtraVarsTest {

    @TempDir
    Path dir;

    @Test
    void keyValueWordsAreStringsWithQuotesAndEscapesHandled() {
        Map<String, Object> vars = ExtraVars.parse(List.of("a=1 b=\"two words\" c=yes d=x=y e=\\u00e9\\n"), dir);
        assertThat(vars).containsEntry("a", "1").containsEntry("b", "two words").containsEntry("c", "yes")
                .containsEntry("d", "x=y").containsEntry("e", "é");
    }

    @Test
    void wordsWithoutEqualsBecomeRawParams() {
        assertThat(ExtraVars.parse(List.of("free"), dir)).containsExactly(Map.entry("_raw_params", "free"));
        // YAML is only recognised from a leading { or [
        assertThat(ExtraVars.parse(List.of("y: x"), dir)).containsExactly(Map.entry("_raw_params", "y: x"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void filesAndInlineDocumentsKeepTheirTypesAndLaterOptionsWin() throws Exception {
        Files.writeString(dir.resolve("f.yml"), "from_file: yes\nnum: 010\nlist: [1, 2.5, null]\n");
        Files.writeString(dir.resolve("f.json"), "{\"json_file\": {\"a\": 1}}");
        Map<String, Object> vars = ExtraVars.parse(List.of("a=first", "@f.yml", "@f.json",
                "{\"j\": [1, {\"k\": true}]}", "{\"t\": 1, t2: yes}", "a=override"), dir);
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("k", true);
        assertThat(vars.get("a")).isEqualTo("override");
        assertThat(vars.get("from_file")).isEqualTo(true);
        assertThat(((Number) vars.get("num")).longValue()).isEqualTo(8L);
        assertThat((List<Object>) vars.get("list")).containsExactly(1, 2.5, null);
        assertThat(vars.get("json_file")).isEqualTo(Map.of("a", 1));
        assertThat(vars.get("j")).isEqualTo(List.of(1, k));
        assertThat(vars.get("t")).isEqualTo(1);
        assertThat(vars.get("t2")).isEqualTo(true);
        assertThat(List.copyOf(vars.keySet())).containsExactly("a", "from_file", "num", "list", "json_file", "j",
                "t", "t2");
    }

    @Test
    void errorsReadAsAnsibles() throws Exception {
        // exit codes as ansible-playbook's: 5 for option errors, 4 for parser errors, 1 for a missing file
        assertThatThrownBy(() -> ExtraVars.parse(List.of("[1,2]"), dir)).isInstanceOf(JplayException.class)
                .hasMessage("Invalid extra vars data supplied. '[1,2]' could not be made into a dictionary")
                .extracting(e -> ((JplayException) e).exitCode()).isEqualTo(5);
        assertThatThrownBy(() -> ExtraVars.parse(List.of("./f.yml"), dir))
                .hasMessage("Please prepend extra_vars filename './f.yml' with '@'")
                .extracting(e -> ((JplayException) e).exitCode()).isEqualTo(5);
        Files.writeString(dir.resolve("empty.yml"), "");
        assertThatThrownBy(() -> ExtraVars.parse(List.of("@empty.yml"), dir))
                .hasMessage("Invalid extra vars data supplied. '@" + dir.resolve("empty.yml")
                        + "' could not be made into a dictionary");
        assertThatThrownBy(() -> ExtraVars.parse(List.of("a=\"unbalanced"), dir))
                .hasMessage("failed at splitting arguments, either an unbalanced jinja2 block or quotes: a=\"unbalanced")
                .extracting(e -> ((JplayException) e).exitCode()).isEqualTo(4);
        assertThatThrownBy(() -> ExtraVars.parse(List.of("@missing.yml"), dir))
                .isInstanceOf(JplayException.class).hasMessageContaining("missing.yml")
                .extracting(e -> ((JplayException) e).exitCode()).isEqualTo(1);
    }

    @Test
    void aBrokenFileIsReportedWithItsLine() throws Exception {
        Files.writeString(dir.resolve("bad.yml"), "a: 1\nb: [unclosed\n");
        assertThatThrownBy(() -> ExtraVars.parse(List.of("@bad.yml"), dir))
                .isInstanceOfSatisfying(JplayException.class, e -> {
                    assertThat(e.location().file()).endsWith("bad.yml");
                    assertThat(e.location().line()).isGreaterThan(1);
                });
    }
}
