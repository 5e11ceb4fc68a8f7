package io.jplay.output;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.jplay.output.Harness.list;
import static io.jplay.output.Harness.map;
import static org.assertj.core.api.Assertions.assertThat;

/** TaskResult.clean_copy: what every callback receives. */
class ResultCleanerTest {

    @Test
    void noLogLeavesOnlyTheCensoredMessageAttemptsChangedRetries() {
        TaskResult raw = new TaskResult("h", TaskInfo.of("1", "t", "command").withNoLog(true),
                map("stdout", "secret", "changed", true, "attempts", 2L, "retries", 3L, "rc", 0L,
                        "_ansible_delegated_vars", map("ansible_host", "10.0.0.1", "ansible_password", "pw")));
        assertThat(ResultCleaner.cleanCopy(raw).result()).isEqualTo(map(
                "censored", ResultCleaner.CENSORED, "attempts", 2L, "changed", true, "retries", 3L,
                "_ansible_delegated_vars", map("ansible_host", "10.0.0.1")));
    }

    @Test
    void noLogFromTheResultAlsoCensors() {
        TaskResult raw = new TaskResult("h", TaskInfo.of("1", "t", "command"), map("stdout", "x", "_ansible_no_log", true));
        assertThat(ResultCleaner.cleanCopy(raw).result()).isEqualTo(map("censored", ResultCleaner.CENSORED));
    }

    @Test
    void internalKeysGoAtEveryDepthExceptThoseCallbacksUse() {
        Map<String, Object> item = map("item", "a", "_ansible_item_label", "a", "_ansible_parsed", true, "failed", false);
        TaskResult raw = new TaskResult("h", TaskInfo.of("1", "t", "debug"), map(
                "failed", false, "skipped", false, "invocation", map("module_args", map()),
                "_ansible_verbose_always", true, "_ansible_no_log", false, "_ansible_parsed", true,
                "results", list(item)));
        assertThat(ResultCleaner.cleanCopy(raw).result()).isEqualTo(map(
                "_ansible_verbose_always", true, "_ansible_no_log", false,
                "results", list(map("item", "a", "_ansible_item_label", "a", "failed", false))));
        assertThat(item).containsKey("_ansible_parsed");
    }

    @Test
    void invocationKeptForOtherActions() {
        TaskResult raw = new TaskResult("h", TaskInfo.of("1", "t", "command"), map("invocation", map("module_args", map())));
        assertThat(ResultCleaner.cleanCopy(raw).result()).containsKey("invocation");
    }
}
