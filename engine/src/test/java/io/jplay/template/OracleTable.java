package io.jplay.template;

import io.jplay.python.PythonJson;
import io.jplay.template.filter.PyJson;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table of Jinja expressions and Ansible's {@code json.dumps} of their values (recorded from ansible-core with
 * the variables of {@link OracleVariables}); each row is one test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OracleTable {

    private final String[][] cases;

    protected OracleTable(String[][] cases) {
        this.cases = cases;
    }

    Stream<Arguments> cases() {
        return OracleVariables.arguments(cases);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesAsAnsible(String expression, String expectedJson) {
        Object value = OracleVariables.harness().eval(expression);
        assertThat(PyJson.dumps(value, PythonJson.Options.compact())).isEqualTo(expectedJson);
    }
}
