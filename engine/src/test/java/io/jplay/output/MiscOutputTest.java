package io.jplay.output;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.jplay.output.Harness.commandArgs;
import static io.jplay.output.Harness.commandResult;
import static io.jplay.output.Harness.debugResult;
import static io.jplay.output.Harness.expected;
import static io.jplay.output.Harness.list;
import static io.jplay.output.Harness.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * misc.yml on two hosts: warnings raised per host, run_once + delegate_to, delegation to the host itself,
 * no_log results, set_stats (aggregated and per host), a handler, a play matching no hosts, custom stats.
 */
class MiscOutputTest {

    private static final String WARNING = "conditional statements should not include jinja2 templating delimiters "
            + "such as {{ }} or {% %}. Found: {{ true }}";

    private static void run(Harness h) {
        PlaybookCallback events = h.events;
        events.playStart(PlayInfo.of("localhost,web1"));

        TaskInfo warns = TaskInfo.of("1", "Templated conditional warns", "debug");
        events.taskStart(warns, true);
        for (String host : new String[]{"localhost", "web1"}) {
            // each host's worker warns on its own, as Ansible's forked workers do
            h.display.workerView().warning(WARNING);
            events.runnerOk(new TaskResult(host, warns, debugResult("msg", "hi")));
        }

        TaskInfo delegated = TaskInfo.of("2", "Delegated", "command").withDelegateTo("web1");
        events.taskStart(delegated, false);
        Map<String, Object> echo = commandResult(true, list("echo", "hi"), 0, "hi", commandArgs("echo hi", false));
        echo.put("_ansible_delegated_vars", map("ansible_host", "web1", "ansible_port", null,
                "ansible_user", "root", "ansible_connection", "local", "ansible_python_interpreter", "/usr/bin/python3"));
        events.runnerOk(new TaskResult("localhost", delegated, echo));

        TaskInfo toSelf = TaskInfo.of("3", "Delegated to self", "debug").withDelegateTo("localhost");
        events.taskStart(toSelf, false);
        events.runnerOk(new TaskResult("localhost", toSelf, debugResult("msg", "self")));
        Map<String, Object> fromWeb1 = debugResult("msg", "self");
        fromWeb1.put("_ansible_delegated_vars", map("ansible_host", "localhost", "ansible_connection", "local"));
        events.runnerOk(new TaskResult("web1", toSelf, fromWeb1));

        TaskInfo notify = TaskInfo.of("4", "Notify", "command");
        events.taskStart(notify, true);
        events.runnerOk(new TaskResult("localhost", notify,
                commandResult(true, list("echo", "notify"), 0, "notify", commandArgs("echo notify", false))));
        events.notify("my handler", "localhost");
        events.runnerSkipped(new TaskResult("web1", notify,
                map("changed", false, "skip_reason", "Conditional result was False", "skipped", true)));

        TaskInfo secret = TaskInfo.of("5", "Secret", "command").withNoLog(true);
        events.taskStart(secret, false);
        for (String host : new String[]{"localhost", "web1"}) {
            events.runnerOk(new TaskResult(host, secret,
                    commandResult(true, list("echo", "secret"), 0, "secret", commandArgs("echo secret", false))));
        }

        TaskInfo secretFail = TaskInfo.of("6", "Secret fail", "fail").withNoLog(true);
        events.taskStart(secretFail, false);
        for (String host : new String[]{"localhost", "web1"}) {
            events.runnerFailed(new TaskResult(host, secretFail,
                    map("msg", "secret", "changed", false, "failed", true, "_ansible_no_log", true)), true);
        }

        String[] statTasks = {"Set stats", "Set stats per host", "Set stats again"};
        for (int i = 0; i < statTasks.length; i++) {
            TaskInfo stats = TaskInfo.of("s" + i, statTasks[i], "set_stats");
            events.taskStart(stats, false);
            for (String host : new String[]{"localhost", "web1"}) {
                switch (i) {
                    case 0 -> {
                        h.stats.updateCustomStats("total", 3L, null);
                        h.stats.updateCustomStats("names", list("a"), null);
                    }
                    case 1 -> h.stats.updateCustomStats("host_thing", host, host);
                    default -> {
                        h.stats.updateCustomStats("total", 4L, null);
                        h.stats.updateCustomStats("names", list("b"), null);
                    }
                }
                events.runnerOk(new TaskResult(host, stats, map("changed", false, "ansible_stats",
                        map("data", map(), "per_host", i == 1, "aggregate", true))));
            }
        }

        TaskInfo handler = TaskInfo.of("h1", "my handler", "debug");
        events.handlerTaskStart(handler);
        events.runnerOk(new TaskResult("localhost", handler, debugResult("msg", "handled")));

        h.display.warning("Could not match supplied host pattern, ignoring: nosuchhost");
        events.playStart(PlayInfo.of("nosuchhost"));
        events.noHostsMatched();

        h.count("localhost", 10, 3, 0, 0, 0, 0, 1);
        h.count("web1", 7, 1, 0, 0, 1, 0, 1);
        events.stats(h.stats);
    }

    private static CallbackOptions showingCustomStats() {
        return CallbackOptions.defaults().withShowCustomStats(true);
    }

    @Test
    void delegationHandlersNoLogAndCustomStats() {
        Harness h = new Harness(0, false, showingCustomStats());
        run(h);
        assertThat(h.stdout()).isEqualTo(expected("misc.out"));
        assertThat(h.stderr()).isEqualTo(expected("misc.err"));
    }

    @Test
    void recapAndWarningsInColour() {
        Harness h = new Harness(0, true, showingCustomStats());
        run(h);
        assertThat(h.stdout()).isEqualTo(expected("misc.color.out"));
        assertThat(h.stderr()).isEqualTo(expected("misc.color.err"));
    }

    @Test
    void customStatsHiddenUnlessAsked() {
        Harness h = new Harness(0, false);
        run(h);
        assertThat(h.stdout()).doesNotContain("CUSTOM STATS").endsWith("ignored=1   \n\n");
    }

    @Test
    void notifiedHandlerShownFromVeryVerbose() {
        Harness h = new Harness(2, false);
        run(h);
        assertThat(h.stdout()).contains("changed: [localhost] => {").contains("NOTIFIED HANDLER my handler for localhost\n");
    }

    @Test
    void delegateResolvingToAnotherAddressIsShown() {
        Harness h = new Harness(0, false);
        TaskInfo task = TaskInfo.of("1", "Delegated", "command").withDelegateTo("db");
        h.events.taskStart(task, false);
        h.events.runnerOk(new TaskResult("web1", task, map("changed", true,
                "_ansible_delegated_vars", map("ansible_host", "10.0.0.5"))));
        assertThat(h.stdout()).endsWith("changed: [web1 -> db(10.0.0.5)]\n");
    }
}
