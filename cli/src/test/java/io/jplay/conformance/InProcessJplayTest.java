package io.jplay.conformance;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InProcessJplayTest {

    private final InProcessJplay jplay = new InProcessJplay(Duration.ofSeconds(60));

    @Test
    void capturesExitCodeAndBothStreams() throws Exception {
        Path work = Files.createTempDirectory("jplay-inprocess-");
        try {
            Outcome help = jplay.run(List.of("--help"), Map.of(), work, work);
            assertThat(help.rc()).isZero();
            assertThat(help.stdout()).contains("Usage: jplay");
            assertThat(help.resultsJson()).isEmpty();

            Files.writeString(work.resolve("results.json"), "{}");
            Outcome badOption = jplay.run(List.of("--no-such-option"), Map.of(), work, work);
            assertThat(badOption.rc()).isEqualTo(2);
            assertThat(badOption.stderr()).startsWith("ERROR! ");
            assertThat(badOption.resultsJson()).contains("{}");
        } finally {
            Files.deleteIfExists(work.resolve("results.json"));
            Files.delete(work);
        }
    }

    @Test
    void aRunThatHangsTimesOutAndIsInterrupted() {
        CountDownLatch interrupted = new CountDownLatch(1);
        assertThatThrownBy(() -> InProcessJplay.callWithTimeout(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return 0;
        }, Duration.ofMillis(100))).isInstanceOf(TimeoutException.class);
        assertThat(awaitQuietly(interrupted)).isTrue();
    }

    @Test
    void anExceptionOutOfJplayIsReportedWithItsCause() {
        assertThatThrownBy(() -> InProcessJplay.callWithTimeout(() -> {
            throw new NullPointerException("boom");
        }, Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("boom");
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            return false;
        }
    }
}
