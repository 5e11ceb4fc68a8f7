package io.jplay.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jinja2's global functions that Jinjava lacks: {@code dict(...)}. */
public final class JinjaGlobals {

    private JinjaGlobals() {
    }

    static void install(com.hubspot.jinjava.Jinjava jinjava) {
        jinjava.getGlobalContext().registerFunction(
                new ELFunctionDefinition("", "dict", JinjaGlobals.class, "dict", Object[].class));
    }

    /** Python's {@code dict(pairs_or_mapping, **kwargs)}. */
    public static Map<Object, Object> dict(Object... args) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof NamedParameter named) {
                out.put(named.getName(), named.getValue());
            } else if (arg instanceof Map<?, ?> map) {
                out.putAll(map);
            } else if (arg instanceof Iterable<?> pairs) {
                for (Object pair : pairs) {
                    List<?> kv = pair instanceof List<?> l ? l : pair instanceof Collection<?> c ? List.copyOf(c) : null;
                    if (pair instanceof Map.Entry<?, ?> entry) {
                        out.put(entry.getKey(), entry.getValue());
                    } else if (kv != null && kv.size() == 2) {
                        out.put(kv.get(0), kv.get(1));
                    } else {
                        throw new PythonTypeError("cannot convert dictionary update sequence element to a sequence of length 2");
                    }
                }
            } else if (arg != null) {
                throw new PythonTypeError("'" + arg.getClass().getSimpleName() + "' object is not iterable");
            }
        }
        return out;
    }
}
