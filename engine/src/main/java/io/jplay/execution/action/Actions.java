package io.jplay.execution.action;

import java.util.Map;
import java.util.Optional;

/** The controller-side actions by short name (FQCN and legacy names resolve to them). */
public final class Actions {

    /** Actions whose results change the inventory (C._ACTION_INVENTORY_TASKS): the strategy applies them. */
    public static final java.util.Set<String> INVENTORY_ACTIONS = java.util.Set.of("add_host", "group_by");

    /** Actions that run once for the first host of the batch (BYPASS_HOST_LOOP). */
    public static final java.util.Set<String> BYPASS_HOST_LOOP = java.util.Set.of("add_host");

    private static final Map<String, ActionPlugin> ACTIONS = Map.of(
            "debug", new DebugAction(),
            "set_fact", new SetFactAction(),
            "assert", new AssertAction(),
            "fail", new FailAction(),
            "pause", new PauseAction(),
            "set_stats", new SetStatsAction(),
            "include_vars", new IncludeVarsAction(),
            "add_host", new AddHostAction(),
            "group_by", new GroupByAction());

    private Actions() {
    }

    public static Optional<ActionPlugin> find(String shortName) {
        return Optional.ofNullable(ACTIONS.get(shortName));
    }
}
