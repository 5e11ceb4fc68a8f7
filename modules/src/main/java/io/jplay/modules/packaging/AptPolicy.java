package io.jplay.modules.packaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code apt-cache policy NAME...} says about each package: its candidate and its version table (apt
 * lists it highest version first). This stands in for python-apt's cache and Policy, which the apt module
 * cannot use on a target without Python.
 */
public record AptPolicy(String name, String candidate, List<String> versions) {

    private static final Pattern VERSION_LINE = Pattern.compile("^ (?:\\*\\*\\*|   ) (\\S+) (-?\\d+)$");

    /** Parses the concatenated output for several packages; keyed by the name apt printed (without ':'). */
    public static Map<String, AptPolicy> parse(List<String> lines) {
        Map<String, AptPolicy> result = new LinkedHashMap<>();
        String name = null;
        String candidate = null;
        List<String> versions = new ArrayList<>();
        for (String line : lines) {
            if (!line.isEmpty() && !line.startsWith(" ") && line.endsWith(":")) {
                if (name != null) {
                    result.put(name, new AptPolicy(name, candidate, versions));
                }
                name = line.substring(0, line.length() - 1);
                candidate = null;
                versions = new ArrayList<>();
            } else if (line.strip().startsWith("Candidate:")) {
                String c = line.strip().substring("Candidate:".length()).strip();
                candidate = c.equals("(none)") ? null : c;
            } else {
                Matcher m = VERSION_LINE.matcher(line);
                if (m.matches() && !versions.contains(m.group(1))) {
                    versions.add(m.group(1));
                }
            }
        }
        if (name != null) {
            result.put(name, new AptPolicy(name, candidate, versions));
        }
        return result;
    }

    /**
     * Ansible's package_best_match: with {@code name=GLOB} a 991 pin makes the highest version matching the glob
     * the candidate (none when no version matches); otherwise apt's candidate (the default release is already
     * applied by the probe through APT::Default-Release).
     */
    public String bestMatch(String versionCmp, String version) {
        if ("=".equals(versionCmp)) {
            for (String v : versions) {
                if (Glob.matches(version, v)) {
                    return v;
                }
            }
            return null;
        }
        return candidate;
    }
}
