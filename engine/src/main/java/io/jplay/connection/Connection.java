package io.jplay.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One persistent channel to one host. Modules do their work through it with POSIX shell commands.
 *
 * <p>Implementations: {@link LocalConnection} (the controller itself); an SSH one (sshj exec channels for
 * {@link #exec}, SFTP for files with a {@code cat > file} fallback); {@link BecomeConnection} decorates any
 * of them to run everything as another user. Failures to reach the host are {@link ConnectionException};
 * a command that ran and failed is a normal {@link ExecResult} with a non-zero rc.
 */
public interface Connection extends AutoCloseable {

    /** A short name for messages, for example {@code local} or {@code ssh:user@host:22}. */
    String describe();

    /** Runs the command to completion, feeding its stdin and collecting stdout and stderr. */
    ExecResult exec(Command command);

    /** Shorthand for running a script with {@code /bin/sh -c}. */
    default ExecResult sh(String script) {
        return exec(Command.shell(script));
    }

    /**
     * Writes bytes to a remote file, replacing it, then sets its permission bits when {@code mode} is not
     * null. The default goes through {@code cat} over an exec channel, which any transport can do.
     */
    default void put(byte[] content, String remotePath, Integer mode) {
        String script = "cat > " + ShellQuote.quote(remotePath)
                + (mode == null ? "" : " && chmod " + Integer.toOctalString(mode) + " " + ShellQuote.quote(remotePath));
        ExecResult r = exec(Command.shell(script).withStdin(content));
        if (r.rc() != 0) {
            throw new ConnectionException("failed to transfer file to " + remotePath + ": " + r.stderrText().strip());
        }
    }

    /** Copies a controller-side file to a remote path. */
    default void put(Path localFile, String remotePath, Integer mode) {
        try {
            put(Files.readAllBytes(localFile), remotePath, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a whole remote file. */
    default byte[] get(String remotePath) {
        ExecResult r = exec(Command.argv("cat", remotePath));
        if (r.rc() != 0) {
            throw new ConnectionException("failed to transfer file from " + remotePath + ": " + r.stderrText().strip());
        }
        return r.stdout();
    }

    /** Copies a remote file to a controller-side path, creating parent directories. */
    default void get(String remotePath, Path localFile) {
        byte[] bytes = get(remotePath);
        try {
            if (localFile.getParent() != null) {
                Files.createDirectories(localFile.getParent());
            }
            Files.write(localFile, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The SSH settings this connection logs in with, or null when it is not an SSH connection. Modules that run
     * their own ssh client to the same host (synchronize's rsync) build its options from them.
     */
    default io.jplay.connection.ssh.SshSettings sshSettings() {
        return null;
    }

    @Override
    void close();
}
