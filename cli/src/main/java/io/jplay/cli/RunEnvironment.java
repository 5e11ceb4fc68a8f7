package io.jplay.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * The process context a jplay run sees: its environment variables and its working directory.
 *
 * <p>{@code bin/jplay} passes the real ones ({@link #ofThisProcess()}); the conformance harness runs jplay
 * in-process and passes each case's own (a clean environment, the case folder as working directory), since a
 * JVM can neither change its working directory nor its environment. So code below {@link PlaybookCommand}
 * must read environment variables from {@link #variables()} and resolve relative paths (playbook, {@code -i},
 * {@code -e @file}, ...) with {@link #resolve(String)}, never through {@code System.getenv} or
 * {@code Path.toAbsolutePath()}. A run has no stdin (Ansible's are recorded with {@code < /dev/null}): in a
 * test JVM System.in may belong to the test runner, so nothing below PlaybookCommand reads it.
 */
public record RunEnvironment(Map<String, String> variables, Path workingDirectory) {

    public RunEnvironment {
        variables = Map.copyOf(variables);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public static RunEnvironment ofThisProcess() {
        return new RunEnvironment(System.getenv(), Path.of("").toAbsolutePath());
    }

    /** A path given on the command line or in a playbook, relative to the working directory. */
    public Path resolve(String path) {
        return workingDirectory.resolve(path);
    }

    /** $HOME, as Ansible's expanduser takes it; the JVM's user.home if the environment has none. */
    public Path home() {
        String home = variables.get("HOME");
        return Path.of(home != null ? home : System.getProperty("user.home"));
    }
}
