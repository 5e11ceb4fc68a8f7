package io.jplay.connection.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to open one SSH session to one host, resolved from the host's variables, ansible.cfg and
 * the command line (see {@code io.jplay.execution.SshSettingsResolver}). Two tasks whose settings are equal share
 * one connection for the whole run.
 *
 * @param host                  address to connect to ({@code ansible_host})
 * @param port                  TCP port ({@code ansible_port})
 * @param user                  login user ({@code ansible_user}, {@code -u}, {@code remote_user}); null: the controller's user
 * @param privateKeyFiles       keys to offer, in order ({@code ansible_ssh_private_key_file}, {@code -i} in ssh args)
 * @param password              login password ({@code ansible_password}, {@code -k}); never printed
 * @param knownHostsFiles       known_hosts files to check the host key against (UserKnownHostsFile)
 * @param hostKeyChecking       what to do with an unknown or changed host key
 * @param connectTimeoutSeconds ConnectTimeout / {@code timeout}
 * @param connectionAttempts    ConnectionAttempts: how many times to try to connect before the host is unreachable
 * @param keepAliveSeconds      ServerAliveInterval (0: none)
 * @param proxyJump             ProxyJump / {@code -J} ({@code [user@]host[:port]}), or null
 * @param proxyCommand          ProxyCommand with %h %p %r already in place, or null
 * @param agentSocket           the ssh-agent to ask for keys ({@code SSH_AUTH_SOCK} of the run), or null
 */
public record SshSettings(String host, int port, String user, List<Path> privateKeyFiles, String password,
                          List<Path> knownHostsFiles, HostKeyChecking hostKeyChecking, int connectTimeoutSeconds,
                          int connectionAttempts, int keepAliveSeconds, String proxyJump, String proxyCommand,
                          String agentSocket) {

    /** StrictHostKeyChecking: yes refuses unknown keys, accept-new adds them, no accepts any (host_key_checking=False). */
    public enum HostKeyChecking { YES, ACCEPT_NEW, NO }

    public SshSettings {
        Objects.requireNonNull(host, "host");
        privateKeyFiles = List.copyOf(privateKeyFiles);
        knownHostsFiles = List.copyOf(knownHostsFiles);
        Objects.requireNonNull(hostKeyChecking, "hostKeyChecking");
        connectionAttempts = Math.max(1, connectionAttempts);
    }

    /** Defaults as OpenSSH has them: port 22, ~/.ssh/known_hosts checked strictly, 10 s to connect, one attempt, this process's agent. */
    public static SshSettings of(String host, int port, String user) {
        Path home = Path.of(System.getProperty("user.home"));
        return new SshSettings(host, port, user, List.of(), null, List.of(home.resolve(".ssh/known_hosts")),
                HostKeyChecking.YES, 10, 1, 0, null, null, System.getenv("SSH_AUTH_SOCK"));
    }

    public SshSettings withPrivateKeyFiles(List<Path> files) {
        return new SshSettings(host, port, user, files, password, knownHostsFiles, hostKeyChecking,
                connectTimeoutSeconds, connectionAttempts, keepAliveSeconds, proxyJump, proxyCommand, agentSocket);
    }

    public SshSettings withPassword(String secret) {
        return new SshSettings(host, port, user, privateKeyFiles, secret, knownHostsFiles, hostKeyChecking,
                connectTimeoutSeconds, connectionAttempts, keepAliveSeconds, proxyJump, proxyCommand, agentSocket);
    }

    public SshSettings withKnownHostsFiles(List<Path> files) {
        return new SshSettings(host, port, user, privateKeyFiles, password, files, hostKeyChecking,
                connectTimeoutSeconds, connectionAttempts, keepAliveSeconds, proxyJump, proxyCommand, agentSocket);
    }

    public SshSettings withHostKeyChecking(HostKeyChecking checking) {
        return new SshSettings(host, port, user, privateKeyFiles, password, knownHostsFiles, checking,
                connectTimeoutSeconds, connectionAttempts, keepAliveSeconds, proxyJump, proxyCommand, agentSocket);
    }

    public SshSettings withConnectTimeoutSeconds(int seconds) {
        return new SshSettings(host, port, user, privateKeyFiles, password, knownHostsFiles, hostKeyChecking,
                seconds, connectionAttempts, keepAliveSeconds, proxyJump, proxyCommand, agentSocket);
    }

    public SshSettings withConnectionAttempts(int attempts) {
        return new SshSettings(host, port, user, privateKeyFiles, password, knownHostsFiles, hostKeyChecking,
                connectTimeoutSeconds, attempts, keepAliveSeconds, proxyJump, proxyCommand, agentSocket);
    }

    public SshSettings withKeepAliveSeconds(int seconds) {
        return new SshSettings(host, port, user, privateKeyFiles, password, knownHostsFiles, hostKeyChecking,
                connectTimeoutSeconds, connectionAttempts, seconds, proxyJump, proxyCommand, agentSocket);
    }

    public SshSettings withProxyJump(String jump) {
        return new SshSettings(host, port, user, privateKeyFiles, password, knownHostsFiles, hostKeyChecking,
                connectTimeoutSeconds, connectionAttempts, keepAliveSeconds, jump, proxyCommand, agentSocket);
    }

    public SshSettings withProxyCommand(String command) {
        return new SshSettings(host, port, user, privateKeyFiles, password, knownHostsFiles, hostKeyChecking,
                connectTimeoutSeconds, connectionAttempts, keepAliveSeconds, proxyJump, command, agentSocket);
    }

    public SshSettings withPort(int newPort) {
        return new SshSettings(host, newPort, user, privateKeyFiles, password, knownHostsFiles, hostKeyChecking,
                connectTimeoutSeconds, connectionAttempts, keepAliveSeconds, proxyJump, proxyCommand, agentSocket);
    }

    public SshSettings withUser(String newUser) {
        return new SshSettings(host, port, newUser, privateKeyFiles, password, knownHostsFiles, hostKeyChecking,
                connectTimeoutSeconds, connectionAttempts, keepAliveSeconds, proxyJump, proxyCommand, agentSocket);
    }

    public SshSettings withAgentSocket(String socket) {
        return new SshSettings(host, port, user, privateKeyFiles, password, knownHostsFiles, hostKeyChecking,
                connectTimeoutSeconds, connectionAttempts, keepAliveSeconds, proxyJump, proxyCommand, socket);
    }

    /** The login user: the configured one, else the controller's (as ssh does). */
    public String effectiveUser() {
        return user != null ? user : System.getProperty("user.name");
    }

    /** {@code user@host:port}, for messages. */
    public String describe() {
        return effectiveUser() + "@" + host + ":" + port;
    }

    /** The password stays out of every printed form of the settings. */
    @Override
    public String toString() {
        return "SshSettings[" + describe() + ", keys=" + privateKeyFiles + ", password=" + (password == null ? "none" : "****")
                + ", knownHosts=" + knownHostsFiles + ", hostKeyChecking=" + hostKeyChecking + ", proxyJump=" + proxyJump
                + ", proxyCommand=" + proxyCommand + "]";
    }
}
