package io.jplay.output;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jplay.output.Harness.expected;
import static io.jplay.output.Harness.list;
import static io.jplay.output.Harness.map;
import static org.assertj.core.api.Assertions.assertThat;

/** diff.yml run with -D: copy's before/after diffs, a missing final newline, a new file, an unchanged file. */
class DiffOutputTest {

    private static final String HOST = "localhost";
    private static final String TMP = "/home/ops/.ansible/tmp/ansible-local-1/tmpdiff";

    private static void run(Harness h) {
        PlaybookCallback events = h.events;
        events.playStart(PlayInfo.of("localhost"));

        TaskInfo modify = TaskInfo.of("1", "Modify file", "copy");
        events.taskStart(modify, false);
        Map<String, Object> modified = copyResult(true, map(
                "before", "line1\nline2\nline3\nline4\nline5\nline6\nline7\nline8\nline9\n",
                "after", "line1\nline2\nline3 changed\nline4\nline5\nline6\nline7\nline8 new\nline9\nline10",
                "before_header", "/srv/playbooks/files/target.txt",
                "after_header", TMP));
        events.fileDiff(new TaskResult(HOST, modify, modified));
        events.runnerOk(new TaskResult(HOST, modify, modified));

        TaskInfo create = TaskInfo.of("2", "New file", "copy");
        events.taskStart(create, false);
        Map<String, Object> created = copyResult(true, map("before", "", "after", "fresh\n", "after_header", TMP));
        events.fileDiff(new TaskResult(HOST, create, created));
        events.runnerOk(new TaskResult(HOST, create, created));

        TaskInfo same = TaskInfo.of("3", "Unchanged file", "copy");
        events.taskStart(same, false);
        Map<String, Object> unchanged = copyResult(false, map("before", "fresh\n", "after", "fresh\n"));
        events.fileDiff(new TaskResult(HOST, same, unchanged));
        events.runnerOk(new TaskResult(HOST, same, unchanged));

        h.count(HOST, 3, 2, 0, 0, 0, 0, 0);
        events.stats(h.stats);
    }

    private static Map<String, Object> copyResult(boolean changed, Map<String, Object> diff) {
        return map("changed", changed, "dest", "/srv/playbooks/files/target.txt", "diff", list(diff),
                "_ansible_no_log", false);
    }

    @Test
    void unifiedDiffsBeforeTheResultLine() {
        Harness h = new Harness(0, false);
        run(h);
        assertThat(h.stdout()).isEqualTo(expected("diff.out"));
    }

    @Test
    void diffLinesColouredLineByLine() {
        Harness h = new Harness(0, true);
        run(h);
        assertThat(h.stdout()).isEqualTo(expected("diff.color.out"));
    }

    @Test
    void largeFileHunksMatchDifflib() {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            a.add(i % 5 == 0 ? "\n" : "line " + i + "\n");
        }
        List<String> b = new ArrayList<>(a);
        b.set(10, "changed 10\n");
        b.subList(50, 53).clear();
        b.add(120, "inserted\n");
        b.set(200, "\n");
        b.set(290, "x\n");
        b.add("tail");
        String diff = String.join("", UnifiedDiff.diff(a, b, "before", "after", 3));
        assertThat(diff).isEqualTo(expected("difflib-large.diff"));
    }

    @Test
    void reorderedLinesAlignAsDifflibDoes() {
        List<String> a = List.of("a\n", "b\n", "c\n", "d\n", "e\n", "a\n", "b\n", "c\n");
        List<String> b = List.of("c\n", "d\n", "a\n", "b\n", "x\n", "e\n", "a\n", "c\n", "b\n");
        String diff = String.join("", UnifiedDiff.diff(a, b, "before: x", "after: y", 1));
        assertThat(diff).isEqualTo(expected("difflib-reorder.diff"));
    }

    @Test
    void equalTextsGiveNoDiff() {
        assertThat(UnifiedDiff.diff(List.of("a\n"), List.of("a\n"), "before", "after", 3)).isEmpty();
    }

    @Test
    void structuredBeforeAndAfterAreComparedAsJson() {
        Harness h = new Harness(0, false);
        TaskInfo task = TaskInfo.of("1", "Set", "some_module");
        h.events.taskStart(task, false);
        h.events.fileDiff(new TaskResult(HOST, task, map("changed", true,
                "diff", map("before", map("b", 1L, "a", "x"), "after", map("a", "y", "b", 1L)))));
        assertThat(h.stdout()).endsWith("""
                --- before
                +++ after
                @@ -1,4 +1,4 @@
                 {
                -    "a": "x",
                +    "a": "y",
                     "b": 1
                 }

                """);
    }

    @Test
    void binaryAndPreparedDiffs() {
        Harness h = new Harness(0, false);
        TaskInfo task = TaskInfo.of("1", "Sync", "synchronize");
        h.events.taskStart(task, false);
        h.events.fileDiff(new TaskResult(HOST, task, map("changed", true,
                "diff", list(map("dst_binary", 1L), map("prepared", ">f+++++++++ new.txt\n")))));
        assertThat(h.stdout()).endsWith("diff skipped: destination file appears to be binary\n>f+++++++++ new.txt\n");
    }
}
