package io.jplay.connection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A command to run on a target: either an argv (run without a shell's word splitting) or a shell
 * string (run as {@code /bin/sh -c string}), with optional stdin bytes, extra environment and working
 * directory.
 *
 * <p>Every transport in the end carries one string to a remote shell (an SSH exec channel takes a
 * command line, sudo wraps one), so {@link #toShellString()} renders the whole request, env and cwd
 * included, as one POSIX command line; connections only need to run that string and feed stdin.
 */
public final class Command {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<String> argv;
    private final String shell;
    private final byte[] stdin;
    private final Map<String, String> env;
    private final String cwd;

    private Command(List<String> argv, String shell, byte[] stdin, Map<String, String> env, String cwd) {
        this.argv = argv;
        this.shell = shell;
        this.stdin = stdin;
        this.env = env;
        this.cwd = cwd;
    }

    /** A command run with exactly these arguments; argv[0] is looked up in PATH. */
    public static Command argv(List<String> argv) {
        if (argv == null || argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
        return new Command(List.copyOf(argv), null, null, Map.of(), null);
    }

    public static Command argv(String... argv) {
        return argv(List.of(argv));
    }

    /** A script run by {@code /bin/sh -c}. */
    public static Command shell(String script) {
        if (script == null) {
            throw new IllegalArgumentException("script must not be null");
        }
        return new Command(null, script, null, Map.of(), null);
    }

    public Command withStdin(byte[] bytes) {
        return new Command(argv, shell, bytes == null ? null : bytes.clone(), env, cwd);
    }

    public Command withStdin(String text) {
        return withStdin(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    public Command withEnv(Map<String, String> variables) {
        Map<String, String> merged = new LinkedHashMap<>(env);
        for (Map.Entry<String, String> e : variables.entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("invalid environment variable name: " + e.getKey());
            }
            merged.put(e.getKey(), e.getValue());
        }
        return new Command(argv, shell, stdin, Collections.unmodifiableMap(merged), cwd);
    }

    public Command withCwd(String directory) {
        return new Command(argv, shell, stdin, env, directory);
    }

    public boolean isShell() {
        return shell != null;
    }

    public List<String> argv() {
        return argv;
    }

    public String script() {
        return shell;
    }

    /** The bytes to feed on stdin, or null to give the command an empty stdin. */
    public byte[] stdin() {
        return stdin == null ? null : stdin.clone();
    }

    public Map<String, String> env() {
        return env;
    }

    public String cwd() {
        return cwd;
    }

    /**
     * The whole request as one POSIX command line: {@code cd DIR && VAR=x ... exec argv} or
     * {@code cd DIR && VAR=x ... /bin/sh -c SCRIPT}. Exported assignments go before the command so they
     * reach it without {@code env(1)} (which would break builtins and shell functions in a script).
     */
    public String toShellString() {
        List<String> parts = new ArrayList<>();
        if (cwd != null) {
            parts.add("cd " + ShellQuote.quote(cwd) + " &&");
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            parts.add(e.getKey() + "=" + ShellQuote.quote(e.getValue() == null ? "" : e.getValue()));
        }
        if (shell != null) {
            if (env.isEmpty() && cwd == null) {
                return "/bin/sh -c " + ShellQuote.quote(shell);
            }
            parts.add("/bin/sh -c " + ShellQuote.quote(shell));
        } else {
            parts.add(ShellQuote.join(argv));
        }
        return String.join(" ", parts);
    }

    @Override
    public String toString() {
        return toShellString();
    }
}
