package io.jplay.template;

import io.jplay.error.JplayException;
import io.jplay.yaml.YamlLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A Jinja2 syntax error in a variable's value is reported at the line where the variable is written. */
class VariableSyntaxErrorTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void brokenVariableIsShownWhereItIsDefinedEvenWhenReadThroughAnother() throws IOException {
        Path groupVars = dir.resolve("group_vars").resolve("all.yml");
        Files.createDirectories(groupVars.getParent());
        Files.writeString(groupVars, """
                # cluster settings
                ok: 1
                broken: "{{ ok | }}"
                uses_broken: "x-{{ broken }}"
                """);
        TestScope scope = new TestScope((Map<String, Object>) YamlLoader.loadFile(groupVars));

        TemplatingException error = catchThrowableOfType(
                () -> new Templar().template("{{ uses_broken }}", scope), TemplatingException.class);

        assertThat(error.getMessage()).startsWith("template error while templating string: ")
                .contains("String: {{ ok | }}")
                .endsWith("The error is in the value of the variable 'broken'; fix its Jinja2 syntax where it is defined.");
        assertThat(error.location().file()).isEqualTo(groupVars.toString());
        assertThat(error.location().line()).isEqualTo(3);
        assertThat(error.exitCode()).isEqualTo(1);
        assertThat(((JplayException) error).describe()).contains("""
                The offending line appears to be:

                ok: 1
                broken: "{{ ok | }}"
                ^ here""");
    }

    @Test
    void aBrokenTemplateNotFromAFileKeepsAnsiblesMessage() {
        TestScope scope = new TestScope(new java.util.LinkedHashMap<>(Map.of("bad", "{{ 1 + }}")));
        TemplatingException error = catchThrowableOfType(
                () -> new Templar().template("{{ bad }}", scope), TemplatingException.class);
        assertThat(error.getMessage()).startsWith("template error while templating string: ").endsWith("String: {{ 1 + }}");
        assertThat(error.location().isKnown()).isFalse();
    }
}
