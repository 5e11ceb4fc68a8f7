/**
 * What ansible-playbook prints: ansible-core 2.14's Display and its {@code default} stdout callback,
 * byte for byte (stdout, stderr, colours, wrapping, JSON of results, diffs, recap).
 *
 * <h2>For the executor</h2>
 * <pre>{@code
 * Display display = Display.forConsole(config, verbosity, System.getenv());
 * PlaybookCallback events = new CallbackDispatcher(List.of(
 *         new DefaultCallback(display, CallbackOptions.from(config, System.getenv(), cliCheck))));
 * AggregateStats stats = new AggregateStats();
 *
 * events.playbookStart(playbookPath);                 // "PLAYBOOK: x.yml" at -vv, DRY RUN
 * display.vv(plays.size() + " plays in " + playbookPath);
 * events.playStart(new PlayInfo(name, checkMode, strategy));
 * events.noHostsMatched();                            // instead of tasks when the pattern matched nothing
 * events.taskStart(task, isConditional);              // or handlerTaskStart / cleanupTaskStart
 * events.runnerOk(new TaskResult(host, task, rawResult));      // raw: the dispatcher makes the clean copy
 * events.runnerFailed(result, ignoreErrors);
 * events.runnerSkipped(result); events.runnerUnreachable(result);
 * events.runnerItemOk(itemResult) ...                 // per loop item, then the task's own runnerOk/Failed/Skipped
 *                                                     // with "results" (Ansible's order)
 * events.fileDiff(result);                            // before runnerOk, when --diff and the result has "diff"
 * events.playbookInclude(new IncludedFile(path, hosts, itemVars));
 * events.noHostsRemaining();
 * events.stats(stats);                                // PLAY RECAP, CUSTOM STATS, DRY RUN
 * }</pre>
 * <ul>
 *   <li>{@link io.jplay.output.TaskInfo} carries a task's display facts (templated name, resolved action,
 *       uuid, loop, no_log, check_mode, ignore_unreachable, delegate_to, "file:line", include or not).</li>
 *   <li>{@link io.jplay.output.TaskResult} is one host's (or one item's) result map as the module and
 *       action returned it, with Ansible's internal keys: {@code _ansible_no_log}, {@code _ansible_item_label},
 *       {@code _ansible_verbose_always} (debug), {@code _ansible_verbose_override} (fact gathering),
 *       {@code _ansible_delegated_vars}, and {@code failed}/{@code skipped}/{@code changed}/{@code unreachable}.
 *       For retries it holds {@code attempts} and {@code retries}.</li>
 *   <li>Warnings and deprecations raised while a host runs a task go through
 *       {@link io.jplay.output.Display#workerView()} (Ansible's forked workers repeat a warning per host);
 *       those of the main process (parsing, host patterns) through the display itself.</li>
 *   <li>Events may come from several threads: the callback and the display are thread-safe and a message
 *       is written whole.</li>
 * </ul>
 */
package io.jplay.output;
