package io.jplay.execution;

import java.util.List;
import java.util.Map;

/**
 * One host's result of one task after the TaskExecutor's rules (loops, failed_when, changed_when, until,
 * register): the raw result the callbacks receive and what the strategy needs to decide.
 *
 * @param result           the raw result, internal keys included
 * @param status           ok, failed, skipped or unreachable
 * @param ignored          failed or unreachable, but ignore_errors / ignore_unreachable applies
 * @param handlersToNotify handler names to notify (the task changed)
 * @param inclusions       what an include_tasks/include_role brings in for this host (one per loop item)
 */
record TaskOutcome(Map<String, Object> result, TaskStatus status, boolean ignored, List<String> handlersToNotify,
                   List<Inclusion> inclusions) {

    /** One file or role an include brings in, with the include's loop variables. */
    record Inclusion(String target, boolean role, Map<String, Object> vars) {
    }

    boolean changed() {
        return Boolean.TRUE.equals(result.get("changed"));
    }
}
