package io.jplay.connection;

import java.nio.charset.StandardCharsets;

/**
 * Runs everything on the wrapped connection as another user (Ansible's {@code become}). Decorating keeps
 * privilege escalation out of both transports and modules: a module writes its script once, and
 * file transfers go through {@code cat} under the same wrapper so the file lands with the become user's
 * rights.
 *
 * <p>sudo reads the password from stdin ({@code -S}) with an empty prompt; {@code -k} makes it ask every
 * time, so the password line is always consumed and never reaches the command. Without a password sudo
 * runs non-interactively ({@code -n}) and fails instead of hanging. su needs a terminal to read a
 * password, so it is only offered without one (for example when connected as root).
 */
public final class BecomeConnection implements Connection {

    public enum Method { SUDO, SU }

    private final Connection inner;
    private final Method method;
    private final String user;
    private final String password;

    public BecomeConnection(Connection inner, Method method, String user, String password) {
        if (method == Method.SU && password != null) {
            throw new ConnectionException("become_method su with a password needs a terminal, which jplay does not allocate; use sudo");
        }
        this.inner = inner;
        this.method = method;
        this.user = user == null ? "root" : user;
        this.password = password;
    }

    @Override
    public io.jplay.connection.ssh.SshSettings sshSettings() {
        return inner.sshSettings();
    }

    @Override
    public String describe() {
        return inner.describe() + " (become " + user + ")";
    }

    /** The command line that runs {@code command} as the become user. */
    public String wrap(Command command) {
        String line = command.toShellString();
        if (method == Method.SU) {
            return "su " + ShellQuote.quote(user) + " -c " + ShellQuote.quote(line);
        }
        String auth = password == null ? "-n" : "-k -S -p ''";
        return "sudo -H " + auth + " -u " + ShellQuote.quote(user) + " /bin/sh -c " + ShellQuote.quote(line);
    }

    @Override
    public ExecResult exec(Command command) {
        byte[] stdin = command.stdin();
        if (password != null) {
            byte[] secret = (password + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] data = stdin == null ? new byte[0] : stdin;
            byte[] joined = new byte[secret.length + data.length];
            System.arraycopy(secret, 0, joined, 0, secret.length);
            System.arraycopy(data, 0, joined, secret.length, data.length);
            stdin = joined;
        }
        Command wrapped = Command.shell(wrap(command));
        return inner.exec(stdin == null ? wrapped : wrapped.withStdin(stdin));
    }

    // put and get use the interface defaults (cat over exec), which go through exec() and so through become.

    @Override
    public void close() {
        inner.close();
    }
}
