package io.jplay.connection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds a task's {@code environment:} to every command run through the wrapped connection, so modules need not
 * know about it. Variables the command sets itself win over the task's.
 */
public final class EnvironmentConnection implements Connection {

    private final Connection inner;
    private final Map<String, String> environment;

    public EnvironmentConnection(Connection inner, Map<String, String> environment) {
        this.inner = inner;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public io.jplay.connection.ssh.SshSettings sshSettings() {
        return inner.sshSettings();
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public ExecResult exec(Command command) {
        if (environment.isEmpty()) {
            return inner.exec(command);
        }
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(command.env());
        Command base = command.isShell() ? Command.shell(command.script()) : Command.argv(command.argv());
        base = base.withEnv(merged).withStdin(command.stdin());
        return inner.exec(command.cwd() == null ? base : base.withCwd(command.cwd()));
    }

    // put and get use the interface defaults, which go through exec()

    @Override
    public void close() {
        inner.close();
    }
}
