package io.jplay.output;

import org.junit.jupiter.api.Test;

import static io.jplay.output.Harness.debugResult;
import static io.jplay.output.Harness.expected;
import static io.jplay.output.Harness.list;
import static io.jplay.output.Harness.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * check.yml: DRY RUN and [CHECK MODE] markers with --check, a free-strategy play; and the same playbook
 * without --check, skipped hosts hidden and task arguments in the banners.
 */
class CheckModeAndStrategyOutputTest {

    private static void run(Harness h, boolean check) {
        PlaybookCallback events = h.events;
        events.playbookStart("/srv/playbooks/check.yml");
        events.playStart(new PlayInfo("Checked", check, "linear"));

        // What Ansible 2.14 holds as the args of a command task once it ran (shown by display_args_to_stdout).
        TaskInfo wouldChange = TaskInfo.of("1", "Would change", "command").withCheckMode(check).withArgs(map(
                "_raw_params", "echo hi", "_ansible_check_mode", false, "_ansible_no_log", false,
                "_ansible_debug", false, "_ansible_diff", false, "_ansible_verbosity", 0L,
                "_ansible_version", "2.14.18", "_ansible_module_name", "ansible.legacy.command",
                "_ansible_syslog_facility", "LOG_USER",
                "_ansible_selinux_special_fs", list("fuse", "nfs", "vboxsf", "ramfs", "9p", "vfat"),
                "_ansible_string_conversion_action", "warn", "_ansible_socket", null,
                "_ansible_shell_executable", "/bin/sh", "_ansible_keep_remote_files", false,
                "_ansible_tmpdir", "/home/ops/.ansible/tmp/ansible-tmp-1/", "_ansible_remote_tmp", "~/.ansible/tmp"));
        events.taskStart(wouldChange, false);
        if (check) {
            events.runnerSkipped(new TaskResult("localhost", wouldChange, map("changed", false,
                    "msg", "Command would have run if not in check mode", "skipped", true)));
        } else {
            events.runnerOk(new TaskResult("localhost", wouldChange, map("changed", true, "rc", 0L, "stdout", "hi")));
        }

        TaskInfo forced = TaskInfo.of("2", "Forced check", "debug").withCheckMode(true).withArgs(map("msg", "x"));
        events.taskStart(forced, false);
        events.runnerOk(new TaskResult("localhost", forced, debugResult("msg", "x")));

        events.playStart(new PlayInfo("localhost", check, "free"));
        TaskInfo free = TaskInfo.of("3", "Free task", "debug").withCheckMode(check).withArgs(map("msg", "free"));
        events.taskStart(free, false);
        events.runnerOk(new TaskResult("localhost", free, debugResult("msg", "free")));
        TaskInfo freeSkip = TaskInfo.of("4", "Free skip", "debug").withCheckMode(check).withArgs(map("msg", "x"));
        events.taskStart(freeSkip, true);
        events.runnerSkipped(new TaskResult("localhost", freeSkip,
                map("changed", false, "skip_reason", "Conditional result was False", "skipped", true)));

        if (check) {
            h.count("localhost", 2, 0, 0, 0, 2, 0, 0);
        } else {
            h.count("localhost", 3, 1, 0, 0, 1, 0, 0);
        }
        events.stats(h.stats);
    }

    @Test
    void dryRunAndCheckModeMarkers() {
        Harness h = new Harness(0, false, CallbackOptions.defaults().withCheckRun(true).withCheckModeMarkers(true));
        run(h, true);
        assertThat(h.stdout()).isEqualTo(expected("check.out"));
    }

    @Test
    void noMarkersUnlessCheckModeMarkersIsOn() {
        Harness h = new Harness(0, false, CallbackOptions.defaults().withCheckRun(true));
        run(h, true);
        assertThat(h.stdout()).doesNotContain("DRY RUN").doesNotContain("[CHECK MODE]").contains("PLAY [Checked] ****");
    }

    @Test
    void hiddenSkipsDelayBannersAndArgsAreShown() {
        Harness h = new Harness(0, false, CallbackOptions.defaults().withDisplaySkippedHosts(false)
                .withDisplayArgsToStdout(true));
        run(h, false);
        assertThat(h.stdout()).isEqualTo(expected("check2.out"));
    }

    @Test
    void hiddenOkResultsPrintNoBannerForTasksWithOnlyOkResults() {
        Harness h = new Harness(0, false, CallbackOptions.defaults().withDisplayOkHosts(false));
        h.events.playStart(PlayInfo.of("all"));
        TaskInfo quiet = TaskInfo.of("1", "Quiet", "debug");
        h.events.taskStart(quiet, false);
        h.events.runnerOk(new TaskResult("web1", quiet, debugResult("msg", "x")));
        TaskInfo loud = TaskInfo.of("2", "Loud", "command");
        h.events.handlerTaskStart(loud);
        h.events.runnerOk(new TaskResult("web1", loud, map("changed", true)));
        assertThat(h.stdout()).isEqualTo("""

                PLAY [all] *********************************************************************

                RUNNING HANDLER [Loud] *********************************************************
                changed: [web1]
                """);
    }
}
