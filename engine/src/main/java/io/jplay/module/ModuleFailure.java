package io.jplay.module;

import java.util.Map;

/**
 * A module's {@code fail_json}: thrown from {@link Module#run} (or by argument validation) and turned into a
 * failed {@link ModuleResult} by {@link ModuleInvoker}. Extra keys (rc, path, ...) go into the result.
 */
public class ModuleFailure extends RuntimeException {

    private final Map<String, Object> extra;

    public ModuleFailure(String message) {
        this(message, Map.of());
    }

    public ModuleFailure(String message, Map<String, Object> extra) {
        super(message);
        this.extra = extra == null ? Map.of() : extra;
    }

    public Map<String, Object> extra() {
        return extra;
    }

    public ModuleResult toResult() {
        ModuleResult.Builder b = ModuleResult.builder().changed(false);
        extra.forEach(b::put);
        return b.failed(getMessage()).build();
    }
}
