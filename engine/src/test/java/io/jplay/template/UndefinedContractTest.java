package io.jplay.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.util.HasObjectTruthValue;
import io.jplay.error.JplayException;
import io.jplay.template.filter.AnsibleFilter;
import io.jplay.template.filter.Args;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the library meets the Templar's Undefined (a value that raises "'x' is undefined" when tested for
 * truth): filters fail with that error, default and mandatory look at it, and the Templar's own
 * default/defined (installed first) are kept.
 */
class UndefinedContractTest {

    /** Stands in for the Templar's Undefined. */
    static final class FakeUndefined implements HasObjectTruthValue {
        @Override
        public boolean getObjectTruthValue() {
            throw new JplayException("'missing_var' is undefined");
        }
    }

    private static Object apply(String filterName, Object value, Object... args) {
        AnsibleFilter filter = AnsibleLibrary.filters().stream().filter(f -> f.getName().equals(filterName)).findFirst()
                .orElseThrow();
        return filter.filter(value, null, args, Map.of());
    }

    @Test
    void filtersRaiseTheUndefinedError() {
        assertThatThrownBy(() -> apply("lower", new FakeUndefined())).hasMessage("'missing_var' is undefined");
        assertThatThrownBy(() -> apply("ansible.builtin.to_json", new FakeUndefined())).hasMessage("'missing_var' is undefined");
    }

    @Test
    void defaultReplacesAnUndefinedValue() {
        assertThat(apply("default", new FakeUndefined(), "fallback")).isEqualTo("fallback");
        assertThat(apply("d", "set", "fallback")).isEqualTo("set");
    }

    @Test
    void mandatoryNamesTheUndefinedVariable() {
        // ansible-core 2.14: {{ missing_var | mandatory }} -> Mandatory variable 'missing_var'  not defined. (two spaces)
        assertThatThrownBy(() -> apply("mandatory", new FakeUndefined())).hasMessage("Mandatory variable 'missing_var'  not defined.");
        assertThatThrownBy(() -> apply("mandatory", new FakeUndefined(), "say so")).hasMessage("say so");
    }

    @Test
    void templarsOwnDefaultIsKept() {
        Jinjava jinjava = new Jinjava();
        Filter templarDefault = new Filter() {
            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
                return "templar's";
            }

            @Override
            public String getName() {
                return "default";
            }
        };
        jinjava.getGlobalContext().registerFilter(templarDefault);
        AnsibleLibrary.install(jinjava);
        assertThat(jinjava.getGlobalContext().getFilter("default")).isSameAs(templarDefault);
        assertThat(jinjava.getGlobalContext().getFilter("d")).isInstanceOf(AnsibleFilter.class);
        assertThat(jinjava.render("{{ 'A' | lower }}", Map.of())).isEqualTo("a");
    }

    @Test
    void argsBindPositionalAndKeywordParameters() {
        Args args = new Args(new Object[] {1L}, Map.of("b", 2L));
        assertThat(args.get(0, "a", null)).isEqualTo(1L);
        assertThat(args.get(1, "b", null)).isEqualTo(2L);
        assertThat(args.get(2, "c", "none")).isEqualTo("none");
        assertThat(args.has(-1, "a")).isFalse();
        assertThat(args.rest(0)).isEqualTo(List.of(1L));
    }
}
