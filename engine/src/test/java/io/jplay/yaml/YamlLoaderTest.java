package io.jplay.yaml;

import io.jplay.error.JplayException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlLoaderTest {

    @Test
    void readsYaml11ScalarsAsPyYamlDoes() {
        Object doc = YamlLoader.load("a: yes\nb: off\nc: 0755\nd: 1.5\ne: ~\nf: '0755'\ng: 10\n", null);
        @SuppressWarnings("unchecked") Map<String, Object> map = (Map<String, Object>) doc;
        assertThat(map).containsEntry("a", true).containsEntry("b", false)
                .containsEntry("c", 493).containsEntry("d", 1.5).containsEntry("e", null)
                .containsEntry("f", "0755").containsEntry("g", 10);
    }

    @Test
    void mappingsRememberFileAndLine() {
        Object doc = YamlLoader.load("- name: one\n  debug: {}\n- name: two\n  debug: {}\n", Path.of("play.yml"));
        YamlMap second = (YamlMap) ((List<?>) doc).get(1);
        assertThat(second.location().file()).isEqualTo("play.yml");
        assertThat(second.location().line()).isEqualTo(3);
        assertThat(second.locationOf("debug").line()).isEqualTo(4);
        assertThat(second.locationOf("debug").column()).isEqualTo(3);
    }

    @Test
    void ansibleTagsAreKeptApart() {
        Map<?, ?> doc = (Map<?, ?>) YamlLoader.load("a: !unsafe '{{ x }}'\nb: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3031\n", null);
        assertThat(doc.get("a")).isEqualTo(new UnsafeText("{{ x }}"));
        assertThat(doc.get("b")).isInstanceOf(VaultText.class);
        assertThat(doc.get("b").toString()).doesNotContain("3031");
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() {
        assertThatThrownBy(() -> YamlLoader.load("a: 1\nb: [1, 2\nc: 3\n", Path.of("vars.yml")))
                .isInstanceOf(JplayException.class)
                .hasMessageStartingWith("Syntax Error while loading YAML.")
                .satisfies(e -> {
                    JplayException j = (JplayException) e;
                    assertThat(j.location().file()).isEqualTo("vars.yml");
                    assertThat(j.location().line()).isGreaterThan(1);
                    assertThat(j.describe()).contains("'vars.yml': line ");
                });
    }
}
