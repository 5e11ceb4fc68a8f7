package io.jplay.execution.action;

import io.jplay.output.AggregateStats;
import io.jplay.output.Display;
import io.jplay.template.ScopeRenderer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What a controller-side action sees of one host's task: its arguments (templated, and as written for the
 * actions that template them themselves), the host's variables, the run's output and stats.
 *
 * @param findFile    finds a controller file by kind (vars, files, templates) and relative name, or null
 * @param searchPaths the directories searched for a kind, in order (for "Searched in" messages)
 */
public record ActionContext(String host, List<String> taskHosts, Map<String, Object> args,
                            Map<String, Object> rawArgs, ScopeRenderer renderer, Display display,
                            AggregateStats stats, boolean checkMode, BiFunction<String, String, Path> findFile,
                            java.util.function.Function<String, List<Path>> searchPaths) {
}
