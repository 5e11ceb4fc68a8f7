package io.jplay.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * .j2 files rendered as the template module renders them (trim_blocks, whitespace control, trailing
 * newlines, statements, Python printing). Each resources/templar/j2/tN.expected is the file
 * ansible-core 2.14.18's template module wrote for tN.j2 with the variables below.
 */
class TemplarTemplateFileTest {

    private final Templar templar = new Templar();

    @ParameterizedTest
    @ValueSource(strings = {"t1", "t2", "t3", "t4", "t5"})
    void rendersAsTheTemplateModule(String name) throws IOException {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("conf", new LinkedHashMap<>(Map.of("alpha", 1L)));
        ((Map<String, Object>) vars.get("conf")).put("beta", "two");
        vars.put("enabled", true);
        vars.put("port", 8080L);
        vars.put("servers", List.of("s1", "s2", "s3"));
        vars.put("nothing", null);
        vars.put("ansible_managed", "Ansible managed"); // a template-module variable in Ansible
        String source = resource(name + ".j2");
        String rendered;
        try {
            rendered = templar.renderText(source, new TestScope(vars), Path.of(name + ".j2"));
        } catch (TemplatingException e) {
            assumeFalse(e.getMessage().contains("Could not load"), "needs the filter library: " + e.getMessage());
            throw e;
        }
        assertThat(rendered).isEqualTo(resource(name + ".expected"));
    }

    @Test
    void includesAndImportsAreFoundBesideTheTemplate() throws Exception {
        Path main = Path.of(getClass().getResource("/templar/j2/include_main.j2").toURI());
        String rendered = templar.renderText(resource("include_main.j2"), new TestScope(Map.of("port", 8080L)), main);
        assertThat(rendered).isEqualTo(resource("include_main.expected"));
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/templar/j2/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
