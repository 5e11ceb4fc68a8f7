package io.jplay.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import java.util.List;
import java.util.Map;

import static io.jplay.output.Harness.commandArgs;
import static io.jplay.output.Harness.commandResult;
import static io.jplay.output.Harness.debugResult;
import static io.jplay.output.Harness.expected;
import static io.jplay.output.Harness.list;
import static io.jplay.output.Harness.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * unreach.yml and unreach2.yml: an unreachable host (ignored or not), module warnings and deprecations,
 * a module exception, include_tasks with and without a loop, a failure that ends the play.
 */
class FailureOutputTest {

    private static final String SSH_REFUSED = "Failed to connect to the host via ssh: ssh: connect to host 127.0.0.1 port 1: Connection refused";
    private static final String TRACEBACK = "Traceback (most recent call last):\n"
            + "  File \"/home/ops/.ansible/tmp/ansible-tmp-1/AnsiballZ_crash.py\", line 3, in <module>\n"
            + "    raise ValueError(\"kaboom\")\nValueError: kaboom\n";

    private static Map<String, Object> unreachable() {
        return map("unreachable", true, "msg", SSH_REFUSED, "changed", false);
    }

    private static void unreach(Harness h) {
        PlaybookCallback events = h.events;
        events.playStart(PlayInfo.of("localhost,deadhost"));
        TaskInfo ping = TaskInfo.of("1", "Ping", "ping");
        events.taskStart(ping, false);
        events.runnerOk(new TaskResult("localhost", ping, map("ping", "pong", "changed", false,
                "invocation", map("module_args", map("data", "pong")), "_ansible_no_log", false)));
        events.runnerUnreachable(new TaskResult("deadhost", ping, unreachable()));
        TaskInfo pingIgnoring = TaskInfo.of("2", "Ping ignoring", "ping").withIgnoreUnreachable(true);
        events.taskStart(pingIgnoring, false);
        events.runnerOk(new TaskResult("localhost", pingIgnoring, map("ping", "pong", "changed", false)));

        events.playStart(PlayInfo.of("localhost"));
        TaskInfo warnings = TaskInfo.of("3", "Module warnings", "boom");
        events.taskStart(warnings, false);
        events.runnerOk(new TaskResult("localhost", warnings, map("changed", false,
                "warnings", list("a warning from the module that is rather long so that the wrapping of warnings "
                        + "at seventy nine columns can be observed"),
                "deprecations", list(map("msg", "old option", "version", "2.99", "collection_name", "ansible.builtin")),
                "invocation", map("module_args", map()))));

        TaskInfo crash = TaskInfo.of("4", "Crash", "crash");
        events.taskStart(crash, false);
        events.runnerFailed(new TaskResult("localhost", crash, map("failed", true, "msg",
                "MODULE FAILURE\nSee stdout/stderr for the exact error", "module_stdout", "", "module_stderr", TRACEBACK,
                "exception", TRACEBACK, "rc", 1L, "changed", false, "_ansible_no_log", false)), true);

        TaskInfo includeLoop = TaskInfo.of("5", "include_tasks", "include_tasks").withLoop(true).asInclude();
        events.taskStart(includeLoop, false);
        Map<String, Object> one = map("include", "inc.yml", "item", 1L, "ansible_loop_var", "item", "_ansible_item_label", 1L);
        Map<String, Object> two = map("include", "inc.yml", "item", 2L, "ansible_loop_var", "item", "_ansible_item_label", 2L);
        events.runnerItemOk(new TaskResult("localhost", includeLoop, one));
        events.runnerItemOk(new TaskResult("localhost", includeLoop, two));
        events.runnerOk(new TaskResult("localhost", includeLoop, map("results", List.of(one, two), "changed", false)));
        events.playbookInclude(new IncludedFile("/srv/playbooks/inc.yml", List.of("localhost"),
                map("item", 1L, "ansible_loop_var", "item", "_ansible_item_label", 1L)));
        events.playbookInclude(new IncludedFile("/srv/playbooks/inc.yml", List.of("localhost"),
                map("item", 2L, "ansible_loop_var", "item", "_ansible_item_label", 2L)));
        for (String n : new String[]{"1", "2"}) {
            TaskInfo debug = TaskInfo.of("inc" + n, "debug", "debug");
            events.taskStart(debug, false);
            events.runnerOk(new TaskResult("localhost", debug, debugResult("msg", "included " + n)));
        }

        TaskInfo include = TaskInfo.of("6", "include_tasks", "include_tasks").asInclude();
        events.taskStart(include, false);
        events.runnerOk(new TaskResult("localhost", include, map("include", "inc.yml", "changed", false)));
        events.playbookInclude(new IncludedFile("/srv/playbooks/inc.yml", List.of("localhost"), map()));
        TaskInfo debug = TaskInfo.of("inc3", "debug", "debug");
        events.taskStart(debug, false);
        events.runnerOk(new TaskResult("localhost", debug, debugResult("msg", "included none")));

        TaskInfo fail = TaskInfo.of("7", "Fail for real", "command");
        events.taskStart(fail, false);
        events.runnerFailed(new TaskResult("localhost", fail,
                commandResult(true, list("/bin/false"), 1, "", commandArgs("/bin/false", false))), false);

        h.count("deadhost", 0, 0, 1, 0, 0, 0, 0);
        h.count("localhost", 10, 0, 0, 1, 0, 0, 1);
        events.stats(h.stats);
    }

