package io.jplay.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A display writing into strings, the default callback behind a dispatcher, and builders for events. */
final class Harness {

    final StringWriter out;
    final StringWriter err;
    final Display display;
    final PlaybookCallback events;
    final AggregateStats stats = new AggregateStats();

    Harness(int verbosity, boolean color, CallbackOptions options) {
        out = new StringWriter();
        err = new StringWriter();
        display = new Display(out, err, verbosity, color, 79, true);
        events = new CallbackDispatcher(List.of(new DefaultCallback(display, options)));
    }

    /** Around a display of the test's own (whose output it does not capture). */
    Harness(Display display, CallbackOptions options) {
        out = new StringWriter();
        err = new StringWriter();
        this.display = display;
        events = new CallbackDispatcher(List.of(new DefaultCallback(display, options)));
    }

    Harness(int verbosity, boolean color) {
        this(verbosity, color, CallbackOptions.defaults());
    }

    String stdout() {
        return out.toString();
    }

    String stderr() {
        return err.toString();
    }

    /** Counts as the executor would have for a host, then the PLAY RECAP event. */
    Harness count(String host, int ok, int changed, int unreachable, int failed, int skipped, int rescued, int ignored) {
        bump(AggregateStats.Counter.OK, host, ok);
        bump(AggregateStats.Counter.CHANGED, host, changed);
        bump(AggregateStats.Counter.DARK, host, unreachable);
        bump(AggregateStats.Counter.FAILURES, host, failed);
        bump(AggregateStats.Counter.SKIPPED, host, skipped);
        bump(AggregateStats.Counter.RESCUED, host, rescued);
        bump(AggregateStats.Counter.IGNORED, host, ignored);
        return this;
    }

    private void bump(AggregateStats.Counter counter, String host, int times) {
        for (int i = 0; i < times; i++) {
            stats.increment(counter, host);
        }
        if (times == 0) {
            // Ansible marks a host processed only through increment; keep the counter at 0.
            stats.increment(counter, host);
            stats.decrement(counter, host);
        }
    }

    /** A recorded ansible-playbook output, machine paths normalised. */
    static String expected(String name) {
        try (InputStream in = Harness.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An insertion-ordered map from key, value pairs. */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** A list that may hold nulls. */
    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** A debug result as the debug action returns it. */
    static Map<String, Object> debugResult(Object... pairs) {
        Map<String, Object> result = map(pairs);
        result.put("_ansible_verbose_always", true);
        result.put("_ansible_no_log", false);
        result.put("changed", false);
        result.put("failed", false);
        return result;
    }

    /** A command module result with the fixtures' normalised times. */
    static Map<String, Object> commandResult(boolean changed, Object cmd, int rc, String stdout, Map<String, Object> invocationArgs) {
        Map<String, Object> result = map(
                "changed", changed,
                "stdout", stdout,
                "stderr", "",
                "rc", (long) rc,
                "cmd", cmd,
                "start", "2026-11-22 03:00:00.000000",
                "end", "2026-11-22 03:00:00.010000",
                "delta", "0:00:00.010000",
                "msg", rc == 0 ? "" : "non-zero return code",
                "invocation", map("module_args", invocationArgs),
                "stdout_lines", stdout.isEmpty() ? list() : list((Object[]) stdout.split("\n")),
                "stderr_lines", list(),
                "_ansible_no_log", false);
        if (rc != 0) {
            result.put("failed", true);
        }
        return result;
    }

    /** The command module's arguments as it reports them in "invocation". */
    static Map<String, Object> commandArgs(String raw, boolean shell) {
        return map("_raw_params", raw, "_uses_shell", shell, "stdin_add_newline", true, "strip_empty_ends", true,
                "argv", null, "chdir", null, "executable", null, "creates", null, "removes", null, "stdin", null);
    }
}
