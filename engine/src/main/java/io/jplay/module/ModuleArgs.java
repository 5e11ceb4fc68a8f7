package io.jplay.module;

import io.jplay.python.PythonRepr;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A task's arguments after validation: every option of the spec is present (null when unset), values converted. */
public final class ModuleArgs {

    private final Map<String, Object> values;

    public ModuleArgs(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean isSet(String name) {
        return values.get(name) != null;
    }

    public Object get(String name) {
        return values.get(name);
    }

    public String string(String name) {
        Object v = values.get(name);
        return v == null ? null : PythonRepr.str(v);
    }

    public boolean bool(String name) {
        Object v = values.get(name);
        return v != null && OptionType.toBool(v);
    }

    /** A tri-state boolean: null when the option is unset. */
    public Boolean boolOrNull(String name) {
        Object v = values.get(name);
        return v == null ? null : OptionType.toBool(v);
    }

    public Long integer(String name) {
        Object v = values.get(name);
        return v == null ? null : ((Number) v).longValue();
    }

    public Double decimal(String name) {
        Object v = values.get(name);
        return v == null ? null : ((Number) v).doubleValue();
    }

    public List<String> strings(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        return ((List<?>) v).stream().map(PythonRepr::str).collect(Collectors.toList());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        return (Map<String, Object>) values.get(name);
    }
}
