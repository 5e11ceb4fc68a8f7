package io.jplay.yaml;

import io.jplay.error.Location;

import java.util.LinkedHashMap;

/**
 * A YAML mapping that remembers where it started in its file, so that a task, a play or a variable file
 * can be named by file and line in error messages. Behaves as a plain insertion-ordered map otherwise.
 */
public final class YamlMap extends LinkedHashMap<String, Object> {

    private final transient Location location;

    public YamlMap(Location location) {
        this.location = location == null ? Location.UNKNOWN : location;
    }

    public Location location() {
        return location;
    }
}
