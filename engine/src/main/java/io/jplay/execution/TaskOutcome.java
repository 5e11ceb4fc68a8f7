package io.jplay.execution;

import java.util.List;
import java.util.Map;

/**
 * One host's result of one task after the TaskExecutor's rules (loops, failed_when, changed_when, until,
 * register): the raw result the callbacks receive and what the strategy needs to decide.
 *
 * @param result  the raw result, internal keys included
 * @param status  ok, failed, skipped or unreachable
 * @param ignored failed or unreachable, but ignore_errors / ignore_unreachable applies
 * @param notify  handler names to notify (the task changed)
 */
record TaskOutcome(Map<String, Object> result, TaskStatus status, boolean ignored, List<String> handlersToNotify) {

    boolean changed() {
        return Boolean.TRUE.equals(result.get("changed"));
    }
}
