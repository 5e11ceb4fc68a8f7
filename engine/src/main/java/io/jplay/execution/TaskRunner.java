package io.jplay.execution;

import io.jplay.connection.Connection;
import io.jplay.connection.ConnectionException;
import io.jplay.connection.ExecResult;
import io.jplay.connection.ShellQuote;
import io.jplay.error.JplayException;
import io.jplay.execution.action.ActionContext;
import io.jplay.execution.action.ActionFailure;
import io.jplay.execution.action.ActionPlugin;
import io.jplay.execution.action.Actions;
import io.jplay.module.Module;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleInvoker;
import io.jplay.module.ModuleResult;
import io.jplay.module.SourceResolver;
import io.jplay.output.PlaybookCallback;
import io.jplay.output.TaskResult;
import io.jplay.playbook.Block;
import io.jplay.playbook.BlockOrigin;
import io.jplay.playbook.load.Includes;
import io.jplay.vars.RoleLayers;
import io.jplay.playbook.Task;
import io.jplay.template.ScopeRenderer;
import io.jplay.template.TemplatingException;
import io.jplay.template.UndefinedVariableException;
import io.jplay.python.PythonRepr;
import io.jplay.python.PythonValues;
import io.jplay.vars.HostScope;
import io.jplay.vars.Precedence;
import io.jplay.vars.VarsContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one task on one host, as ansible-core's TaskExecutor: loop items, conditionals, argument templating,
 * the action or module, until/retries, changed_when/failed_when, and the shape of the result (loop results
 * included). The strategy decides what the outcome means for the play.
 */
final class TaskRunner {

    static final java.util.Set<String> INCLUDES = java.util.Set.of("include_tasks", "include_role", "include");

    private final RunContext run;
    private final RoleLayers roleLayers;
    private final Includes includes;

    TaskRunner(RunContext run, RoleLayers roleLayers, Includes includes) {
        this.run = run;
        this.roleLayers = roleLayers;
        this.includes = includes;
    }

    /** The variables context of a task: the play's, then its role's, its blocks' and its own vars. */
    VarsContext context(HostTask hostTask) {
        Task task = hostTask.step().task();
        VarsContext context = hostTask.context();
        for (int i = hostTask.step().parents().size() - 1; i >= 0; i--) {
            BlockOrigin origin = hostTask.step().parents().get(i).origin();
            if (origin != null) {
                if (origin.role() != null) {
                    context = roleLayers.enterRole(context, origin.role(), origin.depChain(), origin.role().path(),
                            "role-" + System.identityHashCode(origin.role()));
                }
                break;
            }
        }
        for (Block block : hostTask.step().parents()) {
            if (block.keyword("vars") instanceof Map<?, ?> vars) {
                context = context.push(Precedence.BLOCK_VARS, "block", stringKeys(vars));
            }
        }
        if (task.keyword("vars") instanceof Map<?, ?> vars) {
            context = context.push(Precedence.TASK_VARS, "task", stringKeys(vars));
        }
        return context;
    }

    TaskOutcome run(HostTask hostTask, PlaybookCallback events) {
        Task task = hostTask.step().task();
        Inheritance inherited = hostTask.inherited();
        run.searchPaths().enter(hostTask.searchDirs());
        VarsContext context = context(hostTask);
        HostScope scope = run.variables().scope(hostTask.host(), context);
        boolean noLog = truthy(inherited.value("no_log"), scope);
        if (INCLUDES.contains(task.moduleName())) {
            return include(hostTask, scope, events);
        }
        Map<String, Object> result;
        if (task.has("loop")) {
            result = runLoop(hostTask, scope, events, noLog);
        } else {
            result = execute(hostTask, scope, events, null);
        }
        // an error raised while preparing the task (templating) comes back without "changed", as TaskExecutor.run
        if (result.remove(TASK_ERROR) == null) {
            result.putIfAbsent("changed", false);
        }
        if (noLog) {
            result.put("_ansible_no_log", true);
        }
        return outcome(hostTask, result, scope);
    }

