#!/usr/bin/python3
import sys
name, src, desc = sys.argv[1], sys.argv[2], sys.argv[3]
rows = [l.rstrip('\n') for l in open(src) if l.strip().startswith('{"')]
print('''package io.jplay.template;

import io.jplay.template.filter.PyJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * %s
 * Expected values: ansible-core 2.14.18, each {@code {{ (expression) | to_json }}} rendered by Ansible's Templar
 * (escape_backslashes=False, i.e. plain Jinja2 string literals) with {@link OracleVariables#VARIABLES}.
 */
class %s {

    static final String[][] CASES = {
%s
    };

    static Stream<Arguments> cases() {
        return OracleVariables.arguments(CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesAsAnsible(String expression, String expectedJson) {
        Object value = OracleVariables.harness().eval(expression);
        assertThat(PyJson.dumps(value, PyJson.Options.compact())).isEqualTo(expectedJson);
    }
}''' % (desc, name, '\n'.join(rows)))
