package io.jplay.output;

import org.junit.jupiter.api.Test;

import static io.jplay.output.Harness.list;
import static io.jplay.output.Harness.map;
import static org.assertj.core.api.Assertions.assertThat;

class AggregateStatsTest {

    private final AggregateStats stats = new AggregateStats();

    @Test
    void countsPerHostAndListsProcessedHostsSorted() {
        stats.increment(AggregateStats.Counter.OK, "web2");
        stats.increment(AggregateStats.Counter.OK, "web1");
        stats.increment(AggregateStats.Counter.CHANGED, "web1");
        stats.increment(AggregateStats.Counter.DARK, "db");
        assertThat(stats.processedHosts()).containsExactly("db", "web1", "web2");
        assertThat(stats.summarize("web1")).isEqualTo(new AggregateStats.HostSummary(1, 1, 0, 0, 0, 0, 0));
        assertThat(stats.summarize("db").unreachable()).isEqualTo(1);
    }

    @Test
    void decrementNeverGoesBelowZero() {
        stats.increment(AggregateStats.Counter.OK, "h");
        stats.decrement(AggregateStats.Counter.OK, "h");
        stats.decrement(AggregateStats.Counter.OK, "h");
        stats.decrement(AggregateStats.Counter.FAILURES, "h");
        assertThat(stats.summarize("h")).isEqualTo(new AggregateStats.HostSummary(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void customStatsAggregateByType() {
        stats.updateCustomStats("n", 3L, null);
        stats.updateCustomStats("n", 4L, null);
        stats.updateCustomStats("l", list("a"), null);
        stats.updateCustomStats("l", list("b"), null);
        stats.updateCustomStats("s", "x", null);
        stats.updateCustomStats("s", "y", null);
        stats.updateCustomStats("d", map("a", map("x", 1L), "b", 1L), "web1");
        stats.updateCustomStats("d", map("a", map("y", 2L), "b", 2L), "web1");
        assertThat(stats.custom().get(AggregateStats.RUN)).isEqualTo(map("n", 7L, "l", list("a", "b"), "s", "xy"));
        assertThat(stats.custom().get("web1")).isEqualTo(map("d", map("a", map("x", 1L, "y", 2L), "b", 2L)));
    }

    @Test
    void mismatchedTypesAreIgnoredAndSetReplaces() {
        stats.updateCustomStats("n", 3L, null);
        stats.updateCustomStats("n", "text", null);
        stats.updateCustomStats("n", 1.5, null);
        assertThat(stats.custom().get(AggregateStats.RUN)).isEqualTo(map("n", 3L));
        stats.setCustomStats("n", "text", null);
        assertThat(stats.custom().get(AggregateStats.RUN)).isEqualTo(map("n", "text"));
    }
}
