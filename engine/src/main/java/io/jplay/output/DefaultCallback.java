package io.jplay.output;

import io.jplay.python.PythonRepr;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ansible-core 2.14's {@code default} stdout callback (plugins/callback/default.py), line for line. Results
 * arrive as clean copies (see {@link CallbackDispatcher}); the callback works on its own copy of each map,
 * as Ansible's callback mutates the copy it is given.
 */
public final class DefaultCallback implements PlaybookCallback {

    private static final Set<String> DEBUG_ALLOWED_KEYS = Set.of("msg", "exception", "warnings", "deprecations");
    private static final List<String> HIDE_IN_DEBUG = List.of("changed", "failed", "skipped", "invocation", "skip_reason");

    private final Display display;
    private final CallbackOptions options;
    private final ResultFormatter formatter;

    private PlayInfo play;
    private String lastTaskBanner;
    private String lastTaskName;
    private final Map<String, String> taskTypeCache = new HashMap<>();

    public DefaultCallback(Display display, CallbackOptions options) {
        this.display = display;
        this.options = options;
        this.formatter = new ResultFormatter(display, options.diffContext());
    }

    @Override
    public synchronized void playbookStart(String playbookPath) {
        if (display.verbosity() > 1) {
            Path name = Path.of(playbookPath).getFileName();
            display.banner("PLAYBOOK: " + (name == null ? playbookPath : name.toString()));
        }
        if (options.checkRun() && options.checkModeMarkers()) {
            display.banner("DRY RUN");
        }
    }

    @Override
    public synchronized void playStart(PlayInfo play) {
        String name = play.name().strip();
        String check = play.checkMode() && options.checkModeMarkers() ? " [CHECK MODE]" : "";
        this.play = play;
        display.banner(name.isEmpty() ? "PLAY" + check : "PLAY [" + name + "]" + check);
    }

    @Override
    public synchronized void noHostsMatched() {
        display.display("skipping: no hosts matched", Color.SKIP);
    }

    @Override
    public synchronized void noHostsRemaining() {
        display.banner("NO MORE HOSTS LEFT");
    }

    @Override
    public synchronized void taskStart(TaskInfo task, boolean isConditional) {
        taskStart(task, "TASK");
    }

    @Override
    public synchronized void handlerTaskStart(TaskInfo task) {
        taskStart(task, "RUNNING HANDLER");
    }

    @Override
    public synchronized void cleanupTaskStart(TaskInfo task) {
        taskStart(task, "CLEANUP TASK");
    }

    private void taskStart(TaskInfo task, String prefix) {
        // The prefix is remembered: with hidden ok/skipped results the banner is printed later, by a result.
        taskTypeCache.put(task.uuid(), prefix);
        if (play != null && play.isFreeStrategy()) {
            // Hosts run different tasks at once: each result prints the banner of its own task.
            lastTaskName = null;
        } else {
            lastTaskName = task.name().strip();
            if (options.displaySkippedHosts() && options.displayOkHosts()) {
                printTaskBanner(task);
            }
        }
    }

