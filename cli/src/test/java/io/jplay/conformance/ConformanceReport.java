package io.jplay.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Collects each case's status during a run; prints the summary line and writes the per-case report. */
final class ConformanceReport {

    record Entry(String caseName, CaseStatus status, String note, long millis) {
    }

    private final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());

    void add(String caseName, CaseStatus status, String note, long millis) {
        entries.add(new Entry(caseName, status, note, millis));
    }

    Set<String> casesWith(CaseStatus status) {
        return entries.stream().filter(e -> e.status() == status).map(Entry::caseName).collect(Collectors.toSet());
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    long count(CaseStatus status) {
        return entries.stream().filter(e -> e.status() == status).count();
    }

    /** {@code conformance: N passed, M known failures, K failed}; K counts unexpected passes too. */
    String summary() {
        long failed = count(CaseStatus.FAILED) + count(CaseStatus.UNEXPECTED_PASS);
        String summary = "conformance: " + count(CaseStatus.PASSED) + " passed, " + count(CaseStatus.KNOWN_FAILURE)
                + " known failures, " + failed + " failed";
        long unexpected = count(CaseStatus.UNEXPECTED_PASS);
        return unexpected == 0 ? summary
                : summary + " (" + unexpected + " of them listed as known failures but passing: remove them from "
                        + KnownFailures.FILE_NAME + ")";
    }

    /** One line per case: name, status, time, first differing line (or the known-failure reason). */
    String table() {
        StringBuilder sb = new StringBuilder(summary()).append("\n\n");
        for (Entry e : entries) {
            sb.append(String.format("%-40s %-16s %6d ms  %s%n", e.caseName(), e.status(), e.millis(), e.note()));
        }
        return sb.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, table(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
