package io.jplay.template;

import io.jplay.python.PythonJson;
import io.jplay.template.filter.PyJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jinja2's and Ansible's tests ({@code x is name(args)}, and inside select/selectattr) evaluated through Jinjava with AnsibleLibrary.
 * Expected values: ansible-core 2.14.18, each {@code {{ (expression) | to_json }}} rendered by Ansible's Templar
 * (escape_backslashes=False, i.e. plain Jinja2 string literals) with {@link OracleVariables#VARIABLES}.
 */
class TestOracleTest {

    static final String[][] CASES = {
        {"x is defined", "true"},
        {"undefined_var is defined", "false"},
        {"undefined_var is undefined", "true"},
        {"x is undefined", "false"},
        {"none is none", "true"},
        {"x is none", "false"},
        {"'a' is string", "true"},
        {"5 is string", "false"},
        {"5 is number", "true"},
        {"1.5 is number", "true"},
        {"'5' is number", "false"},
        {"d is mapping", "true"},
        {"lst is mapping", "false"},
        {"lst is sequence", "true"},
        {"'abc' is sequence", "true"},
        {"d is sequence", "true"},
        {"5 is sequence", "false"},
        {"lst is iterable", "true"},
        {"d is iterable", "true"},
        {"5 is iterable", "false"},
        {"5 is integer", "true"},
        {"5.0 is integer", "false"},
        {"5.0 is float", "true"},
        {"true is boolean", "true"},
        {"1 is boolean", "false"},
        {"5 is equalto 5", "true"},
        {"5 is equalto(5.0)", "true"},
        {"5 is eq 6", "false"},
        {"5 is ne 6", "true"},
        {"3 is lt 4", "true"},
        {"3 is gt 4", "false"},
        {"4 is ge 4", "true"},
        {"4 is le 3", "false"},
        {"2 in lst", "true"},
        {"'b' in 'abc'", "true"},
        {"'a' in d", "true"},
        {"2 is in lst", "true"},
        {"5 is in lst", "false"},
        {"lst is contains 3", "true"},
        {"lst is contains 7", "false"},
        {"10 is divisibleby 5", "true"},
        {"10 is divisibleby 3", "false"},
        {"4 is even", "true"},
        {"4 is odd", "false"},
        {"3 is odd", "true"},
        {"'abc' is lower", "true"},
        {"'aBc' is lower", "false"},
        {"'ABC' is upper", "true"},
        {"'foobar' is match('foo')", "true"},
        {"'foobar' is match('bar')", "false"},
        {"'foobar' is search('bar')", "true"},
        {"'FOOBAR' is search('bar', ignorecase=true)", "true"},
        {"'a\\nfoo' is match('^foo', multiline=true)", "false"},
        {"'a\\nfoo' is search('^foo', multiline=true)", "true"},
        {"'foobar' is regex('o+b')", "true"},
        {"'foobar' is regex('o+b', match_type='match')", "false"},
        {"'1.2.3' is version('1.2.0', '>')", "true"},
        {"'1.2.3' is version('1.2.3', '==')", "true"},
        {"'1.10' is version('1.9', 'gt')", "true"},
        {"'1.10' is version_compare('1.9', '<')", "false"},
        {"'1.2.3' is version('1.2', 'ge')", "true"},
        {"'2.0' is version('2.0.0', '==')", "false"},
        {"'1.0a1' is version('1.0', '<', strict=true)", "true"},
        {"'1.0.0-rc.1' is version('1.0.0', '<', version_type='semver')", "true"},
        {"'1.0.0-alpha' is version('1.0.0-alpha.1', '<', version_type='semver')", "true"},
        {"'1.0.0-alpha.beta' is version('1.0.0-beta', 'lt', version_type='semver')", "true"},
        {"'v1.22.0' is version('v1.21.5', '>=')", "true"},
        {"'1.22.0' is version('1.22.0-rc1', '>')", "false"},
        {"'4.10.0-1' is version('4.9', '>')", "true"},
        {"result_ok is succeeded", "true"},
        {"result_ok is success", "true"},
        {"result_ok is failed", "false"},
        {"result_failed is failed", "true"},
        {"result_failed is failure", "true"},
        {"result_failed is successful", "false"},
        {"result_changed is changed", "true"},
        {"result_ok is changed", "false"},
        {"result_ok is change", "false"},
        {"loop_result is changed", "true"},
        {"result_skipped is skipped", "true"},
        {"result_ok is skipped", "false"},
        {"result_skipped is skip", "true"},
        {"result_ok is reachable", "true"},
        {"result_ok is unreachable", "false"},
        {"[1, 2] is subset([1, 2, 3])", "true"},
        {"[1, 4] is subset([1, 2, 3])", "false"},
        {"[1, 2, 3] is superset([1, 2])", "true"},
        {"[1, 2] is issubset([1, 2, 3])", "true"},
        {"[0, 1] is any", "true"},
        {"[0, ''] is any", "false"},
        {"[1, 'a'] is all", "true"},
        {"[1, ''] is all", "false"},
        {"[] is all", "true"},
        {"'yes' is truthy", "true"},
        {"'' is truthy", "false"},
        {"'false' is truthy", "true"},
        {"'false' is truthy(convert_bool=true)", "false"},
        {"'no' is falsy(convert_bool=true)", "true"},
        {"0 is falsy", "true"},
        {"'/etc' is abs", "true"},
        {"'etc' is abs", "false"},
        {"'/etc' is is_abs", "true"},
        {"'/etc/hosts' is file", "true"},
        {"'/etc' is file", "false"},
        {"'/etc' is directory", "true"},
        {"'/etc/hosts' is directory", "false"},
        {"'/etc' is exists", "true"},
        {"'/nonexistent' is exists", "false"},
        {"'/nonexistent' is link", "false"},
        {"'10.0.0.1' is ipv4", "true"},
        {"'10.0.0.1' is ipv6", "false"},
        {"'::1' is ipv6", "true"},
        {"'10.0.0.0/8' is ip", "true"},
        {"'foo' is ip", "false"},
        {"'10.0.0.1' is in_network('10.0.0.0/8')", "true"},
        {"'11.0.0.1' is in_network('10.0.0.0/8')", "false"},
        {"'10.0.0.1' is ip_address", "true"},
        {"'10.0.0.0/8' is ip_address", "false"},
        {"[{'a': 1}, {'b': 2}, {'a': none}] | selectattr('a', 'defined') | list", "[{\"a\": 1}, {\"a\": null}]"},
        {"[{'a': 1}, {'b': 2}] | selectattr('a', 'undefined') | list", "[{\"b\": 2}]"},
        {"[{'a': 1}, {'b': 2}] | rejectattr('a', 'defined') | list", "[{\"b\": 2}]"},
        {"[{'a': {'b': 1}}, {'a': {}}] | selectattr('a.b', 'defined') | list", "[{\"a\": {\"b\": 1}}]"},
    };

    static Stream<Arguments> cases() {
        return OracleVariables.arguments(CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesAsAnsible(String expression, String expectedJson) {
        Object value = OracleVariables.harness().eval(expression);
        assertThat(PyJson.dumps(value, PythonJson.Options.compact())).isEqualTo(expectedJson);
    }
}
