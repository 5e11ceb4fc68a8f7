package io.jplay.conformance;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness on every real case, without jplay: the recorded outcome with its placeholders turned back into
 * the kind of paths and times a run prints must normalise and compare as equal, and a one-line change must not.
 * Guards against a harness that passes everything (or nothing) whatever jplay does.
 */
class RecordedOutcomesRoundTripTest {

    private static final String WORK = "/tmp/jplay-conformance-42/work";
    private static final String LOCAL_TMP = "/tmp/jplay-conformance-42/tmp/local/ansible-local-77xy/tmpa1b2c3";

    private final ConformanceSuite suite = ConformanceSuite.locate();

    @TestFactory
    Stream<DynamicTest> everyRecordedOutcomeSurvivesNormalisation() {
        return suite.caseNames().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            ConformanceCase c = suite.load(name);
            Normaliser normaliser = new Normaliser(WORK, c.dir().toString(), suite.dir().toString());
            Outcome expected = c.expected();
            Outcome asPrinted = new Outcome(expected.rc(), denormalise(expected.stdout(), c),
                    denormalise(expected.stderr(), c), expected.resultsJson().map(text -> denormalise(text, c)));

            assertThat(OutcomeComparison.compare(expected, asPrinted.normalised(normaliser), c.compareMode())).isEmpty();

            Outcome oneLineMore = new Outcome(asPrinted.rc(), asPrinted.stdout(), asPrinted.stderr() + "extra\n",
                    asPrinted.resultsJson());
            assertThat(OutcomeComparison.compare(expected, oneLineMore.normalised(normaliser), c.compareMode()))
                    .extracting(Difference::part).containsExactly("stderr");
            Outcome noResults = new Outcome(asPrinted.rc(), asPrinted.stdout(), asPrinted.stderr(), Optional.empty());
            assertThat(OutcomeComparison.compare(expected, noResults.normalised(normaliser), c.compareMode()))
                    .hasSize(expected.resultsJson().isPresent() ? 1 : 0);
        }));
    }

    private String denormalise(String text, ConformanceCase c) {
        return text.replace("@WORK@", WORK).replace("@CASE@", c.dir().toString())
                .replace("@SUITE@", suite.dir().toString()).replace("@LOCALTMP@", LOCAL_TMP)
                .replace("\"@TIME@\"", "\"2026-11-22 04:00:00.123456\"");
    }
}
