package io.jplay.vars;

import io.jplay.error.JplayException;
import io.jplay.yaml.YamlLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** vars_files, against ansible-playbook 2.14.18 on the same files (it printed [from_vars_subdir, second, listed, ubuntu_file]). */
class PlayVarsFilesTest {

    @TempDir
    Path dir;

    /** Stands in for the Templar: {{ distro }} is Ubuntu, anything else in braces is undefined. */
    private final Function<Object, Object> template = name -> {
        String text = name.toString();
        if (!text.contains("{{")) {
            return text;
        }
        return text.contains("{{ distro }}") ? text.replace("{{ distro }}", "Ubuntu") : null;
    };

    @Test
    void varsSubfolderFirstListsOfDictsFirstFoundAndUndefinedNamesSkipped() throws Exception {
        Files.createDirectories(dir.resolve("vars"));
        Files.writeString(dir.resolve("vars/common.yml"), "a: from_vars_subdir\n");
        Files.writeString(dir.resolve("common.yml"), "a: from_top\n");
        Files.writeString(dir.resolve("list.yml"), "- b: first\n- b: second\n  c: listed\n");
        Files.writeString(dir.resolve("Ubuntu.yml"), "os: ubuntu_file\n");
        Object entries = YamlLoader.load("""
                - common.yml
                - list.yml
                - ["{{ distro }}-missing.yml", "{{ distro }}.yml", "default.yml"]
                - ["{{ undefined_thing }}.yml"]
                """, null);

        VarsContext context = VarsContext.play();
        for (VarsLayer layer : PlayVarsFiles.load(entries, dir, dir, template)) {
            context = context.push(layer);
        }
        Map<String, Object> vars = VariableManager.builder(new TestInventory().host("localhost", Map.of()))
                .build().getVars("localhost", context, false);

        assertThat(List.of(vars.get("a"), vars.get("b"), vars.get("c"), vars.get("os")))
                .containsExactly("from_vars_subdir", "second", "listed", "ubuntu_file");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> PlayVarsFiles.load(List.of("nope.yml"), dir, dir, template))
                .isInstanceOf(JplayException.class).hasMessageContaining("nope.yml was not found");
    }
}
