package io.jplay.yaml;

import io.jplay.error.Location;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML mapping that remembers where it started in its file, so that a task, a play or a variable file
 * can be named by file and line in error messages. Behaves as a plain insertion-ordered map otherwise.
 */
public final class YamlMap extends LinkedHashMap<String, Object> {

    private final transient Location location;
    private final transient Map<String, Location> keyLocations = new HashMap<>();

    public YamlMap(Location location) {
        this.location = location == null ? Location.UNKNOWN : location;
    }

    public Location location() {
        return location;
    }

    /** Where {@code key} is written in the file (so an error in a variable can name its line), else the map's start. */
    public Location locationOf(String key) {
        return keyLocations.getOrDefault(key, location);
    }

    void putLocated(String key, Object value, Location keyLocation) {
        put(key, value);
        keyLocations.put(key, keyLocation);
        DefinitionIndex.record(key, value, keyLocation);
    }
}
