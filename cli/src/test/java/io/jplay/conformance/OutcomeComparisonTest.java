package io.jplay.conformance;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeComparisonTest {

    private static final String STDOUT = "\nPLAY [p] ***\n\nPLAY RECAP ***\nlocalhost : ok=1   \n";
    private static final Outcome EXPECTED = new Outcome(0, STDOUT, "", Optional.of("{\n    \"a\": 1,\n    \"b\": [\n        2\n    ]\n}"));

    @Test
    void identicalOutcomesPass() {
        assertThat(OutcomeComparison.compare(EXPECTED, EXPECTED, CompareMode.FULL)).isEmpty();
    }

    @Test
    void eachPartIsComparedAndReportedWithItsFirstDifferingLine() {
        Outcome actual = new Outcome(2, STDOUT.replace("ok=1   ", "ok=1"), "[WARNING]: x\n",
                Optional.of("{\"a\": 1, \"b\": [3]}"));
        assertThat(OutcomeComparison.compare(EXPECTED, actual, CompareMode.FULL))
                .extracting(Difference::firstDifference)
                .containsExactly(
                        "stderr: line 1: expected <end of text>, was \"[WARNING]: x\\n\"",
                        "stdout: line 5: expected \"localhost : ok=1   \\n\", was \"localhost : ok=1\\n\"",
                        "rc: expected 0, was 2",
                        "results.json: line 4: expected \"        2\\n\", was \"        3\\n\"");
    }

    @Test
    void resultsAreComparedAsJson() {
        Outcome actual = new Outcome(0, STDOUT, "", Optional.of("{\"b\":[2],\"a\":1}"));
        assertThat(OutcomeComparison.compare(EXPECTED, actual, CompareMode.FULL)).isEmpty();
    }

    @Test
    void resultsOnOneSideOnlyDiffer() {
        Outcome none = new Outcome(0, STDOUT, "", Optional.empty());
        assertThat(OutcomeComparison.compare(EXPECTED, none, CompareMode.FULL))
                .extracting(Difference::firstDifference).containsExactly("results.json: not written by jplay");
        assertThat(OutcomeComparison.compare(none, EXPECTED, CompareMode.FULL))
                .extracting(Difference::firstDifference).containsExactly("results.json: written by jplay, not by Ansible");
        Outcome broken = new Outcome(0, STDOUT, "", Optional.of("{\"a\": "));
        assertThat(OutcomeComparison.compare(EXPECTED, broken, CompareMode.FULL))
                .extracting(Difference::part).containsExactly("results.json");
    }

    @Test
    void sortedLinesIgnoresLineOrderOnly() {
        Outcome expected = new Outcome(0, "  hosts (2):\n    b\n    a\n", "", Optional.empty());
        Outcome reordered = new Outcome(0, "  hosts (2):\n    a\n    b\n", "", Optional.empty());
        Outcome different = new Outcome(0, "  hosts (2):\n    a\n    c\n", "", Optional.empty());
        assertThat(OutcomeComparison.compare(expected, reordered, CompareMode.SORTED_LINES)).isEmpty();
        assertThat(OutcomeComparison.compare(expected, reordered, CompareMode.FULL)).hasSize(1);
        assertThat(OutcomeComparison.compare(expected, different, CompareMode.SORTED_LINES)).hasSize(1);
    }

    @Test
    void resultsOnlyIgnoresStdoutButNotTheRest() {
        Outcome actual = new Outcome(0, "anything\n", "", EXPECTED.resultsJson());
        assertThat(OutcomeComparison.compare(EXPECTED, actual, CompareMode.RESULTS_ONLY)).isEmpty();
        Outcome failing = new Outcome(1, "anything\n", "", EXPECTED.resultsJson());
        assertThat(OutcomeComparison.compare(EXPECTED, failing, CompareMode.RESULTS_ONLY))
                .extracting(Difference::part).containsExactly("rc");
    }

    @Test
    void theDiffIsInTheDetail() {
        Difference d = OutcomeComparison.text("stdout", "a\nb\n", "a\nc\n").orElseThrow();
        assertThat(d.detail()).isEqualTo("--- ansible stdout\n+++ jplay stdout\n@@ -1,2 +1,2 @@\n a\n-b\n+c");
    }
}
