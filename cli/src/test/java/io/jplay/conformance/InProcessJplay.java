package io.jplay.conformance;

import io.jplay.cli.Main;
import io.jplay.cli.RunEnvironment;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs jplay through {@link Main#run(String[], PrintWriter, PrintWriter, RunEnvironment)} in this JVM, on a
 * thread of its own so that a hang fails the case after a timeout instead of blocking the build. Every case
 * of the suite runs this way: none needs stdin (the runs get {@code < /dev/null}; pause only uses seconds)
 * or signals, and in-process runs cost milliseconds where a JVM per case would cost about a second.
 */
final class InProcessJplay {

    private final Duration timeout;

    InProcessJplay(Duration timeout) {
        this.timeout = timeout;
    }

    /** The raw (not normalised) outcome of jplay with this command line, environment and working directory. */
    Outcome run(List<String> argv, Map<String, String> env, Path workingDirectory, Path workDir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out);
        PrintWriter errWriter = new PrintWriter(err);
        RunEnvironment environment = new RunEnvironment(env, workingDirectory);
        int rc;
        try {
            rc = callWithTimeout(() -> Main.run(argv.toArray(String[]::new), outWriter, errWriter, environment), timeout);
        } catch (TimeoutException e) {
            throw new CaseTimedOut(timeout, out.toString(), err.toString());
        }
        outWriter.flush();
        errWriter.flush();
        return new Outcome(rc, out.toString(), err.toString(), resultsFile(workDir));
    }

    /**
     * Calls {@code call} on a thread of its own and waits at most {@code timeout}; on timeout the thread is
     * interrupted and left behind (a daemon, so a run that ignores the interrupt cannot keep the JVM alive).
     */
    static <T> T callWithTimeout(Callable<T> call, Duration timeout) throws TimeoutException {
        FutureTask<T> task = new FutureTask<>(call);
        Thread thread = new Thread(task, "jplay-conformance");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("jplay threw instead of returning an exit code", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for jplay", e);
        }
    }

    private static Optional<String> resultsFile(Path workDir) {
        Path results = workDir.resolve("results.json");
        if (!Files.isRegularFile(results)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(results, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run did not end in time; carries what it had printed so far. */
    static final class CaseTimedOut extends RuntimeException {
        CaseTimedOut(Duration timeout, String stdoutSoFar, String stderrSoFar) {
            super("jplay did not finish within " + timeout.toSeconds() + " s (conformance.timeout)\n"
                    + "--- stdout so far:\n" + tail(stdoutSoFar) + "\n--- stderr so far:\n" + tail(stderrSoFar));
        }

        private static String tail(String text) {
            return text.length() <= 3000 ? text : "..." + text.substring(text.length() - 3000);
        }
    }
}
