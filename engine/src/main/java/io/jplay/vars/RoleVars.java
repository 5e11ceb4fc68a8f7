package io.jplay.vars;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables a role directory brings: {@code defaults/} (lowest precedence of all) and {@code vars/}
 * (above play vars_files). Immutable.
 */
public record RoleVars(String roleName, Map<String, Object> defaults, Map<String, Object> vars) {

    public RoleVars {
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }
}
