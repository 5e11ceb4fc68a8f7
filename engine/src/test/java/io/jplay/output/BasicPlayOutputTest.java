package io.jplay.output;

import org.junit.jupiter.api.Test;

import static io.jplay.output.Harness.commandArgs;
import static io.jplay.output.Harness.commandResult;
import static io.jplay.output.Harness.debugResult;
import static io.jplay.output.Harness.expected;
import static io.jplay.output.Harness.list;
import static io.jplay.output.Harness.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * basic.yml: a debug msg, a debug var, a changed command, an ignored failing command, a skipped task and an
 * ignored fail, at each verbosity and in colour, as ansible-playbook 2.14 printed them.
 */
class BasicPlayOutputTest {

    private static final String HOST = "localhost";

    private static void run(Harness h) {
        PlaybookCallback events = h.events;
        events.playbookStart("/srv/playbooks/basic.yml");
        h.display.vv("1 plays in basic.yml");
        events.playStart(PlayInfo.of("Basic play"));

        TaskInfo hello = task("1", "Say hello", "debug", 8);
        events.taskStart(hello, false);
        events.runnerOk(new TaskResult(HOST, hello, debugResult("msg", "Hello ünïcode")));

        TaskInfo var = task("2", "debug", "debug", 11);
        events.taskStart(var, false);
        events.runnerOk(new TaskResult(HOST, var,
                debugResult("nested", map("b", 2L, "a", list(1L, "two", null, true, 1.5)))));

        TaskInfo change = task("3", "Change something", "command", 13);
        events.taskStart(change, false);
        events.runnerOk(new TaskResult(HOST, change,
                commandResult(true, list("echo", "changed"), 0, "changed", commandArgs("echo changed", false))));

        TaskInfo fail = task("4", "Fail but ignore", "command", 15);
        events.taskStart(fail, false);
        events.runnerFailed(new TaskResult(HOST, fail,
                commandResult(true, list("/bin/false"), 1, "", commandArgs("/bin/false", false))), true);

        TaskInfo skipped = task("5", "Skipped task", "debug", 18);
        events.taskStart(skipped, true);
        events.runnerSkipped(new TaskResult(HOST, skipped,
                map("changed", false, "skip_reason", "Conditional result was False", "skipped", true)));

        TaskInfo failMsg = task("6", "Fail with message", "fail", 21);
        events.taskStart(failMsg, false);
        events.runnerFailed(new TaskResult(HOST, failMsg,
                map("msg", "this is a failure", "changed", false, "failed", true, "_ansible_no_log", false)), true);

        h.count(HOST, 5, 2, 0, 0, 1, 0, 2);
        events.stats(h.stats);
    }

    private static TaskInfo task(String uuid, String name, String action, int line) {
        return TaskInfo.of(uuid, name, action).withPath("/srv/playbooks/basic.yml:" + line);
    }

    @Test
    void defaultVerbosity() {
        Harness h = new Harness(0, false);
        run(h);
        assertThat(h.stdout()).isEqualTo(expected("basic.out"));
        assertThat(h.stderr()).isEmpty();
    }

    @Test
    void verboseShowsEveryResultOnOneLine() {
        Harness h = new Harness(1, false);
        h.display.v("No config file found; using defaults");
        run(h);
        assertThat(h.stdout()).isEqualTo(expected("basic-v.out"));
    }

    @Test
    void veryVerboseAddsPlaybookBannerAndTaskPaths() {
        Harness h = new Harness(2, false);
        run(h);
        assertThat(h.stdout()).isEqualTo(expected("basic-vv.out"));
    }

    @Test
    void thirdLevelIndentsResultsAndKeepsInvocation() {
        Harness h = new Harness(3, false);
        run(h);
        assertThat(h.stdout()).isEqualTo(expected("basic-vvv.out"));
    }

    @Test
    void colouredWhenColoursAreOn() {
        Harness h = new Harness(0, true);
        run(h);
        assertThat(h.stdout()).isEqualTo(expected("basic.color.out"));
    }
}
