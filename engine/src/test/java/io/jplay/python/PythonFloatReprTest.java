package io.jplay.python;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Python 3.11's repr(float) (as json.dumps prints floats); expected texts from the Python interpreter. */
class PythonFloatReprTest {

    @ParameterizedTest
    @CsvSource({
            "1.0, 1.0", "0.1, 0.1", "1e16, 1e+16", "1.5e-7, 1.5e-07", "0.0001, 0.0001", "0.00001, 1e-05",
            "123456789012345678, 1.2345678901234568e+17", "2.5, 2.5", "-0.0, -0.0", "5e-324, 5e-324",
            "1e22, 1e+22", "1e23, 1e+23", "9007199254740993, 9007199254740992.0", "0.3, 0.3",
            "1234567890123456.7, 1234567890123456.8", "1.7976931348623157e308, 1.7976931348623157e+308"})
    void reprMatchesPython(double value, String expected) {
        assertThat(PythonRepr.floatRepr(value)).isEqualTo(expected);
    }
}
