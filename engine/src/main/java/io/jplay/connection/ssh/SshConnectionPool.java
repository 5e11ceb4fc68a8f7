package io.jplay.connection.ssh;

import io.jplay.connection.Command;
import io.jplay.connection.Connection;
import io.jplay.connection.ExecResult;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's SSH connections: one per distinct {@link SshSettings} (in practice one per host), opened on first use
 * and kept until {@link #closeAll()} at the end of the run. Tasks lease a view whose {@code close()} leaves the
 * connection open for the next task.
 */
public final class SshConnectionPool implements AutoCloseable {

    private final Map<SshSettings, SshConnection> connections = new ConcurrentHashMap<>();

    /** The host's connection (not yet opened if new); closing the returned view does not close it. */
    public Connection lease(SshSettings settings) {
        SshConnection connection = connections.computeIfAbsent(settings, SshConnection::new);
        return new Lease(connection);
    }

    /** Closes every connection; a later lease opens a fresh one. */
    public void closeAll() {
        connections.values().forEach(SshConnection::close);
        connections.clear();
    }

    @Override
    public void close() {
        closeAll();
    }

    /** A task's handle on a pooled connection. */
    private record Lease(SshConnection connection) implements Connection {
        @Override
        public SshSettings sshSettings() {
            return connection.settings();
        }

        @Override
        public String describe() {
            return connection.describe();
        }

        @Override
        public ExecResult exec(Command command) {
            return connection.exec(command);
        }

        @Override
        public void put(byte[] content, String remotePath, Integer mode) {
            connection.put(content, remotePath, mode);
        }

        @Override
        public byte[] get(String remotePath) {
            return connection.get(remotePath);
        }

        @Override
        public void close() {
            // the connection stays open for the host's next task
        }
    }
}
