package io.jplay.conformance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hunks as GNU {@code diff -u} prints them for the same inputs. */
class UnifiedDiffTest {

    @Test
    void separateHunksWithThreeLinesOfContextAndMissingNewline() {
        String a = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        String b = "a\nb\nX\nd\ne\nf\ng\nh\ni\nj\nk";
        assertThat(UnifiedDiff.of(a, b, "A", "B", 60)).isEqualTo("""
                --- A
                +++ B
                @@ -1,6 +1,6 @@
                 a
                 b
                -c
                +X
                 d
                 e
                 f
                @@ -8,3 +8,4 @@
                 h
                 i
                 j
                +k
                \\ No newline at end of file""");
    }

    @Test
    void emptySideIsNumberedByTheLineBefore() {
        assertThat(UnifiedDiff.of("one\ntwo\n", "", "A", "B", 60))
                .isEqualTo("--- A\n+++ B\n@@ -1,2 +0,0 @@\n-one\n-two");
        assertThat(UnifiedDiff.of("", "one\ntwo\n", "A", "B", 60))
                .isEqualTo("--- A\n+++ B\n@@ -0,0 +1,2 @@\n+one\n+two");
    }

    @Test
    void trailingSpacesAreADifference() {
        assertThat(UnifiedDiff.of("ok=1   \n", "ok=1\n", "A", "B", 60))
                .isEqualTo("--- A\n+++ B\n@@ -1,1 +1,1 @@\n-ok=1   \n+ok=1");
    }

    @Test
    void cutAfterMaxLines() {
        String diff = UnifiedDiff.of("x\n".repeat(100), "y\n".repeat(100), "A", "B", 10);
        assertThat(diff.split("\n")).hasSize(11);
        assertThat(diff).endsWith("... (193 more diff lines)");
    }
}
