package io.jplay.template.python;

import io.jplay.template.Undefined;

/** Python's truthiness and equality for template values ({@code '3' == 3} is False, {@code 1 == 1.0} True). */
public final class PythonValues {

    private PythonValues() {
    }

    public static boolean isTrue(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Undefined undefined) {
            throw undefined.fail();
        }
        return io.jplay.python.PythonValues.isTrue(value);
    }

    /** Python's ==; comparing an undefined raises its error. */
    public static boolean equal(Object a, Object b) {
        return io.jplay.python.PythonValues.equal(a, b, PythonValues::defined);
    }

    private static Object defined(Object value) {
        if (value instanceof Undefined undefined) {
            throw undefined.fail();
        }
        return value;
    }
}