    private TaskOutcome outcome(HostTask hostTask, Map<String, Object> result, HostScope scope) {
        Inheritance inherited = hostTask.inherited();
        TaskStatus status;
        boolean ignored = false;
        if (Boolean.TRUE.equals(result.get("unreachable"))) {
            status = TaskStatus.UNREACHABLE;
            ignored = truthy(inherited.value("ignore_unreachable"), scope);
        } else if (Boolean.TRUE.equals(result.get("failed"))) {
            status = TaskStatus.FAILED;
            ignored = truthy(inherited.value("ignore_errors"), scope);
        } else if (Boolean.TRUE.equals(result.get("skipped"))) {
            status = TaskStatus.SKIPPED;
        } else {
            status = TaskStatus.OK;
        }
        List<String> notify = new ArrayList<>();
        if (status == TaskStatus.OK && Boolean.TRUE.equals(result.get("changed"))) {
            List<Object> targets = new ArrayList<>();
            Inheritance.addAll(targets, hostTask.step().task().keyword("notify"));
            for (Object target : targets) {
                try {
                    notify.add(String.valueOf(run.templar().template(target, scope)));
                } catch (TemplatingException e) {
                    notify.add(String.valueOf(target));
                }
            }
        }
        return new TaskOutcome(result, status, ignored, notify, List.of());
    }

