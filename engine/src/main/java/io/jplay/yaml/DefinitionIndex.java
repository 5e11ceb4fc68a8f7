package io.jplay.yaml;

import io.jplay.error.Location;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where templated values were written: for each {@code key: "{{ ... }}"} read by {@link YamlLoader}, the file
 * and line of the key. Variables lose their files when precedence levels are merged; when a variable's
 * template turns out to be broken, this finds where the user wrote it, so the error can show that line.
 * Only strings holding Jinja markers are kept, and only up to a bound: it is a diagnostic aid, never a source of
 * values.
 */
public final class DefinitionIndex {

    private static final int MAX_ENTRIES = 200_000;
    private static final Map<String, Location> INDEX = new ConcurrentHashMap<>();

    private DefinitionIndex() {
    }

    static void record(String key, Object value, Location location) {
        if (key != null && value instanceof String text && (text.contains("{{") || text.contains("{%"))
                && INDEX.size() < MAX_ENTRIES) {
            INDEX.putIfAbsent(entry(key, text), location);
        }
    }

    /** Where {@code key} was written with exactly this raw value, if a loaded file has it. */
    public static Optional<Location> find(String key, Object rawValue) {
        if (!(rawValue instanceof String text)) {
            return Optional.empty();
        }
        return Optional.ofNullable(INDEX.get(entry(key, text)));
    }

    private static String entry(String key, String value) {
        return key + '\u0000' + value;
    }
}
