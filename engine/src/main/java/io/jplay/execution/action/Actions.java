package io.jplay.execution.action;

import java.util.Map;
import java.util.Optional;

/** The controller-side actions by short name (FQCN and legacy names resolve to them). */
public final class Actions {

    private static final Map<String, ActionPlugin> ACTIONS = Map.of(
            "debug", new DebugAction(),
            "set_fact", new SetFactAction(),
            "assert", new AssertAction(),
            "fail", new FailAction(),
            "pause", new PauseAction(),
            "set_stats", new SetStatsAction(),
            "include_vars", new IncludeVarsAction());

    private Actions() {
    }

    public static Optional<ActionPlugin> find(String shortName) {
        return Optional.ofNullable(ACTIONS.get(shortName));
    }
}
