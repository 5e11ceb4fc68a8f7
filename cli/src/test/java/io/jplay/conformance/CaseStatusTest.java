package io.jplay.conformance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseStatusTest {

    @Test
    void aListedCaseThatPassesIsAnUnexpectedPass() {
        assertThat(CaseStatus.of(true, false)).isEqualTo(CaseStatus.PASSED);
        assertThat(CaseStatus.of(true, true)).isEqualTo(CaseStatus.UNEXPECTED_PASS);
        assertThat(CaseStatus.of(false, true)).isEqualTo(CaseStatus.KNOWN_FAILURE);
        assertThat(CaseStatus.of(false, false)).isEqualTo(CaseStatus.FAILED);
    }

    @Test
    void theSummaryCountsUnexpectedPassesAsFailed() {
        ConformanceReport report = new ConformanceReport();
        report.add("001-a", CaseStatus.PASSED, "", 5);
        report.add("002-b", CaseStatus.KNOWN_FAILURE, "not run yet: executor | rc: expected 0, was 1", 5);
        report.add("003-c", CaseStatus.FAILED, "rc: expected 0, was 1", 5);
        report.add("004-d", CaseStatus.UNEXPECTED_PASS, "passes", 5);
        assertThat(report.summary()).startsWith("conformance: 1 passed, 1 known failures, 2 failed (1 of them");
        assertThat(report.table()).contains("003-c", "FAILED", "rc: expected 0, was 1");
    }
}
