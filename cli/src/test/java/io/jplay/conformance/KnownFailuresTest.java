package io.jplay.conformance;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnownFailuresTest {

    @Test
    void namesWithReasonsCommentsAndBlankLines() {
        KnownFailures known = KnownFailures.parse("""
                # header
                001-play-basics  # not run yet: executor

                002-hosts-patterns
                """);
        assertThat(known.names()).containsExactly("001-play-basics", "002-hosts-patterns");
        assertThat(known.reason("001-play-basics")).contains("not run yet: executor");
        assertThat(known.reason("002-hosts-patterns")).contains("no reason given");
        assertThat(known.reason("003-play-vars-precedence")).isEmpty();
    }

    @Test
    void aNameTwiceOrTwoNamesOnALineAreErrors() {
        assertThatThrownBy(() -> KnownFailures.parse("001-a\n001-a # again\n")).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> KnownFailures.parse("001-a 002-b\n")).hasMessageContaining("line 1");
    }

    @Test
    void pruningRemovesOnlyTheNamedCasesLines() {
        String text = "# header\n001-a  # r1\n002-b # r2\n\n003-c\n";
        assertThat(KnownFailures.withoutCases(text, Set.of("002-b", "003-c", "009-unlisted")))
                .isEqualTo("# header\n001-a  # r1\n\n");
    }
}
