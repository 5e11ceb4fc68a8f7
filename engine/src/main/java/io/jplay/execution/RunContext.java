package io.jplay.execution;

import io.jplay.inventory.HostPatternMatcher;
import io.jplay.inventory.Inventory;
import io.jplay.module.ModuleRegistry;
import io.jplay.output.AggregateStats;
import io.jplay.output.Display;
import io.jplay.output.PlaybookCallback;
import io.jplay.template.Templar;
import io.jplay.vars.VariableManager;

/**
 * What lives for the whole run (Ansible's TaskQueueManager and its friends): options, inventory,
 * variables, the templar, modules, connections, the output and the stats.
 */
record RunContext(ExecutorOptions options, Inventory inventory, HostPatternMatcher hosts, VariableManager variables,
                  Templar templar, TaskSearchPaths searchPaths, ModuleRegistry modules, Connections connections,
                  Display display, PlaybookCallback events, AggregateStats stats, ModuleLibraries libraries,
                  FactGathering facts) {
}
