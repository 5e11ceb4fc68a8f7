package io.jplay.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;

import java.util.Map;

/** Wraps a filter so an {@link Undefined} input raises its error instead of being filtered as a value. */
final class UndefinedRefusingFilter implements Filter {

    private final Filter delegate;

    UndefinedRefusingFilter(Filter delegate) {
        this.delegate = delegate;
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        refuseUndefined(var);
        return delegate.filter(var, interpreter, args);
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        refuseUndefined(var);
        return delegate.filter(var, interpreter, args, kwargs);
    }

    @Override
    public boolean preserveSafeString() {
        return delegate.preserveSafeString();
    }

    private static void refuseUndefined(Object var) {
        if (var instanceof Undefined undefined) {
            throw undefined.fail();
        }
    }
}
