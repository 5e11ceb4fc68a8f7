package io.jplay.conformance;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConformanceCaseTest {

    private final ConformanceSuite suite = ConformanceSuite.locate();

    @Test
    void argsAreWholeLinesWithoutBlankAndCommentLines() {
        assertThat(ConformanceCase.argLines("-e\nsimple=1 other=\"two words\"\n\n# comment\n --x\n"))
                .containsExactly("-e", "simple=1 other=\"two words\"", " --x");
    }

    @Test
    void compareModes() {
        assertThat(CompareMode.parse("compare: sorted-lines\n")).isEqualTo(CompareMode.SORTED_LINES);
        assertThat(CompareMode.parse("# why\ncompare:results-only\n")).isEqualTo(CompareMode.RESULTS_ONLY);
        assertThatThrownBy(() -> CompareMode.parse("compare: fuzzy\n")).hasMessageContaining("fuzzy");
    }

    @Test
    void commandLineOfACaseWithArgsAndItsOwnInventory() {
        ConformanceCase c = suite.load("076-extra-vars");
        assertThat(c.commandLine(Path.of("/w"))).containsExactly("-i", suite.dir() + "/inventory.local",
                "-e", "work_dir=/w", "-e", "simple=1 other=\"two words\"", "-e", "{\"json_var\": [1, 2], \"over\": \"json\"}",
                "-e", "@vars/ev.yml", "-e", "set_in_play=cli", "playbook.yml");
        ConformanceCase withInventory = suite.load("002-hosts-patterns");
        assertThat(withInventory.inventory()).isEqualTo(withInventory.dir().resolve("inventory"));
        assertThat(suite.load("068-list-hosts").compareMode()).isEqualTo(CompareMode.SORTED_LINES);
    }

    @Test
    void selectionByNameRejectsUnknownCases() {
        assertThat(suite.select(null)).hasSize(suite.caseNames().size()).startsWith("001-play-basics");
        assertThat(suite.select("002-hosts-patterns, cases/001-play-basics/")).containsExactly("002-hosts-patterns", "001-play-basics");
        assertThatThrownBy(() -> suite.select("999-nope")).hasMessageContaining("no such case");
    }
}
