package io.jplay.execution;

import io.jplay.output.PlaybookCallback;
import io.jplay.output.TaskResult;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the events of one host's task while it runs on a worker thread, so the strategy can replay them in
 * host order: the output of parallel hosts stays in inventory order, as Ansible's with one fork.
 */
final class BufferedCallback implements PlaybookCallback {

    private final List<Consumer<PlaybookCallback>> events = new ArrayList<>();

    synchronized void replayTo(PlaybookCallback target) {
        events.forEach(event -> event.accept(target));
        events.clear();
    }

    private synchronized void add(Consumer<PlaybookCallback> event) {
        events.add(event);
    }

    @Override
    public void runnerItemOk(TaskResult result) {
        add(c -> c.runnerItemOk(result));
    }

    @Override
    public void runnerItemFailed(TaskResult result) {
        add(c -> c.runnerItemFailed(result));
    }

    @Override
    public void runnerItemSkipped(TaskResult result) {
        add(c -> c.runnerItemSkipped(result));
    }

    @Override
    public void runnerRetry(TaskResult result) {
        add(c -> c.runnerRetry(result));
    }

    @Override
    public void fileDiff(TaskResult result) {
        add(c -> c.fileDiff(result));
    }
}
