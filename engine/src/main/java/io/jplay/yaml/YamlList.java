package io.jplay.yaml;

import io.jplay.error.Location;

import java.util.ArrayList;
import java.util.List;

/**
 * A YAML sequence that remembers where each item is written, so that an error about a plain item (a role
 * name in {@code roles:}, a file in {@code vars_files:}) can point at its line. Behaves as a plain list otherwise.
 */
public final class YamlList extends ArrayList<Object> {

    private final transient List<Location> itemLocations = new ArrayList<>();
    private final transient Location location;

    public YamlList(Location location) {
        this.location = location == null ? Location.UNKNOWN : location;
    }

    public Location location() {
        return location;
    }

    /** Where item {@code index} is written, else where the list starts. */
    public Location locationOf(int index) {
        return index >= 0 && index < itemLocations.size() ? itemLocations.get(index) : location;
    }

    void addLocated(Object item, Location itemLocation) {
        add(item);
        itemLocations.add(itemLocation);
    }
}
