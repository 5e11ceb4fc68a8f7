package io.jplay.output;

import java.util.List;
import java.util.function.Consumer;

/**
 * TaskQueueManager.send_callback: forwards each event to every callback, giving each a clean copy of the
 * task result (no_log censored, internal keys stripped). The executor holds one dispatcher and calls it.
 */
public final class CallbackDispatcher implements PlaybookCallback {

    private final List<PlaybookCallback> callbacks;

    public CallbackDispatcher(List<PlaybookCallback> callbacks) {
        this.callbacks = List.copyOf(callbacks);
    }

    private void each(Consumer<PlaybookCallback> event) {
        callbacks.forEach(event);
    }

    private static TaskResult clean(TaskResult result) {
        return ResultCleaner.cleanCopy(result);
    }

    @Override
    public void playbookStart(String playbookPath) {
        each(c -> c.playbookStart(playbookPath));
    }

    @Override
    public void playStart(PlayInfo play) {
        each(c -> c.playStart(play));
    }

    @Override
    public void noHostsMatched() {
        each(PlaybookCallback::noHostsMatched);
    }

    @Override
    public void noHostsRemaining() {
        each(PlaybookCallback::noHostsRemaining);
    }

    @Override
    public void taskStart(TaskInfo task, boolean isConditional) {
        each(c -> c.taskStart(task, isConditional));
    }

    @Override
    public void handlerTaskStart(TaskInfo task) {
        each(c -> c.handlerTaskStart(task));
    }

    @Override
    public void cleanupTaskStart(TaskInfo task) {
        each(c -> c.cleanupTaskStart(task));
    }

    @Override
    public void notify(String handlerName, String host) {
        each(c -> c.notify(handlerName, host));
    }

    @Override
    public void runnerStart(String host, TaskInfo task) {
        each(c -> c.runnerStart(host, task));
    }

    @Override
    public void runnerOk(TaskResult result) {
        each(c -> c.runnerOk(clean(result)));
    }

    @Override
    public void runnerFailed(TaskResult result, boolean ignoreErrors) {
        each(c -> c.runnerFailed(clean(result), ignoreErrors));
    }

    @Override
    public void runnerSkipped(TaskResult result) {
        each(c -> c.runnerSkipped(clean(result)));
    }

    @Override
    public void runnerUnreachable(TaskResult result) {
        each(c -> c.runnerUnreachable(clean(result)));
    }

    @Override
    public void runnerItemOk(TaskResult result) {
        each(c -> c.runnerItemOk(clean(result)));
    }

    @Override
    public void runnerItemFailed(TaskResult result) {
        each(c -> c.runnerItemFailed(clean(result)));
    }

    @Override
    public void runnerItemSkipped(TaskResult result) {
        each(c -> c.runnerItemSkipped(clean(result)));
    }

    @Override
    public void runnerRetry(TaskResult result) {
        each(c -> c.runnerRetry(clean(result)));
    }

    @Override
    public void runnerAsyncPoll(TaskResult result) {
        each(c -> c.runnerAsyncPoll(clean(result)));
    }

    @Override
    public void runnerAsyncOk(TaskResult result) {
        each(c -> c.runnerAsyncOk(clean(result)));
    }

    @Override
    public void runnerAsyncFailed(TaskResult result) {
        each(c -> c.runnerAsyncFailed(clean(result)));
    }

    @Override
    public void fileDiff(TaskResult result) {
        each(c -> c.fileDiff(clean(result)));
    }

    @Override
    public void playbookInclude(IncludedFile includedFile) {
        each(c -> c.playbookInclude(includedFile));
    }

    @Override
    public void stats(AggregateStats stats) {
        each(c -> c.stats(stats));
    }
}
