package io.jplay.execution;

import io.jplay.connection.BecomeConnection;
import io.jplay.connection.Connection;
import io.jplay.connection.ConnectionException;
import io.jplay.connection.EnvironmentConnection;
import io.jplay.connection.LocalConnection;
import io.jplay.connection.ssh.SshConnectionPool;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Chooses a host's transport from its connection variables: local for {@code ansible_connection=local} (and the
 * implicit localhost), else SSH over one persistent connection per host for the whole run. Become and a task's
 * environment wrap the transport.
 */
final class Connections implements AutoCloseable {

    private final String cliConnection;
    private final java.nio.file.Path workingDirectory;
    private final SshSettingsResolver ssh;
    private final SshConnectionPool pool = new SshConnectionPool();
    private final Map<String, String> remoteTmpDirs = new java.util.concurrent.ConcurrentHashMap<>();
    private final String configBecomeFlags;

    /**
     * @param workingDirectory  where local commands start: the run's working directory
     * @param configBecomeFlags ansible.cfg's become_flags (DEFAULT_BECOME_FLAGS), or null/empty for the method's default
     */
    Connections(String cliConnection, java.nio.file.Path workingDirectory, SshSettingsResolver ssh, String configBecomeFlags) {
        this.cliConnection = cliConnection;
        this.workingDirectory = workingDirectory;
        this.ssh = ssh;
        this.configBecomeFlags = configBecomeFlags == null || configBecomeFlags.isBlank() ? null : configBecomeFlags;
    }

    /** The connection type a host's task uses: the task/play keyword, else ansible_connection, else -c, else ssh. */
    String type(Object keyword, Map<String, Object> vars) {
        Object type = keyword != null ? keyword : vars.get("ansible_connection");
        if (type == null) {
            type = cliConnection;
        }
        String name = type == null ? "ssh" : String.valueOf(type);
        if (name.equals("smart") || name.equals("paramiko")) {
            name = "ssh";
        }
        return name.replace("ansible.builtin.", "").replace("ansible.legacy.", "");
    }

    /**
     * @param address           host and port (ansible_host, ansible_port) for SSH
     * @param vars              the host's variables, for the SSH settings
     * @param remoteUserKeyword the task's remote_user keyword, or null
     * @throws ConnectionException for unknown transports (the host becomes unreachable)
     */
    Connection open(String type, String[] address, Map<String, Object> vars, UnaryOperator<Object> template,
                    Object remoteUserKeyword, BecomeSettings become, Map<String, String> environment) {
        Connection base = switch (type) {
            case "local" -> new LocalConnection(workingDirectory);
            case "ssh" -> pool.lease(ssh.resolve(address, vars, template, remoteUserKeyword));
            default -> throw new ConnectionException("the connection plugin '" + type + "' was not found");
        };
        Connection connection = base;
        if (become != null && become.enabled()) {
            String name = become.method().replace("ansible.builtin.", "");
            BecomeConnection.Method method = switch (name) {
                case "sudo" -> BecomeConnection.Method.SUDO;
                case "su" -> BecomeConnection.Method.SU;
                default -> throw new io.jplay.connection.BecomeException("jplay does not support become_method '" + name
                        + "': it runs sudo and su (see docs/connections.md)");
            };
            String flags = become.flags() != null ? become.flags() : configBecomeFlags;
            connection = new BecomeConnection(connection, method, become.user(), become.password(), flags);
        }
        if (environment != null && !environment.isEmpty()) {
            connection = new EnvironmentConnection(connection, environment);
        }
        return connection;
    }

    /** remote_tmp as made on each connection (by its description, become user included): made once per run. */
    Map<String, String> remoteTmpDirs() {
        return remoteTmpDirs;
    }

    /** Closes every SSH connection of the run. */
    @Override
    public void close() {
        pool.closeAll();
    }

    /** A task's become keywords, resolved; flags null: ansible.cfg's become_flags, else the method's default. */
    record BecomeSettings(boolean enabled, String method, String user, String password, String flags) {
    }
}
