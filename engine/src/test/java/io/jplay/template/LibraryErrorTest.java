package io.jplay.template;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The messages of filters, tests and lookups used wrongly. Expected: ansible-core 2.14.18's message for the
 * same expression (the part the plugin raises; the Templar adds Ansible's "template error while templating
 * string" framing).
 */
class LibraryErrorTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("[1] | combine({'a': 1})",
                        "failed to combine variables, expected dicts but got a 'int' and a 'dict': \n1\n{\"a\": 1}"),
                Arguments.of("{'a': 1} | combine({'b': 1}, foo=1)", "'recursive' and 'list_merge' are the only valid keyword arguments"),
                Arguments.of("[1] | dict2items", "dict2items requires a dictionary, got <class 'list'> instead."),
                Arguments.of("{'a': 1} | items2dict", "items2dict requires a list, got <class 'dict'> instead."),
                Arguments.of("'1.0' is version('2', 'bogus')", "Invalid operator type (bogus). Must be one of '==', '=', 'eq', "
                        + "'<', 'lt', '<=', 'le', '>', 'gt', '>=', 'ge', '!=', '<>', 'ne'"),
                Arguments.of("'1.0' is version('2', '<', version_type='bogus')",
                        "Invalid version type (bogus). Must be one of 'loose', 'strict', 'semver', 'semantic', 'pep440'"),
                Arguments.of("'' is version('2', '<')", "Input version value cannot be empty"),
                Arguments.of("'1.0' is version('2.x', '<', strict=true)", "Version comparison failed: invalid version number '2.x'"),
                Arguments.of("'abc' | regex_escape('posix_extended')", "Regex type (posix_extended) not yet implemented"),
                Arguments.of("x | mandatory('custom message')", null),
                Arguments.of("lst | random(start=1)", "start and step can only be used with integer values"),
                Arguments.of("[] | random", "Cannot choose from an empty sequence"),
                Arguments.of("'x' | ipmath(1)", "You must pass a valid IP address; x is invalid"),
                Arguments.of("[{'a': [1]}] | subelements('b')", "could not find 'b' key in iterated item {'a': [1]}"),
                Arguments.of("[{'a': 1}] | subelements('a')", "the key 'a' should point to a list, got 1"),
                Arguments.of("'x' | human_to_bytes", "human_to_bytes() can't interpret following string: x"),
                Arguments.of("'1Mb' | human_to_bytes", "human_to_bytes() can't interpret following string: 1Mb"),
                Arguments.of("1 | flatten", "'int' object is not iterable"),
                Arguments.of("'x' is failed", "The 'failed' test expects a dictionary"),
                Arguments.of("none | length", "object of type 'NoneType' has no len()"),
                Arguments.of("5 | length", "object of type 'int' has no len()"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithAnsiblesMessage(String expression, String message) {
        if (message == null) {
            // x is defined (5): mandatory passes it through
            org.assertj.core.api.Assertions.assertThat(OracleVariables.harness().eval(expression)).isEqualTo(5L);
            return;
        }
        assertThatThrownBy(() -> OracleVariables.harness().eval(expression)).hasMessage(message);
    }
}