    private void printTaskBanner(TaskInfo task) {
        String args = "";
        if (!task.noLog() && options.displayArgsToStdout()) {
            args = " " + task.args().entrySet().stream()
                    .map(e -> e.getKey() + "=" + PythonRepr.str(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        String prefix = taskTypeCache.getOrDefault(task.uuid(), "TASK");
        String taskName = lastTaskName != null ? lastTaskName : task.name().strip();
        String check = task.checkMode() && options.checkModeMarkers() ? " [CHECK MODE]" : "";
        display.banner(prefix + " [" + taskName + args + "]" + check);
        if (display.verbosity() >= 2) {
            printTaskPath(task);
        }
        lastTaskBanner = task.uuid();
    }

    private void bannerIfNew(TaskInfo task) {
        if (!task.uuid().equals(lastTaskBanner)) {
            printTaskBanner(task);
        }
    }

    private void printTaskPath(TaskInfo task) {
        if (task.path() != null && !task.path().isEmpty()) {
            display.display("task path: " + task.path(), Color.DEBUG);
        }
    }

    @Override
    public synchronized void runnerStart(String host, TaskInfo task) {
        if (options.showPerHostStart()) {
            // "%s" % task is Task.__repr__: "TASK: <name>"
            display.display(" [started TASK: " + task.name() + " on " + host + "]", Color.OK);
        }
    }

    @Override
    public synchronized void runnerFailed(TaskResult result, boolean ignoreErrors) {
        Map<String, Object> res = copy(result);
        String hostLabel = hostLabel(result, res);
        cleanResults(res, result.task());
        bannerIfNew(result.task());
        handleException(res, options.displayFailedStderr());
        handleWarnings(res);
        if (result.task().loop() && res.containsKey("results")) {
            res.remove("results");
        } else {
            if (display.verbosity() < 2 && options.showTaskPathOnFailure()) {
                printTaskPath(result.task());
            }
            display.display("fatal: [" + hostLabel + "]: FAILED! => " + formatter.dump(res), Color.ERROR,
                    options.displayFailedStderr());
        }
        if (ignoreErrors) {
            display.display("...ignoring", Color.SKIP);
        }
    }

    @Override
    public synchronized void runnerOk(TaskResult result) {
        Map<String, Object> res = copy(result);
        String hostLabel = hostLabel(result, res);
        String msg;
        Color color;
        if (result.task().include()) {
            bannerIfNew(result.task());
            return;
        } else if (isTruthy(res.get("changed"))) {
            bannerIfNew(result.task());
            msg = "changed: [" + hostLabel + "]";
            color = Color.CHANGED;
        } else {
            if (!options.displayOkHosts()) {
                return;
            }
            bannerIfNew(result.task());
            msg = "ok: [" + hostLabel + "]";
            color = Color.OK;
        }
        handleWarnings(res);
        if (result.task().loop() && res.containsKey("results")) {
            res.remove("results");
        } else {
            cleanResults(res, result.task());
            if (runIsVerbose(res)) {
                msg += " => " + formatter.dump(res);
            }
            display.display(msg, color);
        }
    }

    @Override
    public synchronized void runnerSkipped(TaskResult result) {
        if (!options.displaySkippedHosts()) {
            return;
        }
        Map<String, Object> res = copy(result);
        cleanResults(res, result.task());
        bannerIfNew(result.task());
        if (result.task().loop() && res.containsKey("results")) {
            res.remove("results");
        }
        String msg = "skipping: [" + result.host() + "]";
        if (runIsVerbose(res)) {
            msg += " => " + formatter.dump(res);
        }
        display.display(msg, Color.SKIP);
    }

    @Override
    public synchronized void runnerUnreachable(TaskResult result) {
        Map<String, Object> res = copy(result);
        bannerIfNew(result.task());
        String hostLabel = hostLabel(result, res);
        display.display("fatal: [" + hostLabel + "]: UNREACHABLE! => " + formatter.dump(res), Color.UNREACHABLE,
                options.displayFailedStderr());
        if (result.task().ignoreUnreachable()) {
            display.display("...ignoring", Color.SKIP);
        }
    }

    @Override
    public synchronized void runnerItemOk(TaskResult result) {
        Map<String, Object> res = copy(result);
        String hostLabel = hostLabel(result, res);
        String msg;
        Color color;
        if (result.task().include()) {
            return;
        } else if (isTruthy(res.get("changed"))) {
            bannerIfNew(result.task());
            msg = "changed";
            color = Color.CHANGED;
        } else {
            if (!options.displayOkHosts()) {
                return;
            }
            bannerIfNew(result.task());
            msg = "ok";
            color = Color.OK;
        }
        msg = msg + ": [" + hostLabel + "] => (item=" + itemLabel(res) + ")";
        cleanResults(res, result.task());
        if (runIsVerbose(res)) {
            msg += " => " + formatter.dump(res);
        }
        display.display(msg, color);
    }

    @Override
    public synchronized void runnerItemFailed(TaskResult result) {
        Map<String, Object> res = copy(result);
        bannerIfNew(result.task());
        String hostLabel = hostLabel(result, res);
        cleanResults(res, result.task());
        handleException(res, options.displayFailedStderr());
        handleWarnings(res);
        display.display("failed: [" + hostLabel + "] (item=" + itemLabel(res) + ") => " + formatter.dump(res),
                Color.ERROR, options.displayFailedStderr());
    }

    @Override
    public synchronized void runnerItemSkipped(TaskResult result) {
        if (!options.displaySkippedHosts()) {
            return;
        }
        Map<String, Object> res = copy(result);
        bannerIfNew(result.task());
        cleanResults(res, result.task());
        // Ansible's message ends with a space even when nothing follows.
        String msg = "skipping: [" + result.host() + "] => (item=" + itemLabel(res) + ") ";
        if (runIsVerbose(res)) {
            msg += " => " + formatter.dump(res);
        }
        display.display(msg, Color.SKIP);
    }

    @Override
    public synchronized void runnerRetry(TaskResult result) {
        Map<String, Object> res = copy(result);
        String taskName = result.taskName() != null ? result.taskName() : result.task().name();
        String hostLabel = hostLabel(result, res);
        long left = toLong(res.get("retries")) - toLong(res.get("attempts"));
        String msg = "FAILED - RETRYING: [" + hostLabel + "]: " + taskName + " (" + left + " retries left).";
        if (runIsVerbose(res, 2)) {
            msg += "Result was: " + formatter.dump(res);
        }
        display.display(msg, Color.DEBUG);
    }

    @Override
    public synchronized void runnerAsyncPoll(TaskResult result) {
        Map<String, Object> res = result.result();
        display.display("ASYNC POLL on " + result.host() + ": jid=" + PythonRepr.str(res.get("ansible_job_id"))
                + " started=" + PythonRepr.str(res.get("started")) + " finished=" + PythonRepr.str(res.get("finished")),
                Color.DEBUG);
    }

    @Override
    public synchronized void runnerAsyncOk(TaskResult result) {
        display.display("ASYNC OK on " + result.host() + ": jid=" + PythonRepr.str(result.result().get("ansible_job_id")),
                Color.DEBUG);
    }

    @Override
    public synchronized void runnerAsyncFailed(TaskResult result) {
        Object jid = result.result().get("ansible_job_id");
        if (!isTruthy(jid) && result.result().get("async_result") instanceof Map<?, ?> async) {
            jid = async.get("ansible_job_id");
        }
        display.display("ASYNC FAILED on " + result.host() + ": jid=" + PythonRepr.str(jid), Color.DEBUG);
    }

    @Override
    public synchronized void fileDiff(TaskResult result) {
        Map<String, Object> res = copy(result);
        if (result.task().loop() && res.get("results") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> itemResult && isTruthy(itemResult.get("diff"))
                        && isTruthy(itemResult.get("changed"))) {
                    showDiff(result.task(), itemResult.get("diff"));
                }
            }
        } else if (isTruthy(res.get("diff")) && isTruthy(res.get("changed"))) {
            showDiff(result.task(), res.get("diff"));
        }
    }

    private void showDiff(TaskInfo task, Object diff) {
        String text = formatter.diff(diff);
        if (!text.isEmpty()) {
            bannerIfNew(task);
            display.display(text);
        }
    }

    @Override
    public synchronized void playbookInclude(IncludedFile includedFile) {
        String msg = "included: " + includedFile.filename() + " for " + String.join(", ", includedFile.hosts());
        Object label = itemLabelValue(includedFile.vars());
        if (isTruthy(label)) {
            msg += " => (item=" + PythonRepr.str(label) + ")";
        }
        display.display(msg, Color.SKIP);
    }

    @Override
    public synchronized void notify(String handlerName, String host) {
        if (display.verbosity() > 1) {
            display.display("NOTIFIED HANDLER " + handlerName + " for " + host, Color.VERBOSE);
        }
    }

    @Override
    public synchronized void stats(AggregateStats stats) {
        display.banner("PLAY RECAP");
        for (String host : stats.processedHosts()) {
            display.screenOnly(RecapLine.format(host, stats.summarize(host), display, true));
            display.logOnly(RecapLine.format(host, stats.summarize(host), display, false));
        }
        display.screenOnly("");
        Map<String, Map<String, Object>> custom = stats.custom();
        if (!custom.isEmpty() && options.showCustomStats()) {
            display.banner("CUSTOM STATS: ");
            for (String key : custom.keySet().stream().sorted().toList()) {
                if (key.equals(AggregateStats.RUN)) {
                    continue;
                }
                display.display("\t" + key + ": " + formatter.dump(custom.get(key), 1).replace("\n", ""));
            }
            if (custom.containsKey(AggregateStats.RUN)) {
                display.screenOnly("");
                display.display("\tRUN: " + formatter.dump(custom.get(AggregateStats.RUN), 1).replace("\n", ""));
            }
            display.screenOnly("");
        }
        if (options.checkRun() && options.checkModeMarkers()) {
            display.banner("DRY RUN");
        }
    }

    /** CallbackBase.host_label: "host", or "host -> delegate", with "(address)" when it resolves elsewhere. */
    static String hostLabel(TaskResult result, Map<String, Object> res) {
        String label = result.host();
        String delegate = result.task().delegateTo();
        if (delegate != null && !delegate.isEmpty() && !delegate.equals(result.host())) {
            label += " -> " + delegate;
            Object address = delegate;
            if (res.get("_ansible_delegated_vars") instanceof Map<?, ?> vars && vars.containsKey("ansible_host")) {
                address = vars.get("ansible_host");
            }
            if (!delegate.equals(address)) {
                label += "(" + PythonRepr.str(address) + ")";
            }
        }
        return label;
    }

    /** CallbackBase._get_item_label, printed with "%s". */
    private static String itemLabel(Map<String, Object> res) {
        return PythonRepr.str(itemLabelValue(res));
    }

    private static Object itemLabelValue(Map<String, Object> res) {
        if (isTruthy(res.get("_ansible_no_log"))) {
            return "(censored due to no_log)";
        }
        return res.containsKey("_ansible_item_label") ? res.get("_ansible_item_label") : res.get("item");
    }

    /** CallbackBase._clean_results: a debug result shows only its msg, or only its var. */
    private static void cleanResults(Map<String, Object> res, TaskInfo task) {
        if (!task.isDebug()) {
            return;
        }
        if (res.containsKey("msg")) {
            res.keySet().removeIf(k -> !DEBUG_ALLOWED_KEYS.contains(k) && !k.startsWith("_"));
        } else {
            HIDE_IN_DEBUG.forEach(res::remove);
        }
    }

    /** CallbackBase._handle_warnings: module warnings and deprecations go to the display, then out of the result. */
    private void handleWarnings(Map<String, Object> res) {
        if (!options.actionWarnings()) {
            return;
        }
        if (res.get("warnings") instanceof List<?> warnings && !warnings.isEmpty()) {
            for (Object warning : warnings) {
                display.warning(PythonRepr.str(warning));
            }
            res.remove("warnings");
        }
        if (res.get("deprecations") instanceof List<?> deprecations && !deprecations.isEmpty()) {
            for (Object d : deprecations) {
                if (d instanceof Map<?, ?> dep) {
                    display.deprecated(text(dep.get("msg")), text(dep.get("version")), text(dep.get("date")),
                            text(dep.get("collection_name")));
                }
            }
            res.remove("deprecations");
        }
    }

    private static String text(Object value) {
        return value == null ? null : PythonRepr.str(value);
    }

    /** CallbackBase._handle_exception: the exception's last line, or the whole traceback from -vvv on. */
    private void handleException(Map<String, Object> res, boolean toStderr) {
        if (!res.containsKey("exception")) {
            return;
        }
        String exception = PythonRepr.str(res.get("exception"));
        String msg;
        if (display.verbosity() < 3) {
            String[] lines = exception.strip().split("\n", -1);
            msg = "An exception occurred during task execution. To see the full traceback, use -vvv. The error was: "
                    + lines[lines.length - 1];
        } else {
            msg = "The full traceback is:\n" + exception;
            res.remove("exception");
        }
        display.display(msg, Color.ERROR, toStderr);
    }

    private boolean runIsVerbose(Map<String, Object> res) {
        return runIsVerbose(res, 0);
    }

    /** CallbackBase._run_is_verbose. */
    private boolean runIsVerbose(Map<String, Object> res, int verbosity) {
        return (display.verbosity() > verbosity || Boolean.TRUE.equals(res.get("_ansible_verbose_always")))
                && !Boolean.TRUE.equals(res.get("_ansible_verbose_override"));
    }

    private static Map<String, Object> copy(TaskResult result) {
        return ResultCleaner.deepCopy(new LinkedHashMap<>(result.result()));
    }

    /** Python truthiness of a plain value. */
    static boolean isTruthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof java.util.Collection<?> c) {
            return !c.isEmpty();
        }
        return true;
    }

    private static long toLong(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
