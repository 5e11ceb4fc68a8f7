package io.jplay.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code conformance/jplay-known-failures.txt}: the cases jplay does not pass yet, one per line as
 * {@code NNN-name  # reason}. Blank lines and lines starting with '#' are comments.
 */
final class KnownFailures {

    static final String FILE_NAME = "jplay-known-failures.txt";

    private final Map<String, String> reasons;

    private KnownFailures(Map<String, String> reasons) {
        this.reasons = reasons;
    }

    static KnownFailures read(Path suiteDir) {
        Path file = suiteDir.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? parse(ConformanceCase.read(file)) : parse("");
    }

    static KnownFailures parse(String text) {
        Map<String, String> reasons = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int hash = trimmed.indexOf('#');
            String name = (hash < 0 ? trimmed : trimmed.substring(0, hash)).strip();
            String reason = hash < 0 ? "" : trimmed.substring(hash + 1).strip();
            if (name.contains(" ") || name.contains("\t")) {
                throw new IllegalArgumentException(FILE_NAME + " line " + lineNumber + ": one case name, then '# reason': " + line);
            }
            if (reasons.put(name, reason.isEmpty() ? "no reason given" : reason) != null) {
                throw new IllegalArgumentException(FILE_NAME + " line " + lineNumber + ": " + name + " is listed twice");
            }
        }
        return new KnownFailures(Collections.unmodifiableMap(reasons));
    }

    /**
     * The file's text without the lines of these cases, comments and order kept: what
     * -Dconformance.pruneKnownFailures writes after a run, for the cases that pass now. It only ever removes.
     */
    static String withoutCases(String text, Set<String> caseNames) {
        StringBuilder kept = new StringBuilder();
        for (String line : UnifiedDiff.lines(text)) {
            String trimmed = line.strip();
            int hash = trimmed.indexOf('#');
            String name = (hash < 0 ? trimmed : trimmed.substring(0, hash)).strip();
            if (name.isEmpty() || !caseNames.contains(name)) {
                kept.append(line);
            }
        }
        return kept.toString();
    }

    Optional<String> reason(String caseName) {
        return Optional.ofNullable(reasons.get(caseName));
    }

    Set<String> names() {
        return reasons.keySet();
    }
}
