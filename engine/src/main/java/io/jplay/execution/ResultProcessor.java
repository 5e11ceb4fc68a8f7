package io.jplay.execution;

import io.jplay.output.AggregateStats.Counter;
import io.jplay.output.TaskResult;
import io.jplay.playbook.Task;
import io.jplay.python.PythonValues;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * StrategyBase._process_pending_results for one host's result: register, facts, include_vars, set_stats,
 * notifications, the host's failure state (rescue or failed), the stats, and the callback.
 */
final class ResultProcessor {

    private ResultProcessor() {
    }

    static void process(RunContext run, RunState state, HostTask hostTask, TaskOutcome outcome, HostCursor cursor,
                        HandlerQueue handlers, List<String> registerHosts, boolean handler) {
        String host = hostTask.host();
        Task task = hostTask.step().task();
        Map<String, Object> result = outcome.result();
        if (outcome.status() == TaskStatus.OK && io.jplay.execution.action.Actions.INVENTORY_ACTIONS.contains(task.moduleName())) {
            InventoryUpdates.apply(run, hostTask, result);
        }
        TaskResult taskResult = new TaskResult(host, hostTask.info(), result);
        Object register = task.keyword("register");
        if (register != null) {
            Map<String, Object> clean = Registered.clean(result);
            for (String target : registerHosts) {
                run.variables().setNonPersistentFacts(target, Map.of(String.valueOf(register), clean));
            }
        }
        switch (outcome.status()) {
            case UNREACHABLE -> {
                if (outcome.ignored()) {
                    run.stats().increment(Counter.OK, host);
                    run.stats().increment(Counter.IGNORED, host);
                } else {
                    state.unreachableHosts.add(host);
                    cursor.abort();
                    run.stats().increment(Counter.DARK, host);
                }
                run.events().runnerUnreachable(taskResult);
            }
            case FAILED -> {
                if (outcome.ignored()) {
                    run.stats().increment(Counter.OK, host);
                    run.stats().increment(Counter.IGNORED, host);
                    if (outcome.changed()) {
                        run.stats().increment(Counter.CHANGED, host);
                    }
                    run.events().runnerFailed(taskResult, true);
                    return;
                }
                if (handler) {
                    cursor.abort();
                    state.failedHosts.add(host);
                    run.stats().increment(Counter.FAILURES, host);
                } else if (cursor.markFailed()) {
                    run.stats().increment(Counter.RESCUED, host);
                    Map<String, Object> failedTask = new LinkedHashMap<>();
                    failedTask.put("name", task.name().orElse(""));
                    failedTask.put("action", task.action());
                    failedTask.put("args", task.args());
                    Map<String, Object> facts = new LinkedHashMap<>();
                    facts.put("ansible_failed_task", failedTask);
                    facts.put("ansible_failed_result", Registered.clean(result));
                    run.variables().setNonPersistentFacts(host, facts);
                } else {
                    run.stats().increment(Counter.FAILURES, host);
                }
                run.events().runnerFailed(taskResult, false);
            }
            case SKIPPED -> {
                run.stats().increment(Counter.SKIPPED, host);
                run.events().runnerSkipped(taskResult);
            }
            case OK -> {
                List<String> factHosts = registerHosts;
                Object delegateFacts = task.keyword("delegate_facts");
                if (hostTask.info().delegateTo() != null && delegateFacts != null && PythonValues.isTrue(delegateFacts)
                        && !"false".equals(String.valueOf(delegateFacts)) && !"no".equals(String.valueOf(delegateFacts))) {
                    factHosts = List.of(hostTask.info().delegateTo());
                }
                applyFacts(run, task, result, factHosts);
                for (String target : outcome.handlersToNotify()) {
                    handlers.notify(target, host);
                }
                if (!outcome.inclusions().isEmpty()) {
                    run.events().runnerOk(new TaskResult(host, hostTask.info().asInclude(), result));
                    return;
                }
                run.stats().increment(Counter.OK, host);
                if (outcome.changed()) {
                    run.stats().increment(Counter.CHANGED, host);
                }
                Object diffKeyword = hostTask.inherited().value("diff");
                boolean diff = diffKeyword == null ? run.options().diff() : PythonValues.isTrue(diffKeyword)
                        && !"false".equals(String.valueOf(diffKeyword)) && !"no".equals(String.valueOf(diffKeyword));
                if (diff && result.get("diff") != null && !hostTask.info().loop()) {
                    run.events().fileDiff(taskResult);
                }
                run.events().runnerOk(taskResult);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void applyFacts(RunContext run, Task task, Map<String, Object> result, List<String> hosts) {
        String action = task.moduleName();
        if (result.get("results") instanceof List<?> items && task.has("loop")) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map && !Boolean.TRUE.equals(map.get("failed"))
                        && !Boolean.TRUE.equals(map.get("skipped"))) {
                    applyOne(run, action, (Map<String, Object>) map, hosts);
                }
            }
            return;
        }
        applyOne(run, action, result, hosts);
    }

    @SuppressWarnings("unchecked")
    private static void applyOne(RunContext run, String action, Map<String, Object> result, List<String> hosts) {
        if (result.get("ansible_facts") instanceof Map<?, ?> facts) {
            Map<String, Object> values = new LinkedHashMap<>((Map<String, Object>) facts);
            for (String host : hosts) {
                switch (action) {
                    case "include_vars" -> values.forEach((k, v) -> run.variables().setHostVariable(host, k, v));
                    case "set_fact" -> {
                        run.variables().setNonPersistentFacts(host, values);
                        if (PythonValues.isTrue(result.get("_ansible_facts_cacheable"))) {
                            run.variables().setHostFacts(host, values);
                        }
                    }
                    default -> {
                        run.variables().setHostFacts(host, values);
                        run.facts().store(host, run.variables().hostFacts(host));
                    }
                }
            }
        }
        if (result.get("ansible_stats") instanceof Map<?, ?> stats && stats.get("data") instanceof Map<?, ?> data) {
            boolean perHost = PythonValues.isTrue(stats.get("per_host"));
            boolean aggregate = PythonValues.isTrue(stats.get("aggregate"));
            for (String host : perHost ? hosts : List.of("_run")) {
                data.forEach((k, v) -> {
                    if (aggregate) {
                        run.stats().updateCustomStats(String.valueOf(k), v, host);
                    } else {
                        run.stats().setCustomStats(String.valueOf(k), v, host);
                    }
                });
            }
        }
    }
}