    @Test
    void unreachableWarningsExceptionsAndIncludes() {
        Harness h = new Harness(0, false);
        unreach(h);
        assertThat(h.stdout()).isEqualTo(expected("unreach.out"));
        assertThat(h.stderr()).isEqualTo(expected("unreach.err"));
    }

    @Test
    void logFileGetsEveryLineButDebugOnesWithAnsiblesPrefix(@TempDir Path dir) throws IOException {
        Path logPath = dir.resolve("ansible.log");
        LogFile log = new LogFile(logPath, 4242, "ops", () -> LocalDateTime.of(2026, 11, 22, 3, 0));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Display display = new Display(out, err, 0, true, 79, true, log, Palette.defaults());
        Harness h = new Harness(display, CallbackOptions.defaults());
        unreach(h);
        assertThat(Files.readString(logPath)).isEqualTo(expected("unreach.log"));
    }

    @Test
    void unreachableIncludesAndWarningsInColour() {
        Harness h = new Harness(0, true);
        unreach(h);
        assertThat(h.stdout()).isEqualTo(expected("unreach.color.out"));
        assertThat(h.stderr()).isEqualTo(expected("unreach.color.err"));
    }

    @Test
    void ignoredUnreachableThenFailure() {
        Harness h = new Harness(0, false);
        h.events.playStart(PlayInfo.of("deadhost"));
        TaskInfo ping = TaskInfo.of("1", "Ping ignoring", "ping").withIgnoreUnreachable(true);
        h.events.taskStart(ping, false);
        h.events.runnerUnreachable(new TaskResult("deadhost", ping, unreachable()));
        TaskInfo fail = TaskInfo.of("2", "Fail all", "fail");
        h.events.taskStart(fail, false);
        h.events.runnerFailed(new TaskResult("deadhost", fail, map("msg", "bye", "changed", false, "failed", true)), false);
        h.count("deadhost", 1, 0, 0, 1, 0, 0, 1);
        h.events.stats(h.stats);
        assertThat(h.stdout()).isEqualTo(expected("unreach2.out"));
    }

    @Test
    void fullTracebackFromThirdVerbosity() {
        Harness h = new Harness(3, false);
        TaskInfo crash = TaskInfo.of("4", "Crash", "crash");
        h.events.taskStart(crash, false);
        h.events.runnerFailed(new TaskResult("localhost", crash, map("failed", true, "msg", "MODULE FAILURE",
                "exception", TRACEBACK)), false);
        // Ansible checked: the traceback's own final newline is the line end, no empty line follows.
        assertThat(h.stdout()).contains("The full traceback is:\n" + TRACEBACK + "fatal: [localhost]: FAILED! => {\n"
                + "    \"msg\": \"MODULE FAILURE\"\n}\n");
    }

    @Test
    void failuresOnStderrWhenAsked() {
        Harness h = new Harness(0, false, new CallbackOptions(true, true, true, false, false, false, false, false,
                true, 3, false));
        TaskInfo fail = TaskInfo.of("1", "Fail", "fail");
        h.events.taskStart(fail, false);
        h.events.runnerFailed(new TaskResult("web1", fail, map("msg", "bye", "failed", true)), true);
        assertThat(h.stderr()).isEqualTo("fatal: [web1]: FAILED! => {\"msg\": \"bye\"}\n");
        assertThat(h.stdout()).endsWith("*\n...ignoring\n");
    }
}
