package io.jplay.execution;

import io.jplay.error.JplayException;
import io.jplay.execution.action.Actions;
import io.jplay.output.AggregateStats.Counter;
import io.jplay.output.PlayInfo;
import io.jplay.output.TaskInfo;
import io.jplay.output.TaskResult;
import io.jplay.playbook.Block;
import io.jplay.playbook.BlockOrigin;
import io.jplay.playbook.Play;
import io.jplay.playbook.Role;
import io.jplay.playbook.load.LoadedPlay;
import io.jplay.vars.RoleLayers;
import io.jplay.playbook.Task;
import io.jplay.playbook.TaskEntry;
import io.jplay.template.TemplatingException;
import io.jplay.python.PythonValues;
import io.jplay.vars.HostScope;
import io.jplay.vars.MagicVariables;
import io.jplay.vars.PlayVarsFiles;
import io.jplay.vars.Precedence;
import io.jplay.vars.VarsContext;
import io.jplay.vars.VarsLayer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One play: its hosts, its serial batches, and per batch the linear strategy in lock-step (Ansible's
 * TaskQueueManager.run + StrategyModule.run): every host runs the same task before any host moves on, the
 * results are processed in host order, handlers run at each flush.
 */
final class PlayRun {

    /** Ansible's TaskQueueManager result codes. */
    static final int RUN_OK = 0;
    static final int RUN_FAILED_HOSTS = 2;
    static final int RUN_UNREACHABLE_HOSTS = 4;
    static final int RUN_FAILED_BREAK_PLAY = 8;

    private static final Set<String> PER_HOST_META = Set.of("noop", "flush_handlers", "end_host", "reset_connection", "role_complete");

    private final RunContext run;
    private final RunState state;
    private final LoadedPlay loaded;
    private final Play play;
    private final Path playbookDir;
    private final RoleLayers roleLayers;
    private final TaskRunner runner;
    private final ExecutorService workers;
    private final TagFilter tags;
    private final Map<Task, String> uuids = new LinkedHashMap<>();
    private final Map<Task, Boolean> explicitMeta = new LinkedHashMap<>();

    private HandlerQueue handlers;
    /** Roles that ran to their end on a host: their tasks are skipped if the role comes again (no allow_duplicates). */
    private final Map<String, Set<Role>> completedRoles = new LinkedHashMap<>();
    /** The blocks include_role/include_tasks put in: a role included again runs again. */
    private final Set<Block> includedBlocks = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private List<String> playHostsAll;
    private Map<String, VarsContext> hostContexts;
    private boolean endPlay;
    /** strategy: free: each host runs its next task in turn, without waiting for the others (free.py). */
    private final boolean free;

    PlayRun(RunContext run, RunState state, LoadedPlay loaded, ExecutorService workers) {
        this.run = run;
        this.state = state;
        this.loaded = loaded;
        this.play = loaded.play();
        this.playbookDir = loaded.playbookDir();
        this.roleLayers = new RoleLayers(run.variables().hashBehaviour());
        this.runner = new TaskRunner(run, roleLayers, loaded.includes());
        this.workers = workers;
        this.tags = new TagFilter(run.options().tags(), run.options().skipTags());
        String strategy = String.valueOf(play.keywords().getOrDefault("strategy", "linear"));
        this.free = strategy.equals("free") || strategy.equals("ansible.builtin.free");
    }

    /** Runs the play; returns Ansible's result code of its last batch, and whether the playbook must stop. */
    Outcome run() {
        Map<String, Object> playVars = play.keyword("vars") instanceof Map<?, ?> m ? TaskRunner.stringKeys(m) : Map.of();
        if (play.keyword("vars_prompt") != null) {
            playVars = new LinkedHashMap<>(playVars);
            playVars.putAll(VarsPrompt.answers(play.keyword("vars_prompt"), run.variables().extraVars(), run.display()));
        }
        String name = playName(playVars);
        String pattern = hostsPattern(playVars);
        List<String> inventoryOrder = run.hosts().hostNames(pattern);
        List<String> hosts = order(inventoryOrder);
        // order: changes how hosts run, not ansible_play_hosts
        playHostsAll = inventoryOrder;
        boolean check = run.options().check();
        PlayInfo info = new PlayInfo(name, check, String.valueOf(play.keywords().getOrDefault("strategy", "linear")));
        if (hosts.isEmpty()) {
            run.events().playStart(info);
            run.events().noHostsMatched();
            return new Outcome(RUN_OK, false);
        }
        List<List<String>> batches = Batches.of(play.keyword("serial"), hosts);
        int result = RUN_OK;
        for (List<String> batch : batches) {
            int failedBefore = state.failedHosts.size() + state.unreachableHosts.size();
            // TaskQueueManager.run announces the play once per batch
            run.events().playStart(info);
            result = runBatch(name, playVars, batch);
            if (endPlay) {
                break;
            }
            if ((result & RUN_FAILED_BREAK_PLAY) != 0) {
                return new Outcome(RUN_FAILED_HOSTS, true);
            }
            int failedNow = state.failedHosts.size() + state.unreachableHosts.size() - failedBefore;
            if (failedNow == batch.size()) {
                return new Outcome(result, true);
            }
        }
        return new Outcome(result, false);
    }

