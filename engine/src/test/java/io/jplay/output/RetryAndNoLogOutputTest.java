package io.jplay.output;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.jplay.output.Harness.commandArgs;
import static io.jplay.output.Harness.commandResult;
import static io.jplay.output.Harness.debugResult;
import static io.jplay.output.Harness.expected;
import static io.jplay.output.Harness.list;
import static io.jplay.output.Harness.map;
import static org.assertj.core.api.Assertions.assertThat;

/** fatal.yml (until/retries, any_errors_fatal: NO MORE HOSTS LEFT) and nolog.yml (censored loops and retries). */
class RetryAndNoLogOutputTest {

    @Test
    void retriesAndNoMoreHostsLeft() {
        Harness h = new Harness(0, false);
        retriesThenFatal(h);
        assertThat(h.stdout()).isEqualTo(expected("fatal.out"));
    }

    @Test
    void retriesInColour() {
        Harness h = new Harness(0, true);
        retriesThenFatal(h);
        assertThat(h.stdout()).isEqualTo(expected("fatal.color.out"));
    }

    private static void retriesThenFatal(Harness h) {
        PlaybookCallback events = h.events;
        events.playStart(PlayInfo.of("localhost,web1"));
        TaskInfo retry = TaskInfo.of("1", "Retry", "command");
        events.taskStart(retry, true);
        for (long attempt = 1; attempt <= 2; attempt++) {
            Map<String, Object> attemptResult = commandResult(true, list("echo", "x"), 0, "x", commandArgs("echo x", false));
            attemptResult.put("attempts", attempt);
            attemptResult.put("retries", 3L);
            attemptResult.put("_ansible_retry", true);
            events.runnerRetry(new TaskResult("localhost", retry, attemptResult));
        }
        Map<String, Object> last = commandResult(true, list("echo", "x"), 0, "x", commandArgs("echo x", false));
        last.put("attempts", 2L);
        last.put("failed", true);
        events.runnerFailed(new TaskResult("localhost", retry, last), true);
        events.runnerSkipped(new TaskResult("web1", retry, map("changed", false, "skipped", true,
                "skip_reason", "Conditional result was False")));

        TaskInfo boom = TaskInfo.of("2", "Boom", "fail");
        events.taskStart(boom, true);
        events.runnerSkipped(new TaskResult("localhost", boom, map("changed", false, "skipped", true)));
        events.runnerFailed(new TaskResult("web1", boom, map("msg", "fatal", "changed", false, "failed", true)), false);
        events.noHostsRemaining();

        h.count("localhost", 1, 1, 0, 0, 1, 0, 1);
        h.count("web1", 0, 0, 0, 1, 1, 0, 0);
        events.stats(h.stats);
    }

    private static void noLog(Harness h) {
        PlaybookCallback events = h.events;
        events.playStart(PlayInfo.of("localhost"));
        TaskInfo loop = TaskInfo.of("1", "Secret loop", "debug").withLoop(true).withNoLog(true);
        events.taskStart(loop, false);
        Map<String, Object> a = debugResult("msg", "a", "item", "a", "ansible_loop_var", "item", "_ansible_item_label", "a");
        Map<String, Object> b = debugResult("msg", "b", "item", "b", "ansible_loop_var", "item", "_ansible_item_label", "b");
        a.put("_ansible_no_log", true);
        b.put("_ansible_no_log", true);
        events.runnerItemOk(new TaskResult("localhost", loop, a));
        events.runnerItemOk(new TaskResult("localhost", loop, b));
        events.runnerOk(new TaskResult("localhost", loop, map("results", List.of(a, b), "changed", false,
                "msg", "All items completed")));

        TaskInfo retry = TaskInfo.of("2", "Retry", "command").withNoLog(true);
        events.taskStart(retry, true);
        Map<String, Object> attempt = commandResult(true, list("echo", "x"), 0, "x", commandArgs("echo x", false));
        attempt.put("attempts", 1L);
        attempt.put("retries", 2L);
        events.runnerRetry(new TaskResult("localhost", retry, attempt));
        Map<String, Object> last = commandResult(true, list("echo", "x"), 0, "x", commandArgs("echo x", false));
        last.put("attempts", 1L);
        last.put("failed", true);
        events.runnerFailed(new TaskResult("localhost", retry, last), true);

        h.count("localhost", 2, 1, 0, 0, 0, 0, 1);
        events.stats(h.stats);
    }

    @Test
    void noLogCensorsItemsAndResults() {
        Harness h = new Harness(0, false);
        noLog(h);
        assertThat(h.stdout()).isEqualTo(expected("nolog.out"));
    }

    @Test
    void noLogCensoredResultsAtVerbose() {
        Harness h = new Harness(1, false);
        h.display.v("No config file found; using defaults");
        noLog(h);
        assertThat(h.stdout()).isEqualTo(expected("nolog-v.out"));
    }
}
