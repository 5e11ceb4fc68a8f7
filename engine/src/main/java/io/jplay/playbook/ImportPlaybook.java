package io.jplay.playbook;

import io.jplay.error.Location;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code - import_playbook: other.yml} with its keywords (vars, when, tags); the path is relative to the importing file. */
public record ImportPlaybook(String path, Map<String, Object> keywords, Location location) implements PlaybookEntry {
    public ImportPlaybook {
        keywords = Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
    }
}