    record Outcome(int result, boolean breakPlaybook) {
    }

    private String hostsPattern(Map<String, Object> playVars) {
        Object hosts = play.keyword("hosts");
        String pattern;
        if (hosts instanceof List<?> list) {
            pattern = String.join(",", list.stream().map(String::valueOf).toList());
        } else {
            pattern = hosts == null ? "" : String.valueOf(hosts);
        }
        if (pattern.contains("{")) {
            Map<String, Object> vars = new LinkedHashMap<>(playVars);
            vars.putAll(run.variables().extraVars());
            try {
                pattern = String.valueOf(run.templar().template(pattern, new HostScope(null, vars)));
            } catch (TemplatingException e) {
                // Ansible leaves an untemplatable pattern as written
            }
        }
        return pattern;
    }

    private String playName(Map<String, Object> playVars) {
        String name = play.keyword("name") == null ? hostsPattern(playVars) : play.name();
        if (play.keyword("name") == null || !name.contains("{")) {
            return name;
        }
        Map<String, Object> vars = new LinkedHashMap<>(playVars);
        vars.putAll(run.variables().extraVars());
        try {
            return String.valueOf(run.templar().template(name, new HostScope(null, vars)));
        } catch (TemplatingException e) {
            return name;
        }
    }

    private List<String> order(List<String> hosts) {
        List<String> ordered = new ArrayList<>(hosts);
        Object order = play.keyword("order");
        if (order == null) {
            return ordered;
        }
        switch (String.valueOf(order)) {
            case "reverse_inventory" -> Collections.reverse(ordered);
            case "sorted" -> Collections.sort(ordered);
            case "reverse_sorted" -> ordered.sort(Collections.reverseOrder());
            case "shuffle" -> Collections.shuffle(ordered);
            default -> { }
        }
        return ordered;
    }

    // ---------------------------------------------------------------- batch

