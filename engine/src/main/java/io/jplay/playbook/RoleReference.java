package io.jplay.playbook;

import io.jplay.error.Location;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An entry of a play's {@code roles:} list (or a meta dependency): the role's name or path, its keywords
 * (when, tags, vars, become, ...) and its parameters (every other key), which Ansible gives a high precedence.
 */
public record RoleReference(String role, Map<String, Object> keywords, Map<String, Object> params,
                            Location location) {

    public RoleReference {
        keywords = Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
