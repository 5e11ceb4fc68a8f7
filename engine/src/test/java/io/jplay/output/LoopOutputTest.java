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

/** loop.yml: per-item ok/changed/failed/skipped lines, loop_control.label, dict items, all items skipped. */
class LoopOutputTest {

    private static final String HOST = "localhost";

    private static Map<String, Object> item(Map<String, Object> result, Object item, Object label) {
        result.put("item", item);
        result.put("ansible_loop_var", "item");
        result.put("_ansible_item_label", label);
        return result;
    }

    private static void run(Harness h) {
        PlaybookCallback events = h.events;
        events.playStart(PlayInfo.of("localhost"));

        TaskInfo items = TaskInfo.of("1", "Items", "command").withLoop(true);
        events.taskStart(items, false);
        Map<String, Object> a = item(commandResult(false, list("echo", "a"), 0, "a", commandArgs("echo a", false)), "a", "a");
        Map<String, Object> b = item(commandResult(true, list("echo", "b"), 0, "b", commandArgs("echo b", false)), "b", "b");
        events.runnerItemOk(new TaskResult(HOST, items, a));
        events.runnerItemOk(new TaskResult(HOST, items, b));
        events.runnerOk(new TaskResult(HOST, items, map("results", List.of(a, b), "changed", true, "msg", "All items completed")));

        TaskInfo mixed = TaskInfo.of("2", "Mixed items", "shell").withLoop(true);
        events.taskStart(mixed, true);
        Map<String, Object> good = item(commandResult(true, "test good != bad", 0, "", commandArgs("test good != bad", true)), "good", "good");
        Map<String, Object> bad = item(commandResult(true, "test bad != bad", 1, "", commandArgs("test bad != bad", true)), "bad", "bad");
        Map<String, Object> skip = item(map("changed", false, "skip_reason", "Conditional result was False", "skipped", true), "skip", "skip");
        events.runnerItemOk(new TaskResult(HOST, mixed, good));
        events.runnerItemFailed(new TaskResult(HOST, mixed, bad));
        events.runnerItemSkipped(new TaskResult(HOST, mixed, skip));
        events.runnerFailed(new TaskResult(HOST, mixed, map("results", List.of(good, bad, skip), "changed", true,
                "msg", "One or more items failed", "failed", true)), true);

        TaskInfo labelled = TaskInfo.of("3", "Labelled", "debug").withLoop(true);
        events.taskStart(labelled, false);
        Map<String, Object> one = item(debugResult("msg", "one"), map("name", "one", "v", 1L), "one");
        Map<String, Object> two = item(debugResult("msg", "two"), map("name", "two", "v", 2L), "two");
        events.runnerItemOk(new TaskResult(HOST, labelled, one));
        events.runnerItemOk(new TaskResult(HOST, labelled, two));
        events.runnerOk(new TaskResult(HOST, labelled, map("results", List.of(one, two), "changed", false, "msg", "All items completed")));

        TaskInfo dicts = TaskInfo.of("4", "Dict items", "debug").withLoop(true);
        events.taskStart(dicts, false);
        Map<String, Object> dictItem = map("name", "one", "v", list(1L, "x", true, null));
        Map<String, Object> x = item(debugResult("msg", "x"), dictItem, dictItem);
        events.runnerItemOk(new TaskResult(HOST, dicts, x));
        events.runnerOk(new TaskResult(HOST, dicts, map("results", List.of(x), "changed", false, "msg", "All items completed")));

        TaskInfo allSkipped = TaskInfo.of("5", "All skipped", "debug").withLoop(true);
        events.taskStart(allSkipped, true);
        Map<String, Object> s1 = item(map("changed", false, "skip_reason", "Conditional result was False", "skipped", true), 1L, 1L);
        Map<String, Object> s2 = item(map("changed", false, "skip_reason", "Conditional result was False", "skipped", true), 2L, 2L);
        events.runnerItemSkipped(new TaskResult(HOST, allSkipped, s1));
        events.runnerItemSkipped(new TaskResult(HOST, allSkipped, s2));
        events.runnerSkipped(new TaskResult(HOST, allSkipped, map("results", List.of(s1, s2), "skipped", true,
                "changed", false, "msg", "All items skipped")));

        h.count(HOST, 4, 2, 0, 0, 1, 0, 1);
        events.stats(h.stats);
    }

    @Test
    void itemLinesAtDefaultVerbosity() {
        Harness h = new Harness(0, false);
        run(h);
        assertThat(h.stdout()).isEqualTo(expected("loop.out"));
        assertThat(h.stderr()).isEmpty();
    }

    @Test
    void itemResultsAtVerbose() {
        Harness h = new Harness(1, false);
        h.display.v("No config file found; using defaults");
        run(h);
        assertThat(h.stdout()).isEqualTo(expected("loop-v.out"));
    }

    @Test
    void itemLinesInColour() {
        Harness h = new Harness(0, true);
        run(h);
        assertThat(h.stdout()).isEqualTo(expected("loop.color.out"));
    }
}
