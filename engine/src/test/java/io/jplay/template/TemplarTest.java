package io.jplay.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import io.jplay.template.lookup.LookupContext;
import io.jplay.yaml.UnsafeText;
import io.jplay.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Templar's API as the variables manager and the executor use it. Expected values were checked
 * against ansible-core 2.14.18 (debug msg, Templar.is_template, template module).
 */
class TemplarTest {

    private final Templar templar = new Templar();

    private static TestScope vars(String yaml) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) YamlLoader.load(yaml, null);
        return new TestScope(map);
    }

    @Test
    void valuesAreTypedAsAnsibleTypesThem() {
        TestScope v = vars("port: 6443\nratio: 1.5\nenabled: true\nlst: [1, a]\nname: x\nnothing: null\n");
        assertThat(templar.template("{{ port }}", v)).isEqualTo(6443); // single variable: the YAML int itself
        assertThat(templar.template("{{ port + 1 }}", v)).isEqualTo("6444"); // an expression: text
        assertThat(templar.template("{{ ratio }}", v)).isEqualTo(1.5);
        assertThat(templar.template("{{ enabled }}", v)).isEqualTo(true);
        assertThat(templar.template("{{ lst }}", v)).isEqualTo(List.of(1L, "a"));
        assertThat(templar.template("[{{ port }}, '{{ name }}']", v)).isEqualTo(List.of(6443L, "x"));
        assertThat(templar.template("{{ nothing }}", v)).isNull();
        assertThat(templar.template("{{ port > 1 }}", v)).isEqualTo(true);
        assertThat(templar.template("{{ (1, 2) }}", v)).isEqualTo("(1, 2)");
    }

    @Test
    void listsAndDictsAreRenderedRecursivelyAndOtherValuesUntouched() {
        TestScope v = vars("a: 1\nb: x\n");
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("k", List.of("{{ b }}", 5, "{{ a }}-y"));
        value.put("n", null);
        value.put("u", new UnsafeText("{{ b }}"));
        Object result = templar.template(value, v);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("k", List.of("x", 5, "1-y"));
        expected.put("n", null);
        expected.put("u", new UnsafeText("{{ b }}"));
        assertThat(result).isEqualTo(expected);
        assertThat(templar.template(new UnsafeText("{{ b }}"), v)).isEqualTo(new UnsafeText("{{ b }}"));
        assertThat(templar.template(42L, v)).isEqualTo(42L);
        assertThat(templar.template("no template", v)).isEqualTo("no template");
    }

    @Test
    void unsafeValuesAreNotRenderedWhenReadAndTheirTextStaysUnsafe() {
        TestScope v = vars("b: x\n");
        v.put("raw", new UnsafeText("{{ b }}"));
        v.put("result", Map.of("stdout", new UnsafeText("{{ .ID }}"), "rc", 0L));
        v.put("plain", new UnsafeText("no braces"));
        assertThat(templar.template("{{ raw }}", v)).isEqualTo(new UnsafeText("{{ b }}"));
        assertThat(templar.template("<{{ raw }}>", v)).isEqualTo(new UnsafeText("<{{ b }}>"));
        Object stdout = templar.template("{{ result.stdout }}", v);
        assertThat(stdout).isEqualTo(new UnsafeText("{{ .ID }}"));
        // as after set_fact: the stored result is returned untouched when templated again
        assertThat(templar.template(stdout, v)).isEqualTo(new UnsafeText("{{ .ID }}"));
        // text that cannot be templated needs no mark
        assertThat(templar.template("{{ plain }}", v)).isEqualTo("no braces");
    }

    @Test
    void trailingNewlinesOfTheInputAreKept() {
        TestScope v = vars("a: 1\n");
        assertThat(templar.template("{{ a + 1 }}\n\n", v)).isEqualTo("2\n\n");
        assertThat(templar.template("x{{ a }}\n", v)).isEqualTo("x1\n");
    }

    @Test
    void isTemplateAnswersAsAnsible() {
        assertThat(Templar.isTemplate("{{ x }}")).isTrue();
        assertThat(Templar.isTemplate("{% if x %}")).isTrue();
        assertThat(Templar.isTemplate("{# c #}")).isTrue();
        assertThat(Templar.isTemplate("{{ x")).isFalse();
        assertThat(Templar.isTemplate("{{ x }")).isFalse();
        assertThat(Templar.isTemplate("a {b} c")).isFalse();
        assertThat(Templar.isTemplate(List.of("a", "{{ b }}"))).isTrue();
        assertThat(Templar.isTemplate(Map.of("{{ k }}", 1))).isTrue();
        assertThat(Templar.isTemplate(5)).isFalse();
        assertThat(Templar.isPossiblyTemplate("{{ x")).isTrue();
        assertThat(Templar.isPossiblyTemplate("plain")).isFalse();
        assertThat(Templar.isPossiblyTemplate(List.of("{{ b }}"))).isFalse();
    }

    /** Recorded with ansible-core 2.14.18 and ansible.utils: kubespray writes qualified filter names. */
    @Test
    void qualifiedFilterAndTestNamesResolve() {
        assertThat(templar.template("{{ ['10.0.0.0/24' | ansible.utils.ipaddr('net'), '10.0.0.1/24' | ansible.utils.ipaddr('net'),"
                + " '1.2' is ansible.builtin.version('1.1', '>'), [3, 1] | ansible.builtin.flatten | first,"
                + " 'x' | ansible.builtin.regex_replace('x', 'y')] }}", vars("a: 1\n")))
                .isEqualTo(java.util.Arrays.asList("10.0.0.0/24", null, true, 3L, "y"));
    }

    @Test
    void syntaxErrorsNameTheTemplate() {
        assertThatThrownBy(() -> templar.template("{{ [1, 2 }}", vars("a: 1\n")))
                .isInstanceOf(TemplatingException.class)
                .hasMessageStartingWith("template error while templating string: ")
                .hasMessageEndingWith("String: {{ [1, 2 }}");
    }

    @Test
    void undefinedErrorsAreJplayExceptionsTheExecutorCanDecorate() {
        assertThatThrownBy(() -> templar.template("{{ nosuch }}", vars("a: 1\n")))
                .isInstanceOf(io.jplay.error.JplayException.class)
                .isInstanceOf(UndefinedVariableException.class)
                .satisfies(e -> assertThat(((UndefinedVariableException) e).ansibleMessage())
                        .isEqualTo("'nosuch' is undefined. 'nosuch' is undefined"));
        assertThatThrownBy(() -> templar.evaluateConditional("nosuch == 1", vars("a: 1\n")))
                .isInstanceOf(UndefinedVariableException.class)
                .hasMessage("'nosuch' is undefined");
    }

    @Test
    void conditionalsUsePythonTruth() {
        TestScope v = vars("s: 'False'\nempty: []\nflag: false\n");
        assertThat(templar.evaluateConditional("s", v)).isTrue();
        assertThat(templar.evaluateConditional("empty", v)).isFalse();
        assertThat(templar.evaluateConditional("not flag", v)).isTrue();
        assertThat(templar.evaluateConditional(true, v)).isTrue();
        assertThat(templar.evaluateConditional("{{ flag }}", v)).isFalse();
    }

    @Test
    void lookupsReachTheRunningRenderThroughLookupContext() {
        AnsibleJinjava.get().getGlobalContext().registerFilter(new Filter() {
            @Override
            public String getName() {
                return "__test_context_probe";
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
                LookupContext context = LookupContext.current();
                return context.template("{{ " + var + " }}") + "/" + context.variables().get("raw")
                        + "/" + context.renderText("{{ 1 + 1 }}", Path.of("x.j2"));
            }
        });
        TestScope v = vars("a: 5\nraw: '{{ a }}'\n");
        assertThat(templar.template("{{ 'a' | __test_context_probe }}", v)).isEqualTo("5/{{ a }}/2");
    }
}
