package io.jplay.vars;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One set of variables at one precedence level, with a description of where it came from
 * ("play vars", "role 'download' defaults") for debugging. Immutable.
 */
public record VarsLayer(Precedence level, String source, Map<String, Object> vars) {

    public VarsLayer {
        Objects.requireNonNull(level, "level");
        source = source == null ? level.name().toLowerCase() : source;
        vars = vars == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }
}
