package io.jplay.vars;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ansible-core version jplay reproduces, as the {@code ansible_version} variable shows it: playbooks
 * compare it ({@code ansible_version.full is version('2.11', '>=')}), so it names the behaviour, not jplay's
 * own version.
 */
public final class AnsibleVersion {

    public static final String FULL = "2.14.18";

    private AnsibleVersion() {
    }

    public static Map<String, Object> asVariable() {
        String[] parts = FULL.split("\\.");
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("string", FULL);
        version.put("full", FULL);
        version.put("major", Long.parseLong(parts[0]));
        version.put("minor", Long.parseLong(parts[1]));
        version.put("revision", Long.parseLong(parts[2]));
        return version;
    }
}
