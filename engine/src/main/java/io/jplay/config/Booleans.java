package io.jplay.config;

import java.util.Locale;
import java.util.Set;

/**
 * Ansible's text-to-boolean conversion (module_utils.parsing.convert_bool.boolean, BOOLEANS_TRUE), used for
 * settings, keywords and connection variables written as text: {@code yes}, {@code on}, {@code 1}, {@code true} ...
 */
public final class Booleans {

    private static final Set<String> TRUE = Set.of("y", "yes", "on", "1", "true", "t", "1.0");

    private Booleans() {
    }

    /** True for Boolean.TRUE and for the text forms Ansible reads as true (case-insensitive); false otherwise. */
    public static boolean isTrue(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && TRUE.contains(String.valueOf(value).strip().toLowerCase(Locale.ROOT));
    }
}
