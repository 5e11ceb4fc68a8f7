package io.jplay.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every case of {@code conformance/} through jplay, in-process, as conformance/README.md describes the
 * Ansible run, and compares the normalised outcome with the one recorded from ansible-core 2.14.
 *
 * <ul>
 *   <li>One dynamic test per case folder. A case listed in {@code conformance/jplay-known-failures.txt} that still
 *       differs is skipped with its reason; one that passes fails, so that the list only shrinks.</li>
 *   <li>{@code -Dconformance.case=012-any-errors-fatal-task-rescue[,013-...]} runs only those cases;
 *       {@code -Dconformance.timeout=SECONDS} (default 60) bounds each run.</li>
 *   <li>{@code -Dconformance.pruneKnownFailures} removes the lines of listed cases that passed from the list
 *       after the run (they still fail that run, as a reminder to commit the shorter list).</li>
 *   <li>After the run: the summary line on stdout, {@code target/conformance-report.txt} (status and first
 *       difference per case) and {@code target/conformance-diffs/<case>.diff} for each case that differs.</li>
 * </ul>
 */
class ConformanceTest {

    private static final ConformanceReport REPORT = new ConformanceReport();
    private static final Path REPORT_FILE = Path.of("target", "conformance-report.txt");
    private static final Path DIFFS_DIR = Path.of("target", "conformance-diffs");

    private final ConformanceSuite suite = ConformanceSuite.locate();
    private final KnownFailures knownFailures = KnownFailures.read(suite.dir());
    private final SuiteEnvironment environment = new SuiteEnvironment(suite.dir());
    private final InProcessJplay jplay = new InProcessJplay(
            Duration.ofSeconds(Long.getLong("conformance.timeout", 60)));

    @TestFactory
    Stream<DynamicTest> cases() {
        return suite.select(System.getProperty("conformance.case")).stream()
                .map(name -> DynamicTest.dynamicTest(name, suite.dir().resolve("cases").resolve(name).toUri(),
                        () -> check(name)));
    }

    /** A stale entry (a renamed or deleted case) would otherwise sit in the list forever. */
    @Test
    void knownFailuresNameExistingCases() {
        assertThat(suite.caseNames()).as("cases listed in conformance/" + KnownFailures.FILE_NAME)
                .containsAll(knownFailures.names());
    }

    @AfterAll
    static void summary() {
        if (REPORT.isEmpty()) {
            return;
        }
        REPORT.write(REPORT_FILE);
        System.out.println(REPORT.summary() + "  (details: " + REPORT_FILE.toAbsolutePath() + ")");
        if (Boolean.getBoolean("conformance.pruneKnownFailures")) {
            pruneKnownFailures(REPORT.casesWith(CaseStatus.UNEXPECTED_PASS));
        }
    }

    private static void pruneKnownFailures(Set<String> nowPassing) {
        if (nowPassing.isEmpty()) {
            return;
        }
        Path file = ConformanceSuite.locate().dir().resolve(KnownFailures.FILE_NAME);
        try {
            Files.writeString(file, KnownFailures.withoutCases(ConformanceCase.read(file), nowPassing), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("conformance: removed " + nowPassing.size() + " passing case(s) from " + file + ": "
                + new TreeSet<>(nowPassing));
    }

    private void check(String name) {
        long start = System.nanoTime();
        ConformanceCase testCase = suite.load(name);
        List<Difference> differences = run(testCase);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Optional<String> knownReason = knownFailures.reason(name);
        String failure = differences.isEmpty() ? "" : failureMessage(testCase, differences);
        writeDiff(name, failure);

        CaseStatus status = CaseStatus.of(differences.isEmpty(), knownReason.isPresent());
        String first = differences.isEmpty() ? "" : differences.get(0).firstDifference();
        switch (status) {
            case PASSED -> REPORT.add(name, status, "", millis);
            case UNEXPECTED_PASS -> {
                REPORT.add(name, status, "passes: remove it from " + KnownFailures.FILE_NAME, millis);
                Assertions.fail(name + " passes now but is listed in conformance/" + KnownFailures.FILE_NAME
                        + " (" + knownReason.orElseThrow() + "): remove its line");
            }
            case KNOWN_FAILURE -> {
                REPORT.add(name, status, knownReason.orElseThrow() + " | " + first, millis);
                if (System.getProperty("conformance.case") != null) {
                    System.out.println(failure); // run alone for debugging: show what still differs
                }
                Assumptions.abort("known failure (" + knownReason.orElseThrow() + "); " + first);
            }
            case FAILED -> {
                REPORT.add(name, status, first, millis);
                Assertions.fail(failure);
            }
        }
    }

    /** Runs the case and compares; a timeout or an exception out of jplay is a difference of its own. */
    private List<Difference> run(ConformanceCase testCase) {
        try (CaseSandbox sandbox = new CaseSandbox()) {
            Outcome raw = jplay.run(testCase.commandLine(sandbox.workDir()), environment.forRun(sandbox),
                    testCase.dir(), sandbox.workDir());
            Normaliser normaliser = new Normaliser(sandbox.workDir().toString(), testCase.dir().toString(),
                    suite.dir().toString());
            return OutcomeComparison.compare(testCase.expected(), raw.normalised(normaliser), testCase.compareMode());
        } catch (InProcessJplay.CaseTimedOut e) {
            return List.of(new Difference("run", "timed out", e.getMessage()));
        } catch (IllegalStateException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return List.of(new Difference("run", "jplay threw " + cause, stackTrace(cause)));
        }
    }

    private static String failureMessage(ConformanceCase testCase, List<Difference> differences) {
        StringBuilder sb = new StringBuilder(testCase.name()).append(" differs from ansible-playbook (compare: ")
                .append(testCase.compareMode()).append("; run it alone with -Dconformance.case=")
                .append(testCase.name()).append(")\n");
        for (Difference d : differences) {
            sb.append('\n').append(d.firstDifference()).append('\n').append(d.detail()).append('\n');
        }
        return sb.toString();
    }

    /** target/conformance-diffs/CASE.diff while the case differs; removed when it passes. */
    private static void writeDiff(String name, String failure) {
        Path file = DIFFS_DIR.resolve(name + ".diff");
        try {
            if (failure.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                Files.createDirectories(DIFFS_DIR);
                Files.writeString(file, failure, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }
}
