package io.jplay.template.el;

import com.hubspot.jinjava.el.TruthyTypeConverter;
import io.jplay.template.Undefined;
import io.jplay.template.python.PythonRepr;
import io.jplay.template.python.PythonValues;

/**
 * Coercions as Python sees them: truth is Python's ({@code "false"} is a true string, {@code []} false),
 * text is {@code str()}, and any coercion of an {@link Undefined} raises its error (StrictUndefined).
 */
public final class PythonTypeConverter extends TruthyTypeConverter {

    private static final long serialVersionUID = 1L;

    @Override
    protected Boolean coerceToBoolean(Object value) {
        return PythonValues.isTrue(value);
    }

    @Override
    protected String coerceToString(Object value) {
        if (value == null) {
            return "None";
        }
        return PythonRepr.str(value);
    }

    @Override
    public <T> T convert(Object value, Class<T> type) {
        if (value instanceof Undefined undefined && type != Object.class) {
            throw undefined.fail();
        }
        return super.convert(value, type);
    }
}
