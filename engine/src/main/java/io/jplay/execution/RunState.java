package io.jplay.execution;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** What one play leaves to the next (TaskQueueManager._failed_hosts and _unreachable_hosts). */
final class RunState {

    final Set<String> failedHosts = Collections.synchronizedSet(new LinkedHashSet<>());
    final Set<String> unreachableHosts = Collections.synchronizedSet(new LinkedHashSet<>());
    /** --start-at-task found its task: later tasks and plays run normally. */
    volatile boolean startAtDone;
}