    /** include_tasks / include_role: what to include per loop item; the strategy loads and inserts it. */
    private TaskOutcome include(HostTask hostTask, HostScope scope, PlaybookCallback events) {
        Task task = hostTask.step().task();
        boolean role = task.moduleName().equals("include_role");
        List<Map<String, Object>> itemVars = new ArrayList<>();
        try {
            if (task.has("loop")) {
                ScopeRenderer loopRenderer = run.templar().forScope(scope);
                Object templated = loopRenderer.template(task.keyword("loop"));
                List<Object> items = task.loopWith() != null ? loopRenderer.loopLookup(task.loopWith(), templated)
                        : templated instanceof List<?> l ? new ArrayList<>(l) : List.of();
                Map<String, Object> control = task.keyword("loop_control") instanceof Map<?, ?> m ? stringKeys(m) : Map.of();
                String loopVar = control.get("loop_var") == null ? "item" : String.valueOf(control.get("loop_var"));
                warnIfLoopVarInUse(hostTask, scope, loopVar);
                for (int i = 0; i < items.size(); i++) {
                    Map<String, Object> vars = new LinkedHashMap<>();
                    vars.put(loopVar, items.get(i));
                    if (control.get("index_var") != null) {
                        vars.put(String.valueOf(control.get("index_var")), (long) i);
                    }
                    itemVars.add(vars);
                }
            } else {
                itemVars.add(Map.of());
            }
        } catch (UndefinedVariableException e) {
            return outcome(hostTask, failed(e.ansibleMessage()), scope);
        }
        List<TaskOutcome.Inclusion> inclusions = new ArrayList<>();
        for (Map<String, Object> vars : itemVars) {
            HostScope itemScope = scope.with(vars);
            try {
                Map<String, Object> skipped = whenFalse(hostTask, itemScope);
                if (skipped != null) {
                    if (!vars.isEmpty()) {
                        Map<String, Object> item = new LinkedHashMap<>(skipped);
                        Map.Entry<String, Object> loopVar = vars.entrySet().iterator().next();
                        item.put(loopVar.getKey(), loopVar.getValue());
                        item.put("ansible_loop_var", loopVar.getKey());
                        item.put("_ansible_item_result", true);
                        item.put("_ansible_item_label", loopVar.getValue());
                        events.runnerItemSkipped(new TaskResult(hostTask.host(), hostTask.info(), item));
                    }
                    continue;
                }
                Map<String, Object> args = stringKeys((Map<?, ?>) run.templar().forScope(itemScope).template(new LinkedHashMap<>(task.args())));
                Object target = role ? args.get("name")
                        : args.get("file") != null ? args.get("file") : args.get("_raw_params");
                inclusions.add(new TaskOutcome.Inclusion(String.valueOf(target), role, vars));
            } catch (UndefinedVariableException e) {
                return outcome(hostTask, failed(located("The task includes an option with an undefined variable. The error was: "
                        + e.ansibleMessage(), task)), scope);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        if (inclusions.isEmpty()) {
            result.put("changed", false);
            result.put("skipped", true);
            result.put("skip_reason", "Conditional result was False");
            return new TaskOutcome(result, TaskStatus.SKIPPED, false, List.of(), List.of());
        }
        result.put("changed", false);
        return new TaskOutcome(result, TaskStatus.OK, false, List.of(), inclusions);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asObjects(List<String> list) {
        return (List<Object>) (List<?>) list;
    }

    private Map<String, Object> runLoop(HostTask hostTask, HostScope scope, PlaybookCallback events, boolean noLog) {
        Task task = hostTask.step().task();
        List<Object> items;
        try {
            ScopeRenderer loopRenderer = run.templar().forScope(scope);
            Object templated = loopRenderer.template(task.keyword("loop"));
            if (task.loopWith() != null) {
                items = loopRenderer.loopLookup(task.loopWith(), templated);
            } else if (templated instanceof List<?> list) {
                items = new ArrayList<>(list);
            } else {
                return failed("Invalid data passed to 'loop', it requires a list, got this instead: "
                        + PythonRepr.str(templated) + ". Hint: If you passed a list/dict of just one element, try adding wantlist=True to your lookup invocation or use q/query instead of lookup.");
            }
        } catch (UndefinedVariableException e) {
            // Ansible keeps the error and raises it only if the task's conditions let it run
            Map<String, Object> skip = whenFalse(hostTask, scope);
            return skip != null ? skip : taskError(e.ansibleMessage());
        } catch (JplayException e) {
            return failed(e.getMessage());
        }
        if (items.isEmpty()) {
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("changed", false);
            res.put("skipped", true);
            res.put("skipped_reason", "No items in the list");
            res.put("results", new ArrayList<>());
            return res;
        }
        Map<String, Object> control = task.keyword("loop_control") instanceof Map<?, ?> m ? stringKeys(m) : Map.of();
        String loopVar = control.get("loop_var") == null ? "item" : String.valueOf(control.get("loop_var"));
        String indexVar = control.get("index_var") == null ? null : String.valueOf(control.get("index_var"));
        boolean extended = truthy(control.get("extended"), scope);
        double pause = control.get("pause") == null ? 0 : Double.parseDouble(String.valueOf(control.get("pause")));
        warnIfLoopVarInUse(hostTask, scope, loopVar);
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0 && pause > 0) {
                sleep((long) (pause * 1000));
            }
            Object item = items.get(i);
            Map<String, Object> loopVars = new LinkedHashMap<>();
            loopVars.put(loopVar, item);
            if (indexVar != null) {
                loopVars.put(indexVar, (long) i);
            }
            if (extended) {
                loopVars.put("ansible_loop", extendedLoop(items, i));
            }
            HostScope itemScope = scope.with(loopVars);
            Map<String, Object> res = execute(hostTask, itemScope, events, item);
            if (!res.containsKey("invocation") && res.containsKey("_jplay_invocation")) {
                res.put("invocation", res.get("_jplay_invocation"));
            }
            res.remove("_jplay_invocation");
            res.putIfAbsent("changed", false);
            res.put(loopVar, item);
            res.put("ansible_loop_var", loopVar);
            if (indexVar != null) {
                res.put(indexVar, (long) i);
                res.put("ansible_index_var", indexVar);
            }
            if (extended) {
                res.put("ansible_loop", loopVars.get("ansible_loop"));
            }
            res.put("_ansible_item_result", true);
            res.put("_ansible_ignore_errors", truthy(hostTask.inherited().value("ignore_errors"), itemScope));
            Object label = item;
            if (control.get("label") != null) {
                try {
                    label = run.templar().forScope(itemScope).template(control.get("label"));
                } catch (TemplatingException e) {
                    label = control.get("label");
                }
            }
            res.put("_ansible_item_label", label);
            if (noLog) {
                res.put("_ansible_no_log", true);
            }
            TaskResult itemResult = new TaskResult(hostTask.host(), hostTask.info(), res);
            if (Boolean.TRUE.equals(res.get("failed"))) {
                events.runnerItemFailed(itemResult);
            } else if (Boolean.TRUE.equals(res.get("skipped"))) {
                events.runnerItemSkipped(itemResult);
            } else {
                if (run.options().diff() && res.get("diff") != null) {
                    events.fileDiff(itemResult);
                }
                if (!Actions.INVENTORY_ACTIONS.contains(task.moduleName())) {
                    // add_host/group_by items are shown by the strategy once the inventory changed
                    events.runnerItemOk(itemResult);
                }
            }
            results.add(res);
            // TaskExecutor updates the job's variables with facts as the loop goes (set_fact accumulating)
            if (res.get("ansible_facts") instanceof Map<?, ?> facts && !Boolean.TRUE.equals(res.get("failed"))) {
                scope = scope.with(stringKeys(facts));
            }
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("results", results);
        boolean skipped = true;
        for (Object o : results) {
            Map<?, ?> item = (Map<?, ?>) o;
            if (Boolean.TRUE.equals(item.get("changed")) && !Boolean.TRUE.equals(res.get("changed"))) {
                res.put("changed", true);
            }
            if (!Boolean.TRUE.equals(item.get("skipped"))) {
                skipped = false;
            }
            if (Boolean.TRUE.equals(item.get("failed")) && !Boolean.TRUE.equals(res.get("failed"))) {
                res.put("failed", true);
                res.put("msg", "One or more items failed");
            }
        }
        for (Object o : results) {
            ((Map<?, ?>) o).remove("_ansible_ignore_errors");
        }
        res.put("skipped", skipped);
        if (!Boolean.TRUE.equals(res.get("failed"))) {
            res.put("msg", "All items completed");
        }
        if (skipped) {
            res.put("msg", "All items skipped");
        }
        return res;
    }

    /** TaskExecutor._run_loop's warning when the loop variable shadows a variable (nested loops). */
    private void warnIfLoopVarInUse(HostTask hostTask, HostScope scope, String loopVar) {
        if (scope.containsKey(loopVar)) {
            run.display().workerView().warning("TASK: " + hostTask.info().name() + ": The loop variable '" + loopVar
                    + "' is already in use. You should set the `loop_var` value in the `loop_control` option for the task"
                    + " to something else to avoid variable collisions and unexpected behavior.");
        }
    }

    private static Map<String, Object> extendedLoop(List<Object> items, int i) {
        Map<String, Object> loop = new LinkedHashMap<>();
        int n = items.size();
        loop.put("allitems", items);
        loop.put("index", (long) i + 1);
        loop.put("index0", (long) i);
        loop.put("first", i == 0);
        loop.put("last", i == n - 1);
        loop.put("length", (long) n);
        loop.put("revindex", (long) (n - i));
        loop.put("revindex0", (long) (n - i - 1));
        if (i > 0) {
            loop.put("previtem", items.get(i - 1));
        }
        if (i < n - 1) {
            loop.put("nextitem", items.get(i + 1));
        }
        return loop;
    }

    /** The skipped result when a condition is false, null when all hold; errors in conditions propagate. */
    private Map<String, Object> whenFalse(HostTask hostTask, HostScope scope) {
        ScopeRenderer renderer = run.templar().forScope(scope);
        for (Object condition : hostTask.inherited().whens()) {
            if (!renderer.evaluateConditional(condition)) {
                Map<String, Object> res = new LinkedHashMap<>();
                res.put("changed", false);
                res.put("skipped", true);
                res.put("skip_reason", "Conditional result was False");
                return res;
            }
        }
        return null;
    }

    /** TaskExecutor._execute: one run of the task (one loop item). */
    private Map<String, Object> execute(HostTask hostTask, HostScope scope, PlaybookCallback events, Object item) {
        Task task = hostTask.step().task();
        Inheritance inherited = hostTask.inherited();
        try {
            Map<String, Object> skipped = whenFalse(hostTask, scope);
            if (skipped != null) {
                return skipped;
            }
        } catch (TemplatingException e) {
            List<Object> whens = inherited.whens();
            String condition = whens.isEmpty() ? "" : String.valueOf(whens.get(whens.size() - 1));
            String error = e instanceof UndefinedVariableException u ? u.ansibleMessage() : e.getMessage();
            return taskError(located("The conditional check '" + condition + "' failed. The error was: error while evaluating conditional ("
                    + condition + "): " + error, task));
        }
        String register = task.keyword("register") == null ? null : String.valueOf(task.keyword("register"));
        int retries = 1;
        long delay = 5;
        Object until = task.keyword("until");
        if (until != null) {
            // TaskExecutor: retries None -> 3, <= 0 -> 1, else retries + 1 attempts
            Object configured = task.keyword("retries");
            retries = configured == null ? 3 : intValue(run.templar().template(configured, scope));
            retries = configured == null ? 3 : retries <= 0 ? 1 : retries + 1;
            if (task.keyword("delay") != null) {
                long configuredDelay = intValue(run.templar().template(task.keyword("delay"), scope));
                delay = configuredDelay < 0 ? 1 : configuredDelay;
            }
        }
        Map<String, Object> result = null;
        boolean untilMet = false;
        for (int attempt = 1; attempt <= retries; attempt++) {
            result = executeOnce(hostTask, scope);
            if (Boolean.TRUE.equals(result.get("unreachable")) || result.containsKey(TASK_ERROR)) {
                return result;
            }
            if (!result.containsKey("failed")) {
                Object rc = result.get("rc");
                result.put("failed", rc != null && !(rc instanceof Number n && n.longValue() == 0) && !"0".equals(rc));
            }
            if (until != null) {
                result.put("attempts", (long) attempt);
            }
            result.putIfAbsent("changed", false);
            HostScope withResult = register == null ? scope : scope.with(Map.of(register, Registered.clean(result)));
            if (!result.containsKey("skipped")) {
                String when = "changed";
                try {
                    if (task.has("changed_when")) {
                        result.put("changed", allTrue(task.keyword("changed_when"), withResult));
                        withResult = register == null ? scope : scope.with(Map.of(register, Registered.clean(result)));
                    }
                    when = "failed";
                    if (task.has("failed_when")) {
                        boolean failed = allTrue(task.keyword("failed_when"), withResult);
                        result.put("failed_when_result", failed);
                        result.put("failed", failed);
                    }
                } catch (TemplatingException e) {
                    result.put("failed", true);
                    result.put(when + "_when_result", e instanceof UndefinedVariableException u ? u.ansibleMessage() : e.getMessage());
                }
            }
            if (retries <= 1) {
                untilMet = true;
                break;
            }
            HostScope untilScope = register == null ? scope : scope.with(Map.of(register, Registered.clean(result)));
            if (allTrue(until, untilScope)) {
                untilMet = true;
                break;
            }
            if (attempt < retries) {
                result.put("_ansible_retry", true);
                result.put("retries", (long) retries);
                events.runnerRetry(new TaskResult(hostTask.host(), hostTask.info(), result));
                sleep(delay * 1000);
            }
        }
        if (!untilMet && retries > 1) {
            result.put("attempts", (long) retries - 1);
            result.put("failed", true);
        }
        result.remove("_ansible_retry");
        result.remove("retries");
        return result;
    }

    private Map<String, Object> executeOnce(HostTask hostTask, HostScope scope) {
        Task task = hostTask.step().task();
        Inheritance inherited = hostTask.inherited();
        ScopeRenderer renderer = run.templar().forScope(scope);
        Map<String, Object> args;
        try {
            Object templated = renderer.template(new LinkedHashMap<>(task.args()));
            args = stringKeys((Map<?, ?>) templated);
            Object variableParams = args.remove("_variable_params");
            if (variableParams != null) {
                run.display().workerView().warning("Using a variable for a task's 'args' is unsafe in some situations "
                        + "(see https://docs.ansible.com/ansible/devel/reference_appendices/faq.html#argsplat-unsafe)");
            }
            if (variableParams instanceof Map<?, ?> params) {
                // args: "{{ dict }}" (mod_args' _variable_params): the dict under the inline arguments
                Map<String, Object> merged = stringKeys(params);
                merged.putAll(args);
                args = merged;
            }
            Object argsKeyword = task.keyword("args");
            if (argsKeyword != null && renderer.template(argsKeyword) instanceof Map<?, ?> extra) {
                // the args keyword (a dict, or a template giving one) under the inline arguments
                Map<String, Object> merged = stringKeys(extra);
                merged.putAll(args);
                args = merged;
            }
            String omit = run.variables().omit();
            args.values().removeIf(v -> omit.equals(v));
        } catch (UndefinedVariableException e) {
            return taskError(located("The task includes an option with an undefined variable. The error was: " + e.ansibleMessage(), task));
        } catch (TemplatingException e) {
            return failed(e.getMessage());
        }
        String action = task.moduleName();
        boolean check = run.options().check();
        Object checkKeyword = inherited.value("check_mode");
        if (checkKeyword != null) {
            check = truthy(checkKeyword, scope);
        }
        boolean diff = run.options().diff();
        Object diffKeyword = inherited.value("diff");
        if (diffKeyword != null) {
            diff = truthy(diffKeyword, scope);
        }
        ActionPlugin plugin = Actions.find(action).orElse(null);
        if (plugin != null) {
            try {
                ActionContext context = new ActionContext(hostTask.host(), hostTask.taskHosts(), args,
                        new LinkedHashMap<>(task.args()), renderer, run.display().workerView(), run.stats(), check,
                        (kind, name) -> run.searchPaths().find(kind, name), run.searchPaths()::searchPaths);
                Map<String, Object> result = new LinkedHashMap<>(plugin.run(context));
                return result;
            } catch (ActionFailure e) {
                Map<String, Object> failure = failed(e.getMessage());
                if (e.raised()) {
                    failure.put("exception", "NoneType: None\n");
                }
                return failure;
            } catch (UndefinedVariableException e) {
                return failed(e.ansibleMessage());
            } catch (JplayException e) {
                return failed(e.getMessage());
            }
        }
        Module module = run.modules().find(task.action()).orElse(null);
        Optional<Path> libraryModule = run.libraries().find(task.action());
        if (module == null && libraryModule.isPresent()) {
            return failed("jplay cannot run the module '" + action + "' from " + libraryModule.get()
                    + ": it is not one of jplay's built-in modules, and jplay runs no Python");
        }
        if (module == null) {
            return failed(AnsibleActionNames.knownToAnsible(task.action())
                    ? "jplay does not run the module '" + action + "' yet; the modules it runs are listed in docs/modules/"
                    : "The module " + action + " was not found in configured module paths");
        }
        Connection connection;
        try {
            connection = connect(hostTask, scope, renderer);
        } catch (ConnectionException e) {
            return unreachable(e.getMessage());
        } catch (io.jplay.connection.BecomeException e) {
            return taskError(e.getMessage());
        } catch (TemplatingException e) {
            return failed(e.getMessage());
        }
        try {
            Path base = hostTask.searchDirs().isEmpty() ? Path.of(".") : hostTask.searchDirs().get(0);
            SourceResolver sources = (kind, name) -> {
                Path found = run.searchPaths().find(kind, name);
                return found != null ? found : SourceResolver.relativeTo(base).resolve(kind, name);
            };
            ModuleContext context = ModuleContext.builder()
                    .invokedName(task.action())
                    .args(args)
                    .connection(connection)
                    .checkMode(check)
                    .diffMode(diff)
                    .sources(sources)
                    .templates((path, text, options) -> run.templar().forScope(scope.with(templateVars(path)))
                            .renderText(text, path))
                    .remoteTmp(() -> remoteTmp(connection, connection.describe().startsWith("local")))
                    .hostVars(name -> scope.get(name) == null ? null : renderer.template(scope.get(name)))
                    .hostName(hostTask.host())
                    .build();
            // loop items keep "invocation" in registered results (the strategy strips it only at the top)
            boolean invocation = run.options().verbosity() >= 3 || task.has("loop");
            ModuleResult moduleResult = ModuleInvoker.invoke(module, context, invocation);
            return new LinkedHashMap<>(moduleResult.toMap());
        } catch (ConnectionException e) {
            return unreachable(e.getMessage());
        } catch (io.jplay.connection.BecomeException e) {
            // raised by the connection, not the module: Ansible's result has only "msg", no "changed"
            return taskError(e.getMessage());
        } catch (ModuleFailure e) {
            return failed(e.getMessage());
        } finally {
            connection.close();
        }
    }

    /** The variables the template module adds for its template (ansible_managed, template_path, ...). */
    private static Map<String, Object> templateVars(Path template) {
        Map<String, Object> vars = new LinkedHashMap<>();
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        vars.put("ansible_managed", "Ansible managed");
        vars.put("template_host", host);
        vars.put("template_path", template.toString());
        vars.put("template_fullpath", template.toAbsolutePath().toString());
        vars.put("template_uid", System.getProperty("user.name"));
        return vars;
    }

    /**
     * remote_tmp for modules that stage files, made to exist on the target: {@code ANSIBLE_REMOTE_TEMP} (default
     * {@code ~/.ansible/tmp}), with {@code ~} as the home of the user the task runs as there. Local connections
     * make it with the run's HOME; others ask the target once per connection (one extra round trip, only for
     * modules that need it).
     */
    private String remoteTmp(Connection connection, boolean local) {
        Map<String, String> env = run.options().environment();
        String configured = env.getOrDefault("ANSIBLE_REMOTE_TEMP", env.getOrDefault("ANSIBLE_REMOTE_TMP", "~/.ansible/tmp"));
        if (!local) {
            return run.connections().remoteTmpDirs().computeIfAbsent(connection.describe(), key -> {
                String path = configured.startsWith("~/") ? "~/" + ShellQuote.quote(configured.substring(2)) : ShellQuote.quote(configured);
                ExecResult made = connection.sh("umask 77 && mkdir -p " + path + " && cd " + path + " && pwd");
                if (made.rc() != 0) {
                    throw new ConnectionException("Failed to create temporary directory " + configured + " on the target: "
                            + made.stderrText().strip() + ". Set remote_tmp (ANSIBLE_REMOTE_TEMP) to a writable path.");
                }
                return made.stdoutText().strip();
            });
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        String path = configured.startsWith("~/") ? home + configured.substring(1) : configured;
        try {
            java.nio.file.Files.createDirectories(Path.of(path));
        } catch (java.io.IOException e) {
            // the module reports the failure to use it
        }
        return path;
    }

    private Connection connect(HostTask hostTask, HostScope scope, ScopeRenderer renderer) {
        Inheritance inherited = hostTask.inherited();
        Map<String, Object> vars = scope;
        Object delegate = inherited.value("delegate_to");
        if (delegate != null) {
            String target = String.valueOf(renderer.template(delegate));
            if (run.inventory().hosts().containsKey(target)) {
                vars = run.variables().scope(target, io.jplay.vars.VarsContext.NONE);
            } else if (io.jplay.inventory.Inventory.LOCALHOST_NAMES.contains(target)) {
                vars = Map.of("ansible_connection", "local");
            }
        }
        String type = run.connections().type(inherited.value("connection"), vars);
        Object becomeKeyword = inherited.value("become");
        // connection variables (become ones included) are the delegated host's when the task is delegated
        boolean become = becomeKeyword != null ? truthy(becomeKeyword, scope) : run.options().become()
                || truthy(vars.get("ansible_become"), scope);
        // connection variables win over keywords, as in Ansible (ansible_become_user over become_user ...)
        Object user = firstSet(vars.get("ansible_become_user"), inherited.value("become_user"), run.options().becomeUser());
        Object method = firstSet(vars.get("ansible_become_method"), inherited.value("become_method"),
                run.options().becomeMethod());
        Object flags = firstSet(vars.get("ansible_become_flags"), inherited.value("become_flags"));
        Object password = firstSet(vars.get("ansible_become_password"), vars.get("ansible_become_pass"),
                run.options().connectionFlags().becomePassword());
        Connections.BecomeSettings settings = new Connections.BecomeSettings(become,
                method == null ? "sudo" : String.valueOf(renderer.template(method)),
                user == null ? null : String.valueOf(renderer.template(user)),
                password == null ? null : String.valueOf(renderer.template(password)),
                flags == null ? null : String.valueOf(renderer.template(flags)));
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object env : environmentLayers(hostTask)) {
            Object templated = renderer.template(env);
            if (templated instanceof Map<?, ?> map) {
                map.forEach((k, v) -> environment.put(String.valueOf(k), PythonRepr.str(v)));
            }
        }
        Object hostVar = vars.get("ansible_host") != null ? vars.get("ansible_host") : vars.get("ansible_ssh_host");
        Object address = hostVar != null ? hostVar : hostTask.host();
        if (delegate != null && hostVar == null) {
            address = renderer.template(delegate);
        }
        Object port = vars.get("ansible_port") != null ? vars.get("ansible_port") : vars.getOrDefault("ansible_ssh_port", 22);
        String[] target = {String.valueOf(renderer.template(address)), String.valueOf(renderer.template(port))};
        return run.connections().open(type, target, vars, renderer::template, inherited.value("remote_user"), settings,
                environment);
    }

    private static Object firstSet(Object... values) {
        for (Object value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** environment: play, then blocks outermost first, then the task; later ones win per variable. */
    private static List<Object> environmentLayers(HostTask hostTask) {
        List<Object> layers = new ArrayList<>();
        Inheritance.addAll(layers, hostTask.playKeywords().get("environment"));
        for (Block block : hostTask.step().parents()) {
            Inheritance.addAll(layers, block.keyword("environment"));
        }
        Inheritance.addAll(layers, hostTask.step().task().keyword("environment"));
        return layers;
    }

    private boolean allTrue(Object conditions, HostScope scope) {
        List<Object> list = new ArrayList<>();
        Inheritance.addAll(list, conditions);
        ScopeRenderer renderer = run.templar().forScope(scope);
        for (Object condition : list) {
            if (!renderer.evaluateConditional(condition)) {
                return false;
            }
        }
        return true;
    }

    private boolean truthy(Object value, HostScope scope) {
        if (value == null) {
            return false;
        }
        Object templated = value instanceof String ? run.templar().template(value, scope) : value;
        return templated instanceof String s ? io.jplay.config.Booleans.isTrue(s) : PythonValues.isTrue(templated);
    }

    private static int intValue(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        return Integer.parseInt(String.valueOf(value).trim());
    }

    private static final String TASK_ERROR = "_jplay_task_error";

    /** A task error (Ansible's AnsibleError out of _execute): failed with this message and nothing else. */
    private static Map<String, Object> taskError(String msg) {
        Map<String, Object> res = failed(msg);
        res.put(TASK_ERROR, true);
        return res;
    }

    static Map<String, Object> failed(String msg) {
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("failed", true);
        res.put("msg", msg);
        return res;
    }

    private static Map<String, Object> unreachable(String msg) {
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("msg", msg);
        res.put("unreachable", true);
        res.put("changed", false);
        return res;
    }

    /** A task error with Ansible's "The error appears to be in ..." excerpt. */
    static String located(String message, Task task) {
        if (task.location() == null) {
            return message;
        }
        return new JplayException(message, task.location()).describe();
    }

    static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
