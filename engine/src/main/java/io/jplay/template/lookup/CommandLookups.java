package io.jplay.template.lookup;

import io.jplay.error.JplayException;
import io.jplay.template.filter.Args;
import io.jplay.template.filter.Py;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lookups that run a shell command on the controller: pipe (its output) and lines (its output's lines). */
final class CommandLookups {

    private CommandLookups() {
    }

    static List<Object> pipe(List<Object> terms, Args options, LookupContext context) {
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            Output output = run(Py.str(term));
            if (output.exitCode != 0) {
                throw new JplayException("lookup_plugin.pipe(" + Py.str(term) + ") returned " + output.exitCode);
            }
            result.add(output.stdout.stripTrailing());
        }
        return result;
    }

    static List<Object> lines(List<Object> terms, Args options, LookupContext context) {
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            Output output = run(Py.str(term));
            if (output.exitCode != 0) {
                throw new JplayException("lookup_plugin.lines(" + Py.str(term) + ") returned " + output.exitCode);
            }
            if (!output.stdout.isEmpty()) {
                String text = output.stdout.endsWith("\n") ? output.stdout.substring(0, output.stdout.length() - 1) : output.stdout;
                result.addAll(List.of((Object[]) text.split("\r?\n", -1)));
            }
        }
        return result;
    }

    private record Output(int exitCode, String stdout) {
    }

    /** Runs {@code /bin/sh -c command}; stderr goes to jplay's stderr, as Ansible's does. */
    private static Output run(String command) {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Output(process.waitFor(), stdout);
        } catch (IOException e) {
            throw new JplayException("lookup_plugin could not run " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JplayException("interrupted while running " + command);
        }
    }
}
