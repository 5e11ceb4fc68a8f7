package io.jplay.conformance;

import java.util.Locale;

/** How a case's stdout is compared (its {@code compare} file); rc, stderr and results.json are always compared exactly. */
enum CompareMode {
    /** Exact text. */
    FULL,
    /** Not at all: Ansible's own output order is not deterministic for the case. */
    RESULTS_ONLY,
    /** As the sorted list of its lines: Ansible prints a Python set. */
    SORTED_LINES;

    /** Parses the one line {@code compare: MODE}, as record.sh's sed does (text after "compare:" and blanks). */
    static CompareMode parse(String compareFile) {
        for (String line : compareFile.split("\n")) {
            if (line.startsWith("compare:")) {
                String mode = line.substring("compare:".length()).stripLeading();
                return switch (mode) {
                    case "full" -> FULL;
                    case "results-only" -> RESULTS_ONLY;
                    case "sorted-lines" -> SORTED_LINES;
                    default -> throw new IllegalArgumentException("unknown compare mode: " + mode);
                };
            }
        }
        throw new IllegalArgumentException("no 'compare: MODE' line in: " + compareFile);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