    private int runBatch(String name, Map<String, Object> playVars, List<String> batch) {
        List<String> active = new ArrayList<>();
        for (String host : batch) {
            if (!state.failedHosts.contains(host) && !state.unreachableHosts.contains(host)) {
                active.add(host);
            }
        }
        hostContexts = new LinkedHashMap<>();
        for (String host : active) {
            hostContexts.put(host, hostContext(name, playVars, host, batch));
        }
        handlers = handlerQueue(active);
        List<Block> blocks = compile();
        Map<String, HostCursor> cursors = new LinkedHashMap<>();
        for (String host : active) {
            cursors.put(host, new HostCursor(blocks));
        }
        Map<String, HostCursor.Step> peeked = new LinkedHashMap<>();
        Set<String> batchFailed = new LinkedHashSet<>();
        int result = RUN_OK;
        boolean startAtFound = run.options().startAtTask() == null || state.startAtDone;
        if (free && play.keyword("max_fail_percentage") != null) {
            run.display().warning("Using max_fail_percentage with the free strategy is not supported, as tasks are "
                    + "executed independently on each host");
        }
        // free: the hosts that had their turn in this round (a host runs one task per round, in host order)
        Set<String> hadTurn = new LinkedHashSet<>();
        while (!endPlay) {
            List<String> left = new ArrayList<>();
            for (String host : active) {
                if (state.unreachableHosts.contains(host)) {
                    continue;
                }
                HostCursor cursor = cursors.get(host);
                if (!peeked.containsKey(host)) {
                    HostCursor.Step step = cursor.next();
                    while (step != null && (!selected(step) || roleAlreadyRan(host, step)
                            || FactGathering.isGatherTask(step.task()) && run.facts().skips(host))) {
                        step = cursor.next();
                    }
                    if (step == null) {
                        if (cursor.hasFailed() && !state.failedHosts.contains(host)) {
                            state.failedHosts.add(host);
                            batchFailed.add(host);
                        }
                        continue;
                    }
                    peeked.put(host, step);
                }
                left.add(host);
            }
            if (left.isEmpty()) {
                break;
            }
            List<String> candidates = left;
            if (free) {
                candidates = left.stream().filter(h -> !hadTurn.contains(h)).toList();
                if (candidates.isEmpty()) {
                    hadTurn.clear();
                    candidates = left;
                }
            }
            // linear: the hosts whose next task is the first host's, others wait for their turn (lock-step);
            // free: the next hosts in turn that happen to be at the same task run it together
            Task task = peeked.get(candidates.get(0)).task();
            List<String> hosts = new ArrayList<>();
            for (String host : candidates) {
                if (peeked.get(host).task() == task) {
                    hosts.add(host);
                } else if (free) {
                    break;
                }
            }
            hadTurn.addAll(hosts);
            Map<String, HostCursor.Step> steps = new LinkedHashMap<>();
            for (String host : hosts) {
                steps.put(host, peeked.remove(host));
            }
            if (!startAtFound) {
                if (isMeta(task) || !matchesStartAt(task, hosts.get(0), steps.get(hosts.get(0)))) {
                    continue;
                }
                startAtFound = true;
                state.startAtDone = true;
            }
            if (isMeta(task)) {
                runMeta(task, steps, cursors, batch);
                continue;
            }
            int before = state.failedHosts.size();
            boolean anyErrorsFatal = runTask(task, steps, cursors, batch, false);
            if (free) {
                // a failure stays the failing host's: no any_errors_fatal, no max_fail_percentage
                continue;
            }
            // hosts whose failure nothing rescues: the host leaves the play once it has no more tasks
            List<String> failedNow = new ArrayList<>();
            for (String host : hosts) {
                HostCursor cursor = cursors.get(host);
                if (cursor.hasFailed() || cursor.isFailing()) {
                    failedNow.add(host);
                }
            }
            List<String> hostsLeft = left.stream().filter(h -> !state.unreachableHosts.contains(h)).toList();
            if (anyErrorsFatal && !failedNow.isEmpty()) {
                for (String host : hostsLeft) {
                    state.failedHosts.add(host);
                    batchFailed.add(host);
                    cursors.get(host).abort();
                    peeked.remove(host);
                }
                result |= RUN_FAILED_BREAK_PLAY;
            }
            Object maxFail = play.keyword("max_fail_percentage");
            if (maxFail != null) {
                Set<String> failedInBatch = new LinkedHashSet<>(batchFailed);
                for (String host : hosts) {
                    if (cursors.get(host).hasFailed() || cursors.get(host).isFailing()) {
                        failedInBatch.add(host);
                    }
                }
                double percentage = Double.parseDouble(String.valueOf(maxFail)) / 100.0;
                if ((double) failedInBatch.size() / batch.size() > percentage) {
                    for (String host : hostsLeft) {
                        state.failedHosts.add(host);
                        batchFailed.add(host);
                        cursors.get(host).abort();
                        peeked.remove(host);
                    }
                    run.events().noHostsRemaining();
                    result |= RUN_FAILED_BREAK_PLAY;
                }
            }
            if (result != RUN_OK && state.failedHosts.size() - before >= 0
                    && hostsLeft.stream().allMatch(state.failedHosts::contains)) {
                run.events().noHostsRemaining();
                return result;
            }
        }
        if (run.options().forceHandlers() || truthy(play.keyword("force_handlers"))) {
            // hosts that failed before any flush still run their notified handlers
            flushHandlers(new ArrayList<>(batchFailed), cursors, batch, true);
        }
        if (!state.unreachableHosts.isEmpty()) {
            return result | RUN_UNREACHABLE_HOSTS;
        }
        for (String host : batch) {
            if (state.failedHosts.contains(host)) {
                return result | RUN_FAILED_HOSTS;
            }
        }
        return result;
    }

    private boolean matchesStartAt(Task task, String host, HostCursor.Step step) {
        String wanted = run.options().startAtTask();
        String name = taskName(task, host, step);
        java.util.regex.Pattern glob = java.util.regex.Pattern.compile(globToRegex(wanted));
        return name.equals(wanted) || task.name().map(wanted::equals).orElse(false)
                || glob.matcher(name).matches() || task.name().map(n -> glob.matcher(n).matches()).orElse(false);
    }

