package io.jplay.output;

import org.junit.jupiter.api.Test;

import static io.jplay.output.Harness.debugResult;
import static io.jplay.output.Harness.map;
import static org.assertj.core.api.Assertions.assertThat;

/** default.py under the free strategy: banners come with results, again whenever the task changes. */
class FreeStrategyOutputTest {

    @Test
    void bannerRepeatsWhenHostsInterleaveTasks() {
        Harness h = new Harness(0, false);
        h.events.playStart(new PlayInfo("all", false, "free"));
        TaskInfo a = TaskInfo.of("a", "First", "debug");
        TaskInfo b = TaskInfo.of("b", "Second", "command");
        h.events.taskStart(a, false);
        h.events.runnerOk(new TaskResult("web1", a, debugResult("msg", "1")));
        h.events.taskStart(b, false);
        h.events.runnerOk(new TaskResult("web1", b, map("changed", true)));
        h.events.taskStart(a, false);
        h.events.runnerOk(new TaskResult("web2", a, debugResult("msg", "2")));
        assertThat(h.stdout()).isEqualTo("""

                PLAY [all] *********************************************************************

                TASK [First] *******************************************************************
                ok: [web1] => {
                    "msg": "1"
                }

                TASK [Second] ******************************************************************
                changed: [web1]

                TASK [First] *******************************************************************
                ok: [web2] => {
                    "msg": "2"
                }
                """);
    }

    @Test
    void linearBannerComesAtTaskStartEvenWithoutResults() {
        Harness h = new Harness(0, false);
        h.events.playStart(PlayInfo.of("all"));
        h.events.cleanupTaskStart(TaskInfo.of("c", "cleanup", "debug"));
        h.events.runnerStart("web1", TaskInfo.of("c", "cleanup", "debug"));
        assertThat(h.stdout()).endsWith("\nCLEANUP TASK [cleanup] *********************************************************\n");
    }

    @Test
    void perHostStartLines() {
        Harness h = new Harness(0, false, new CallbackOptions(true, true, false, false, true, false, false, false,
                true, 3, false));
        h.events.runnerStart("web1", TaskInfo.of("c", "Say hello", "debug"));
        assertThat(h.stdout()).isEqualTo(" [started TASK: Say hello on web1]\n");
    }

    @Test
    void playWithoutNameAndTaskArgsHiddenByNoLog() {
        Harness h = new Harness(0, false, CallbackOptions.defaults().withDisplayArgsToStdout(true));
        h.events.playStart(new PlayInfo("  ", false, "linear"));
        h.events.taskStart(TaskInfo.of("1", "Secret", "command").withNoLog(true).withArgs(Harness.map("_raw_params", "pw")), false);
        h.events.taskStart(TaskInfo.of("2", "Shown", "command").withArgs(Harness.map("_raw_params", "ls", "chdir", "/tmp")), false);
        assertThat(h.stdout()).isEqualTo("\nPLAY " + "*".repeat(75) + "\n\nTASK [Secret] " + "*".repeat(66)
                + "\n\nTASK [Shown _raw_params=ls, chdir=/tmp] " + "*".repeat(40) + "\n");
    }
}
