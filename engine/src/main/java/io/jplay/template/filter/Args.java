package io.jplay.template.filter;

import com.hubspot.jinjava.el.ext.NamedParameter;
import io.jplay.error.JplayException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a filter, test or lookup call, as Python would bind them: positional values, then keyword
 * values; {@link #get(int, String, Object)} finds a parameter by position or by name.
 */
public final class Args {

    private final List<Object> positional;
    private final Map<String, Object> keywords;

    public Args(Object[] positional, Map<String, Object> keywords) {
        this.positional = new ArrayList<>();
        this.keywords = new LinkedHashMap<>(keywords == null ? Map.of() : keywords);
        if (positional != null) {
            for (Object value : positional) {
                // Jinjava leaves name=value pairs of function calls (lookup) in the positional list
                if (value instanceof NamedParameter named) {
                    this.keywords.put(named.getName(), Py.plain(named.getValue()));
                } else {
                    this.positional.add(Py.plain(value));
                }
            }
        }
    }

    public static Args of(Object... positional) {
        return new Args(positional, Map.of());
    }

    public int size() {
        return positional.size();
    }

    public List<Object> positional() {
        return Collections.unmodifiableList(positional);
    }

    public Map<String, Object> keywords() {
        return Collections.unmodifiableMap(keywords);
    }

    public boolean has(int index, String name) {
        return (index >= 0 && index < positional.size()) || (name != null && keywords.containsKey(name));
    }

    /** The parameter at {@code index} or named {@code name}, else {@code fallback}. */
    public Object get(int index, String name, Object fallback) {
        if (index >= 0 && index < positional.size()) {
            return positional.get(index);
        }
        if (name != null && keywords.containsKey(name)) {
            return keywords.get(name);
        }
        return fallback;
    }

    public Object get(int index) {
        return get(index, null, null);
    }

    public String string(int index, String name, String fallback) {
        Object value = get(index, name, fallback);
        return value == null ? null : Py.str(value);
    }

    public boolean bool(int index, String name, boolean fallback) {
        return Py.truthy(get(index, name, fallback));
    }

    public Long integer(int index, String name, Long fallback) {
        Object value = get(index, name, fallback);
        if (value == null) {
            return null;
        }
        Long result = Py.toLongOrNull(value);
        if (result == null) {
            throw new JplayException("invalid literal for int() with base 10: " + Py.repr(value));
        }
        return result;
    }

    /** Positional values from {@code index} on (a Python {@code *args}). */
    public List<Object> rest(int index) {
        return index >= positional.size() ? List.of() : positional.subList(index, positional.size());
    }
}
