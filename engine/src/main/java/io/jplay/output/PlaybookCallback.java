package io.jplay.output;

/**
 * The events of a playbook run, after Ansible's CallbackBase v2 API. The executor calls them (possibly from
 * several threads: implementations are thread-safe), in Ansible's order:
 * playbookStart, then per play playStart, noHostsMatched or per task taskStart / handlerTaskStart /
 * cleanupTaskStart followed by each host's runnerOn* (for loops: the runnerItemOn* of each item, then the
 * task's own runnerOn* with the "results" list), onFileDiff after a result with a diff when --diff is on,
 * playbookInclude per included file, noHostsRemaining; finally stats.
 *
 * <p>Results are passed as the executor holds them: {@link CallbackDispatcher} makes the "clean copy"
 * (no_log censoring, internal keys stripped) each callback receives, as TaskQueueManager.send_callback.
 */
public interface PlaybookCallback {

    /** v2_playbook_on_start. */
    default void playbookStart(String playbookPath) {
    }

    /** v2_playbook_on_play_start. */
    default void playStart(PlayInfo play) {
    }

    /** v2_playbook_on_no_hosts_matched. */
    default void noHostsMatched() {
    }

    /** v2_playbook_on_no_hosts_remaining. */
    default void noHostsRemaining() {
    }

    /** v2_playbook_on_task_start ("TASK"). */
    default void taskStart(TaskInfo task, boolean isConditional) {
    }

    /** v2_playbook_on_handler_task_start ("RUNNING HANDLER"). */
    default void handlerTaskStart(TaskInfo task) {
    }

    /** v2_playbook_on_cleanup_task_start ("CLEANUP TASK"). */
    default void cleanupTaskStart(TaskInfo task) {
    }

    /** v2_playbook_on_notify. */
    default void notify(String handlerName, String host) {
    }

    /** v2_runner_on_start (a host starts a task). */
    default void runnerStart(String host, TaskInfo task) {
    }

    /** v2_runner_on_ok (changed or not: the result's "changed" tells). */
    default void runnerOk(TaskResult result) {
    }

    /** v2_runner_on_failed; {@code ignoreErrors} prints "...ignoring". */
    default void runnerFailed(TaskResult result, boolean ignoreErrors) {
    }

    /** v2_runner_on_skipped. */
    default void runnerSkipped(TaskResult result) {
    }

    /** v2_runner_on_unreachable. */
    default void runnerUnreachable(TaskResult result) {
    }

    /** v2_runner_item_on_ok. */
    default void runnerItemOk(TaskResult result) {
    }

    /** v2_runner_item_on_failed. */
    default void runnerItemFailed(TaskResult result) {
    }

    /** v2_runner_item_on_skipped. */
    default void runnerItemSkipped(TaskResult result) {
    }

    /** v2_runner_retry: the result holds "attempts" and "retries". */
    default void runnerRetry(TaskResult result) {
    }

    /** v2_runner_on_async_poll. */
    default void runnerAsyncPoll(TaskResult result) {
    }

    /** v2_runner_on_async_ok. */
    default void runnerAsyncOk(TaskResult result) {
    }

    /** v2_runner_on_async_failed. */
    default void runnerAsyncFailed(TaskResult result) {
    }

    /** v2_on_file_diff: the result holds "diff" (a map or a list of maps). */
    default void fileDiff(TaskResult result) {
    }

    /** v2_playbook_on_include. */
    default void playbookInclude(IncludedFile includedFile) {
    }

    /** v2_playbook_on_stats. */
    default void stats(AggregateStats stats) {
    }
}
