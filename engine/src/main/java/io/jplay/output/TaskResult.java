package io.jplay.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One host's result of one task (or of one loop item), as callbacks receive it (Ansible's TaskResult).
 * The result map holds the module's return values plus Ansible's internal keys ({@code _ansible_no_log},
 * {@code _ansible_item_label}, {@code _ansible_verbose_always}, {@code _ansible_delegated_vars}, ...).
 *
 * @param host     the inventory host name
 * @param task     the task's display facts
 * @param result   the result map (values as in docs/architecture.md)
 * @param taskName the templated task name for retry messages, or null to use the task's name
 */
public record TaskResult(String host, TaskInfo task, Map<String, Object> result, String taskName) {

    public TaskResult {
        result = Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }

    public TaskResult(String host, TaskInfo task, Map<String, Object> result) {
        this(host, task, result, null);
    }
}
