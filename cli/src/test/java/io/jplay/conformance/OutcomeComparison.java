package io.jplay.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Compares a normalised jplay outcome with the recorded one (README "How a case is run", step 6). */
final class OutcomeComparison {

    /** How much of each diff goes into a failure message. */
    static final int DIFF_LINES = 60;

    private OutcomeComparison() {
    }

    /**
     * The differences, most telling first: stderr (where jplay's own errors land), stdout, rc, results.json.
     * Empty when the case passes.
     */
    static List<Difference> compare(Outcome expected, Outcome actual, CompareMode mode) {
        List<Difference> differences = new ArrayList<>();
        text("stderr", expected.stderr(), actual.stderr()).ifPresent(differences::add);
        switch (mode) {
            case FULL -> text("stdout", expected.stdout(), actual.stdout()).ifPresent(differences::add);
            case SORTED_LINES -> text("stdout (sorted lines)", sortedLines(expected.stdout()), sortedLines(actual.stdout()))
                    .ifPresent(differences::add);
            case RESULTS_ONLY -> {
                // Ansible's own stdout order is not deterministic for this case
            }
        }
        if (expected.rc() != actual.rc()) {
            differences.add(new Difference("rc", "rc: expected " + expected.rc() + ", was " + actual.rc(),
                    "expected exit code " + expected.rc() + ", jplay exited with " + actual.rc()));
        }
        results(expected.resultsJson(), actual.resultsJson()).ifPresent(differences::add);
        return differences;
    }

    static Optional<Difference> text(String part, String expected, String actual) {
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        return Optional.of(new Difference(part, part + ": " + firstDifferingLine(expected, actual),
                UnifiedDiff.of(expected, actual, "ansible " + part, "jplay " + part, DIFF_LINES)));
    }

    /**
     * As record.sh --check: a results.json on one side only is a difference both ways (the playbooks write it
     * only when they ran far enough); on both sides they must be equal as JSON.
     */
    static Optional<Difference> results(Optional<String> expected, Optional<String> actual) {
        if (expected.isEmpty() && actual.isEmpty()) {
            return Optional.empty();
        }
        if (actual.isEmpty()) {
            return Optional.of(new Difference("results.json", "results.json: not written by jplay",
                    "expected.results.json exists, but jplay wrote no @WORK@/results.json"));
        }
        if (expected.isEmpty()) {
            return Optional.of(new Difference("results.json", "results.json: written by jplay, not by Ansible",
                    "jplay wrote @WORK@/results.json, Ansible did not:\n" + actual.get()));
        }
        Object actualJson;
        try {
            actualJson = JsonText.parse(actual.get());
        } catch (IllegalArgumentException e) {
            return Optional.of(new Difference("results.json", "results.json: " + e.getMessage(),
                    e.getMessage() + "\n" + UnifiedDiff.of(expected.get(), actual.get(),
                            "ansible results.json", "jplay results.json", DIFF_LINES)));
        }
        Object expectedJson = JsonText.parse(expected.get());
        if (Objects.equals(expectedJson, actualJson)) {
            return Optional.empty();
        }
        // diff the canonical forms: formatting differences would only hide the real one
        return text("results.json", JsonText.canonical(expectedJson) + "\n", JsonText.canonical(actualJson) + "\n");
    }

    static String firstDifferingLine(String expected, String actual) {
        List<String> a = UnifiedDiff.lines(expected);
        List<String> b = UnifiedDiff.lines(actual);
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        return "line " + (i + 1) + ": expected " + show(a, i) + ", was " + show(b, i);
    }

    /** A line quoted with its terminator visible, so trailing spaces and a missing newline can be seen. */
    private static String show(List<String> lines, int index) {
        if (index >= lines.size()) {
            return "<end of text>";
        }
        String line = lines.get(index);
        String escaped = line.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
        return "\"" + escaped + "\"";
    }

    /** As {@code sort} prints it: every line newline-terminated, a missing final newline is no difference. */
    private static String sortedLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : UnifiedDiff.lines(text)) {
            lines.add(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
        }
        lines.sort(null);
        StringBuilder sorted = new StringBuilder();
        lines.forEach(line -> sorted.append(line).append('\n'));
        return sorted.toString();
    }
}