    /** fnmatch's translation: * ? and [...] classes, everything else literal. */
    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        regex.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, end);
                        regex.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
                        i = end;
                    }
                }
                default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    /** linear.py: a task of a role that has already run on the host is skipped, unless allow_duplicates. */
    private boolean roleAlreadyRan(String host, HostCursor.Step step) {
        Role role = role(step);
        if (role == null || role.allowDuplicates() || !completedRoles.getOrDefault(host, Set.of()).contains(role)) {
            return false;
        }
        // only the roles: section is de-duplicated; import_role/include_role run a role again
        return fromRolesSection(step) && step.parents().stream().noneMatch(includedBlocks::contains);
    }

    private boolean fromRolesSection(HostCursor.Step step) {
        return !step.parents().isEmpty() && loaded.roleTasks().stream().anyMatch(b -> b == step.parents().get(0));
    }

    private boolean selected(HostCursor.Step step) {
        Task task = step.task();
        if (isMeta(task) && !explicitMeta.getOrDefault(task, true)) {
            return true;
        }
        return tags.shouldRun(new Inheritance(task, step.parents(), play.keywords()).tags());
    }

    private static boolean isMeta(Task task) {
        return task.moduleName().equals("meta");
    }

    private static boolean truthy(Object value) {
        return value != null && PythonValues.isTrue(value) && !"no".equals(value) && !"false".equals(value);
    }

    // ---------------------------------------------------------------- compile

    /** Play.compile: pre_tasks, flush, roles and tasks, flush, post_tasks, flush; each as blocks. */
    private List<Block> compile() {
        List<Block> blocks = new ArrayList<>();
        BlockOrigin origin = BlockOrigin.playbookFile(playbookDir.resolve("playbook.yml"));
        if (run.facts().playGathers(play.keyword("gather_facts"))) {
            blocks.add(Block.implicit(List.of(run.facts().task(play.keyword("gather_subset"), play.keyword("gather_timeout"),
                    play.keyword("fact_path"))), Map.of(), null, null));
        }
        addSection(blocks, loaded.preTasks(), origin);
        blocks.add(flushBlock());
        addSection(blocks, loaded.roleTasks(), origin);
        addSection(blocks, loaded.tasks(), origin);
        blocks.add(flushBlock());
        addSection(blocks, loaded.postTasks(), origin);
        blocks.add(flushBlock());
        return blocks;
    }

    private static void addSection(List<Block> blocks, List<TaskEntry> entries, BlockOrigin origin) {
        for (TaskEntry entry : entries) {
            if (entry instanceof Block block) {
                blocks.add(block);
            } else {
                blocks.add(Block.implicit(List.of(entry), Map.of(), null, block(entry) == null ? origin : null));
            }
        }
    }

    private static Block block(TaskEntry entry) {
        return entry instanceof Block b ? b : null;
    }

    private Block flushBlock() {
        Task flush = new Task("meta", Map.of("_raw_params", "flush_handlers"), Map.of(), null, false, null);
        explicitMeta.put(flush, false);
        return Block.implicit(List.of(flush), Map.of(), null, null);
    }

    private HandlerQueue handlerQueue(List<String> hosts) {
        List<HostCursor.Step> steps = new ArrayList<>();
        collectTasks(loaded.handlers(), new ArrayList<>(), steps);
        List<String> names = new ArrayList<>();
        List<String> roleNames = new ArrayList<>();
        String first = hosts.isEmpty() ? null : hosts.get(0);
        for (HostCursor.Step step : steps) {
            Task handler = step.task();
            handlerSteps.put(handler, step);
            String plain = first == null ? handler.displayName() : plainName(handler, first);
            names.add(plain);
            Role role = role(step);
            roleNames.add(role == null ? null : role.name() + " : " + plain);
        }
        return new HandlerQueue(steps.stream().map(HostCursor.Step::task).toList(), names, roleNames);
    }

    private final Map<Task, HostCursor.Step> handlerSteps = new LinkedHashMap<>();

    private static void collectTasks(List<TaskEntry> entries, List<Block> parents, List<HostCursor.Step> into) {
        for (TaskEntry entry : entries) {
            if (entry instanceof Task task) {
                into.add(new HostCursor.Step(task, List.copyOf(parents)));
            } else if (entry instanceof Block block) {
                List<Block> inner = new ArrayList<>(parents);
                inner.add(block);
                collectTasks(block.block(), inner, into);
                collectTasks(block.rescue(), inner, into);
                collectTasks(block.always(), inner, into);
            }
        }
    }

    /** The role of the innermost block with an origin, or null. */
    static Role role(HostCursor.Step step) {
        for (int i = step.parents().size() - 1; i >= 0; i--) {
            BlockOrigin origin = step.parents().get(i).origin();
            if (origin != null) {
                return origin.role();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- variables

    private VarsContext hostContext(String name, Map<String, Object> playVars, String host, List<String> batch) {
        VarsContext context = roleLayers.enterPlay(VarsContext.play(), loaded.roles());
        context = context.push(Precedence.PLAY_VARS, "play vars", playVars);
        Object varsFiles = play.keyword("vars_files");
        if (varsFiles != null) {
            VarsContext base = context;
            for (VarsLayer layer : PlayVarsFiles.load(varsFiles, playbookDir, playbookDir, value -> {
                try {
                    return run.templar().template(value, run.variables().varsFilesScope(host, base));
                } catch (io.jplay.template.UndefinedVariableException e) {
                    return null;
                }
            })) {
                context = context.push(layer);
            }
        }
        List<String> playHosts = playHostsAll.stream().filter(h -> !state.failedHosts.contains(h)
                && !state.unreachableHosts.contains(h)).toList();
        List<String> batchHosts = batch.stream().filter(h -> !state.failedHosts.contains(h)
                && !state.unreachableHosts.contains(h)).toList();
        List<String> roleNames = play.roles().isEmpty() ? List.of()
                : loaded.roles().subList(0, Math.min(play.roles().size(), loaded.roles().size())).stream().map(Role::name).toList();
        return context.push(Precedence.MAGIC, "play", MagicVariables.play(name, roleNames,
                RoleLayers.dependentRoleNames(loaded.roles()), playHostsAll, playHosts, batchHosts));
    }

    // ---------------------------------------------------------------- tasks

    private String uuid(Task task) {
        return uuids.computeIfAbsent(task, t -> "task-" + uuids.size());
    }

    /** Task.get_name(): "role : name" for a role's task. */
    private String taskName(Task task, String host, HostCursor.Step step) {
        Role role = role(step);
        String name = plainName(task, host);
        return role == null || isRoleInclude(task) ? name : role.name() + " : " + name;
    }

    /** IncludeRole.get_name in Ansible: include_role/import_role tasks show their own name, not "role : name". */
    static boolean isRoleInclude(Task task) {
        return task.moduleName().equals("include_role") || task.moduleName().equals("import_role");
    }

    private String plainName(Task task, String host) {
        if (task.name().isEmpty()) {
            if (task.moduleName().equals("include_role") || task.moduleName().equals("import_role")) {
                return task.action() + " : " + task.args().get("name");
            }
            return task.action();
        }
        String name = task.name().get();
        // Ansible's strategy runs meta tasks itself, without templating them, so their banner shows the raw name.
        if (!name.contains("{") || task.moduleName().equals("meta")) {
            return name;
        }
        try {
            VarsContext context = hostContexts.getOrDefault(host, VarsContext.play());
            return String.valueOf(run.templar().template(name, run.variables().scope(host, context)));
        } catch (TemplatingException e) {
            return name;
        }
    }

    private TaskInfo info(Task task, String host, HostCursor.Step step) {
        Inheritance inherited = new Inheritance(task, step.parents(), play.keywords());
        String path = task.location() == null || task.location().file() == null ? null
                : task.location().file() + ":" + task.location().line();
        TaskInfo info = new TaskInfo(uuid(task), taskName(task, host, step), task.action(), task.args(),
                task.has("loop"), truthy(inherited.value("no_log")), taskCheckMode(inherited),
                truthy(inherited.value("ignore_unreachable")), null, path, false);
        Object delegate = inherited.value("delegate_to");
        if (delegate != null) {
            try {
                info = info.withDelegateTo(String.valueOf(run.templar().template(delegate,
                        run.variables().scope(host, hostContexts.get(host)))));
            } catch (TemplatingException e) {
                info = info.withDelegateTo(String.valueOf(delegate));
            }
        }
        return info;
    }

    private boolean taskCheckMode(Inheritance inherited) {
        Object keyword = inherited.value("check_mode");
        return keyword == null ? run.options().check() : truthy(keyword);
    }

    private List<Path> searchDirs(HostCursor.Step step) {
        List<Path> dirs = new ArrayList<>();
        for (int i = step.parents().size() - 1; i >= 0; i--) {
            BlockOrigin origin = step.parents().get(i).origin();
            if (origin != null) {
                if (origin.role() != null && !dirs.contains(origin.role().path())) {
                    dirs.add(origin.role().path());
                }
                if (!dirs.contains(origin.directory())) {
                    dirs.add(origin.directory());
                }
            }
        }
        if (!dirs.contains(playbookDir)) {
            dirs.add(playbookDir);
        }
        return dirs;
    }

    /**
     * Runs a task on the hosts (in parallel up to forks, results processed in host order). Returns whether
     * the task makes errors fatal for the play (any_errors_fatal, or run_once).
     */
    private boolean runTask(Task task, Map<String, HostCursor.Step> steps, Map<String, HostCursor> cursors,
                            List<String> batch, boolean handler) {
        String first = steps.keySet().iterator().next();
        HostCursor.Step firstStep = steps.get(first);
        TaskInfo info = info(task, first, firstStep);
        if (handler) {
            run.events().handlerTaskStart(info);
        } else {
            run.events().taskStart(info, task.has("when"));
        }
        Inheritance inherited = new Inheritance(task, firstStep.parents(), play.keywords());
        boolean runOnce = truthy(inherited.value("run_once"));
        // add_host runs for the first host only, as run_once, but registers for that host alone
        boolean bypassHostLoop = Actions.BYPASS_HOST_LOOP.contains(task.moduleName());
        if (free && !handler) {
            if (bypassHostLoop) {
                throw new JplayException("The '" + task.action() + "' module bypasses the host loop, which is currently "
                        + "not supported in the free strategy and would instead execute for every host in the inventory list.",
                        task.location());
            }
            if (runOnce) {
                run.display().warning("Using run_once with the free strategy is not currently supported. This task will "
                        + "still be executed for every host in the inventory list.");
                runOnce = false;
            }
            if (truthy(inherited.value("any_errors_fatal"))) {
                run.display().warning("Using any_errors_fatal with the free strategy is not supported, as tasks are "
                        + "executed independently on each host");
            }
        }
        List<String> hosts = new ArrayList<>(steps.keySet());
        if (runOnce || bypassHostLoop) {
            hosts = List.of(first);
        }
        // throttle: at most that many hosts run this task at once (within forks)
        java.util.concurrent.Semaphore throttle = throttle(task, inherited, first);
        Map<String, Future<TaskOutcome>> futures = new LinkedHashMap<>();
        Map<String, BufferedCallback> buffers = new LinkedHashMap<>();
        for (String host : hosts) {
            HostCursor.Step step = steps.get(host);
            BufferedCallback buffer = new BufferedCallback();
            buffers.put(host, buffer);
            HostTask hostTask = new HostTask(host, step, hostContexts.get(host), play.keywords(),
                    host.equals(first) ? info : info(task, host, step), searchDirs(step), hosts);
            futures.put(host, workers.submit(() -> {
                if (throttle == null) {
                    return runner.run(hostTask, buffer);
                }
                throttle.acquireUninterruptibly();
                try {
                    return runner.run(hostTask, buffer);
                } finally {
                    throttle.release();
                }
            }));
        }
        if (Actions.INVENTORY_ACTIONS.contains(task.moduleName())) {
            // group_by changes the inventory as its results are processed: no host may still be reading it
            for (Future<TaskOutcome> future : futures.values()) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new JplayException("interrupted");
                } catch (ExecutionException e) {
                    // reported below, in host order
                }
            }
        }
        Map<String, TaskOutcome> outcomes = new LinkedHashMap<>();
        for (String host : hosts) {
            TaskOutcome outcome;
            try {
                outcome = futures.get(host).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JplayException("interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
            buffers.get(host).replayTo(run.events());
            HostTask hostTask = new HostTask(host, steps.get(host), hostContexts.get(host), play.keywords(),
                    info(task, host, steps.get(host)), List.of(), hosts);
            ResultProcessor.process(run, state, hostTask, outcome, cursors.get(host), handlers,
                    runOnce ? List.copyOf(steps.keySet()) : List.of(host), handler);
            outcomes.put(host, outcome);
        }
        includeFiles(task, steps, handler ? includedHandlerCursors(steps.keySet()) : cursors, outcomes);
        return (truthy(inherited.value("any_errors_fatal")) || runOnce || bypassHostLoop)
                && !truthy(inherited.value("ignore_errors"));
    }

    /** The task's throttle keyword (templated for the first host) as a semaphore, or null when it is 0. */
    private java.util.concurrent.Semaphore throttle(Task task, Inheritance inherited, String host) {
        Object value = inherited.value("throttle");
        if (value == null) {
            return null;
        }
        int limit;
        try {
            Object templated = run.templar().template(value, run.variables().scope(host, hostContexts.get(host)));
            limit = Integer.parseInt(String.valueOf(templated).strip());
        } catch (TemplatingException | NumberFormatException e) {
            throw new JplayException("Failed to convert the throttle value to an integer.", task.location());
        }
        return limit > 0 ? new java.util.concurrent.Semaphore(limit) : null;
    }

    /**
     * include_tasks/include_role: loads each included file once per distinct (file, loop vars), prints
     * "included: FILE for HOSTS", counts ok per host and puts the blocks after the include on each host.
     */
    private void includeFiles(Task task, Map<String, HostCursor.Step> steps, Map<String, HostCursor> cursors,
                              Map<String, TaskOutcome> outcomes) {
        Map<TaskOutcome.Inclusion, List<String>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, TaskOutcome> e : outcomes.entrySet()) {
            for (TaskOutcome.Inclusion inclusion : e.getValue().inclusions()) {
                groups.computeIfAbsent(inclusion, i -> new ArrayList<>()).add(e.getKey());
            }
        }
        Map<String, List<Block>> perHost = new LinkedHashMap<>();
        for (Map.Entry<TaskOutcome.Inclusion, List<String>> group : groups.entrySet()) {
            TaskOutcome.Inclusion inclusion = group.getKey();
            HostCursor.Step step = steps.get(group.getValue().get(0));
            BlockOrigin origin = nearestOrigin(step);
            Block included;
            String shown;
            if (inclusion.role()) {
                var role = loaded.includes().includeRole(inclusion.target(), task, origin);
                included = Block.implicit(role.blocks(), Map.of(), task.location(), null);
                shown = null;
                Object isPublic = task.args().get("public");
                if (isPublic != null && truthy(isPublic)) {
                    // a public include_role shows its defaults and vars to the rest of the play
                    for (String host : group.getValue()) {
                        hostContexts.put(host, roleLayers.enterPlay(hostContexts.get(host), List.of(role.role())));
                    }
                }
                if (!role.handlers().isEmpty()) {
                    handlers.add(role.handlers(), h -> plainName(h, group.getValue().get(0)));
                }
            } else {
                try {
                    included = loaded.includes().includeTasks(inclusion.target(), task, origin, task.handler());
                } catch (JplayException e) {
                    // a missing file fails the include on its hosts, as Ansible's _load_included_file
                    Path base = origin == null ? playbookDir : origin.directory();
                    failInclude(task, group.getValue(), steps, cursors, "Could not find or access '"
                            + base.resolve(inclusion.target()).normalize() + "' on the Ansible Controller.");
                    continue;
                }
                shown = included.origin().file().toString();
            }
            Map<String, Object> keywords = new LinkedHashMap<>();
            for (String keyword : List.of("vars", "become", "become_user", "become_method", "environment",
                    "ignore_errors", "no_log", "check_mode", "diff", "delegate_to", "run_once", "any_errors_fatal")) {
                if (task.keyword(keyword) != null) {
                    keywords.put(keyword, task.keyword(keyword));
                }
            }
            if (task.args().get("apply") instanceof Map<?, ?> apply) {
                apply.forEach((k, v) -> keywords.put(String.valueOf(k), v));
            }
            if (!inclusion.vars().isEmpty()) {
                Map<String, Object> vars = new LinkedHashMap<>();
                if (keywords.get("vars") instanceof Map<?, ?> own) {
                    own.forEach((k, v) -> vars.put(String.valueOf(k), v));
                }
                vars.putAll(inclusion.vars());
                keywords.put("vars", vars);
            }
            Block wrapper = new Block(List.of(included), List.of(), List.of(), keywords, task.location(), null);
            includedBlocks.add(wrapper);
            Map<String, Object> labelVars = new LinkedHashMap<>(inclusion.vars());
            if (!inclusion.vars().isEmpty()) {
                labelVars.put("_ansible_item_label", inclusion.vars().values().iterator().next());
            }
            if (shown != null) {
                // include_role has no on_include callback in Ansible: no "included:" line
                run.events().playbookInclude(new io.jplay.output.IncludedFile(shown, group.getValue(), labelVars));
            }
            for (String host : group.getValue()) {
                if (shown != null) {
                    run.stats().increment(Counter.OK, host);
                }
                perHost.computeIfAbsent(host, h -> new ArrayList<>()).add(wrapper);
            }
        }
        perHost.forEach((host, blocks) -> cursors.get(host).insert(
                blocks.size() == 1 ? blocks.get(0) : new Block(List.copyOf(blocks), List.of(), List.of(), Map.of(), task.location(), null)));
    }

    private void failInclude(Task task, List<String> hosts, Map<String, HostCursor.Step> steps,
                             Map<String, HostCursor> cursors, String reason) {
        for (String host : hosts) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("failed", true);
            result.put("reason", reason);
            HostCursor.Step step = steps.get(host);
            HostTask hostTask = new HostTask(host, step, hostContexts.get(host), play.keywords(),
                    info(task, host, step), List.of(), hosts);
            ResultProcessor.process(run, state, hostTask, new TaskOutcome(result, TaskStatus.FAILED, false, List.of(), List.of()),
                    cursors.get(host), handlers, List.of(host), false);
        }
    }

    /** Where an include run as a handler puts its tasks: one empty cursor per host, run right after. */
    private Map<String, HostCursor> includedHandlerCursors(Set<String> hosts) {
        pendingHandlerTasks = new LinkedHashMap<>();
        for (String host : hosts) {
            pendingHandlerTasks.put(host, new HostCursor(List.of()));
        }
        return pendingHandlerTasks;
    }

    private Map<String, HostCursor> pendingHandlerTasks;

    /** Runs the tasks an include_tasks handler brought in, in lock-step, as handlers. */
    private void runIncludedHandlerTasks(List<String> batch) {
        Map<String, HostCursor> cursors = pendingHandlerTasks;
        pendingHandlerTasks = null;
        if (cursors == null) {
            return;
        }
        Map<String, HostCursor.Step> peeked = new LinkedHashMap<>();
        while (true) {
            for (Map.Entry<String, HostCursor> e : cursors.entrySet()) {
                if (!peeked.containsKey(e.getKey()) && !state.unreachableHosts.contains(e.getKey())) {
                    HostCursor.Step step = e.getValue().next();
                    if (step != null) {
                        peeked.put(e.getKey(), step);
                    }
                }
            }
            if (peeked.isEmpty()) {
                return;
            }
            Task task = peeked.values().iterator().next().task();
            Map<String, HostCursor.Step> steps = new LinkedHashMap<>();
            for (String host : new ArrayList<>(peeked.keySet())) {
                if (peeked.get(host).task() == task) {
                    steps.put(host, peeked.remove(host));
                }
            }
            runTask(task, steps, cursors, batch, true);
        }
    }

    private static BlockOrigin nearestOrigin(HostCursor.Step step) {
        for (int i = step.parents().size() - 1; i >= 0; i--) {
            if (step.parents().get(i).origin() != null) {
                return step.parents().get(i).origin();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- meta and handlers

    private void runMeta(Task task, Map<String, HostCursor.Step> steps, Map<String, HostCursor> cursors, List<String> batch) {
        String what = String.valueOf(task.args().getOrDefault("_raw_params", "")).strip();
        boolean explicit = explicitMeta.getOrDefault(task, true);
        if (what.equals("role_complete")) {
            Role role = role(steps.values().iterator().next());
            if (role != null && fromRolesSection(steps.values().iterator().next())) {
                for (String host : steps.keySet()) {
                    completedRoles.computeIfAbsent(host, h -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())).add(role);
                }
            }
            return;
        }
        boolean perHost = PER_HOST_META.contains(what);
        List<String> hosts = new ArrayList<>(steps.keySet());
        if (!perHost) {
            hosts = List.of(hosts.get(0));
        }
        if (what.equals("flush_handlers")) {
            if (explicit) {
                run.events().taskStart(info(task, hosts.get(0), steps.get(hosts.get(0))), false);
            }
            List<String> flushHosts = new ArrayList<>();
            boolean force = run.options().forceHandlers() || truthy(play.keyword("force_handlers"));
            for (String host : batch) {
                // with force_handlers, hosts that failed earlier still run what they were notified of
                if (steps.containsKey(host) || force && cursors.containsKey(host) && cursors.get(host).hasFailed()) {
                    flushHosts.add(host);
                }
            }
            flushHandlers(flushHosts, cursors, batch, false);
            return;
        }
        for (String host : hosts) {
            HostCursor.Step step = steps.get(host);
            TaskInfo info = info(task, host, step);
            run.events().taskStart(info, task.has("when"));
            Inheritance inherited = new Inheritance(task, step.parents(), play.keywords());
            boolean conditionHolds = true;
            HostScope scope = run.variables().scope(host, hostContexts.get(host));
            for (Object condition : inherited.whens()) {
                if (!run.templar().evaluateConditional(condition, scope)) {
                    conditionHolds = false;
                    break;
                }
            }
            if (!conditionHolds) {
                Map<String, Object> skipped = new LinkedHashMap<>();
                skipped.put("changed", false);
                skipped.put("skipped", true);
                skipped.put("skip_reason", "Conditional result was False");
                run.events().runnerSkipped(new TaskResult(host, info, skipped));
                continue;
            }
            switch (what) {
                case "end_host" -> cursors.get(host).end();
                case "end_play" -> {
                    for (HostCursor cursor : cursors.values()) {
                        cursor.end();
                    }
                    endPlay = true;
                }
                case "end_batch" -> {
                    for (HostCursor cursor : cursors.values()) {
                        cursor.end();
                    }
                }
                case "clear_host_errors" -> {
                    for (String h : playHostsAll) {
                        if (cursors.containsKey(h)) {
                            cursors.get(h).clearFailure();
                        }
                        state.failedHosts.remove(h);
                    }
                }
                case "clear_facts" -> {
                    for (String h : steps.keySet()) {
                        run.variables().clearFacts(h);
                    }
                }
                case "noop", "refresh_inventory", "reset_connection", "role_complete", "end_role" -> { }
                default -> throw new JplayException("invalid meta action requested: " + what, task.location());
            }
        }
    }

    private void flushHandlers(List<String> hosts, Map<String, HostCursor> cursors, List<String> batch, boolean failedToo) {
        boolean force = run.options().forceHandlers() || truthy(play.keyword("force_handlers"));
        for (int index = 0; index < handlers.handlers().size(); index++) {
            Task handler = handlers.handlers().get(index);
            List<String> eligible = new ArrayList<>();
            for (String host : hosts) {
                if (state.unreachableHosts.contains(host)) {
                    continue;
                }
                boolean failed = state.failedHosts.contains(host) || cursors.get(host).hasFailed();
                if (!failed || force) {
                    eligible.add(host);
                }
            }
            List<String> runOn = handlers.take(index, eligible);
            if (runOn.isEmpty()) {
                continue;
            }
            Map<String, HostCursor.Step> steps = new LinkedHashMap<>();
            for (String host : runOn) {
                steps.put(host, handlerSteps.getOrDefault(handler, new HostCursor.Step(handler, List.of())));
            }
            runTask(handler, steps, cursors, batch, true);
            runIncludedHandlerTasks(batch);
        }
    }
}
