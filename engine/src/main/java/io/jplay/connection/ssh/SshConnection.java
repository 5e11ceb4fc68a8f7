package io.jplay.connection.ssh;

import io.jplay.connection.Command;
import io.jplay.connection.Connection;
import io.jplay.connection.ConnectionException;
import io.jplay.connection.ExecResult;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AuthKeyboardInteractive;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.method.PasswordResponseProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.PasswordUtils;
import net.schmizz.sshj.userauth.password.Resource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One persistent SSH connection to one host (sshj), opened on first use and reused by every task: each command
 * runs on its own exec channel of the same session, files go over one SFTP channel (or {@code cat} over an exec
 * channel when the server has no sftp subsystem). A host that cannot be reached, or whose connection dies and
 * cannot be opened again, raises {@link ConnectionException} with the message ansible-playbook would show, so
 * the executor marks the host UNREACHABLE.
 */
public final class SshConnection implements Connection {

    /** sshj's algorithm tables are costly to build and never change: one for every connection. */
    private static final DefaultConfig CONFIG = new DefaultConfig();

    static {
        // ServerAliveInterval as OpenSSH has it: keepalive@openssh.com requests that expect an answer, so a peer that
        // stopped answering ends the connection (after 5 unanswered ones) instead of hanging the next command
        CONFIG.setKeepAliveProvider(net.schmizz.keepalive.KeepAliveProvider.KEEP_ALIVE);
    }

    /** Reads stderr while the caller reads stdout; threads are daemons so a hung channel never blocks exit. */
    private static final ExecutorService DRAINS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "jplay-ssh-drain");
        thread.setDaemon(true);
        return thread;
    });

    /** Closes connections that have not finished their banner exchange within ConnectTimeout. */
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "jplay-ssh-connect-timeout");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * How many connections do their handshake (banner, key exchange, authentication) at once: twice the cores.
     * Handshakes are CPU work, and in a fresh JVM that work is interpreted until the JIT has compiled it; 20 at once
     * on 2 busy cores took 33 s where 4 at a time took 12 s (forks=20, 20 hosts). Commands on open connections
     * are not limited. {@code -Djplay.ssh.handshakes=N} (JAVA_OPTS) overrides it.
     */
    static final int MAX_HANDSHAKES = Integer.getInteger("jplay.ssh.handshakes",
            Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
    private static final java.util.concurrent.Semaphore HANDSHAKES = new java.util.concurrent.Semaphore(MAX_HANDSHAKES);

    private final SshSettings settings;
    private SSHClient client;
    private SshTunnel tunnel;
    private SFTPClient sftp;
    private boolean sftpUnavailable;

    public SshConnection(SshSettings settings) {
        this.settings = settings;
    }

    @Override
    public SshSettings sshSettings() {
        return settings;
    }

    public SshSettings settings() {
        return settings;
    }

    @Override
    public String describe() {
        return "ssh:" + settings.describe();
    }

    /** Opens the connection now (it is otherwise opened by the first command). */
    public synchronized void connect() {
        client();
    }

    @Override
    public ExecResult exec(Command command) {
        try {
            return execOnce(client(), command);
        } catch (IOException first) {
            // The connection died under us (sshd restarted, network gone): try once more on a fresh one, as
            // Ansible's ssh plugin reconnects when its ControlPersist master is gone; if that fails, unreachable.
            reset();
            try {
                return execOnce(client(), command);
            } catch (IOException second) {
                reset();
                throw new ConnectionException("Failed to connect to the host via ssh: " + reasonOf(second), second);
            }
        }
    }

    private ExecResult execOnce(SSHClient ssh, Command command) throws IOException {
        try (Session session = ssh.startSession()) {
            Session.Command running = session.exec(command.toShellString());
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(running.getErrorStream()), DRAINS);
            byte[] stdin = command.stdin();
            try (OutputStream in = running.getOutputStream()) {
                if (stdin != null && stdin.length > 0) {
                    in.write(stdin);
                    in.flush();
                }
            } catch (IOException brokenPipe) {
                // the command exited without reading all of its stdin; its exit status tells the story
            }
            byte[] stdout = readAll(running.getInputStream());
            byte[] err = stderr.join();
            running.join();
            Integer status = running.getExitStatus();
            int rc;
            if (status != null) {
                rc = status;
            } else if (running.getExitSignal() != null) {
                rc = -1; // killed by a signal: Ansible reports rc -1 likewise when ssh gives no status
            } else if (!ssh.isConnected()) {
                throw new TransportException("the connection was closed while the command ran");
            } else {
                rc = -1;
            }
            return new ExecResult(rc, stdout, err);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            stream.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void put(byte[] content, String remotePath, Integer mode) {
        SFTPClient files = sftp();
        if (files == null) {
            Connection.super.put(content, remotePath, mode);
            return;
        }
        try (RemoteFile file = files.open(remotePath, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC))) {
            // sshj sends each write() as one SFTP packet; servers drop the channel on packets over their limit
            int chunk = 32768 - file.getOutgoingPacketOverhead();
            try (OutputStream out = file.new RemoteFileOutputStream(0, 16)) {
                for (int offset = 0; offset < content.length; offset += chunk) {
                    out.write(content, offset, Math.min(chunk, content.length - offset));
                }
            }
            if (mode != null) {
                files.chmod(remotePath, mode);
            }
        } catch (IOException e) {
            throw new ConnectionException("failed to transfer file to " + remotePath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] get(String remotePath) {
        SFTPClient files = sftp();
        if (files == null) {
            return Connection.super.get(remotePath);
        }
        try (RemoteFile file = files.open(remotePath, EnumSet.of(OpenMode.READ));
             InputStream in = file.new RemoteFileInputStream(0)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ConnectionException("failed to transfer file from " + remotePath + ": " + e.getMessage(), e);
        }
    }

    /** The SFTP channel, opened once; null when the server has no sftp subsystem (then files go through cat). */
    private synchronized SFTPClient sftp() {
        if (sftp == null && !sftpUnavailable) {
            try {
                sftp = client().newSFTPClient();
            } catch (IOException e) {
                sftpUnavailable = true;
            }
        }
        return sftp;
    }

    private synchronized SSHClient client() {
        if (client != null && client.isConnected() && client.isAuthenticated()) {
            return client;
        }
        reset();
        ConnectionException last = null;
        for (int attempt = 1; attempt <= settings.connectionAttempts(); attempt++) {
            if (attempt > 1) {
                pause(); // OpenSSH waits a second between ConnectionAttempts
            }
            try {
                client = open();
                return client;
            } catch (Refused e) {
                throw e; // a refused login or host key is not retried: it would be refused again
            } catch (ConnectionException e) {
                last = e;
            }
        }
        throw last;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The host answered and said no (authentication, host key): not worth another attempt. */
    private static final class Refused extends ConnectionException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SSHClient open() {
        SSHClient ssh = new SSHClient(CONFIG);
        HostKeyCheck hostKeys = new HostKeyCheck(settings);
        ssh.addHostKeyVerifier(hostKeys);
        ssh.setConnectTimeout(settings.connectTimeoutSeconds() * 1000);
        ssh.setSocketFactory(NoDelaySockets.INSTANCE);
        // ConnectTimeout covers the banner exchange too, as in OpenSSH: a port that accepts but never speaks SSH
        // (a hung sshd, a wrong service) must not hold the host for sshj's 30 s transport timeout
        HANDSHAKES.acquireUninterruptibly();
        java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
        // (only the banner: key exchange after it may be slow on a loaded controller opening many connections at
        // once, and OpenSSH does not time it either)
        java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            if (ssh.getTransport().getServerVersion() == null) {
                timedOut.set(true);
                closeQuietly(ssh);
            }
        }, Math.max(1, settings.connectTimeoutSeconds()), java.util.concurrent.TimeUnit.SECONDS);
        try {
            try {
                tunnel = SshTunnel.connect(ssh, settings);
            } finally {
                watchdog.cancel(false);
            }
            if (timedOut.get()) {
                throw new IOException("Connection timed out during banner exchange");
            }
            if (settings.keepAliveSeconds() > 0) {
                ssh.getConnection().getKeepAlive().setKeepAliveInterval(settings.keepAliveSeconds());
            }
            authenticate(ssh);
            return ssh;
        } catch (UserAuthException e) {
            abandon(ssh);
            throw new Refused(authRefusal(e, ssh), e);
        } catch (IOException e) {
            abandon(ssh);
            String refusal = hostKeys.refusal();
            if (refusal != null) {
                throw new Refused("Failed to connect to the host via ssh: " + refusal, e);
            }
            if (timedOut.get()) {
                refusal = "Connection timed out during banner exchange";
            }
            throw new ConnectionException("Failed to connect to the host via ssh: " + (refusal != null ? refusal : reasonOf(e)), e);
        } finally {
            HANDSHAKES.release();
        }
    }

    /**
     * Offers what OpenSSH would, in its order: the keys of a running ssh-agent, then the key files (the given ones,
     * else ~/.ssh's default identities), then the password (ansible_password / -k) as "password" and
     * "keyboard-interactive", as sshpass answers both.
     */
    private void authenticate(SSHClient ssh) throws IOException {
        List<AuthMethod> methods = new ArrayList<>();
        SshAgent agent = SshAgent.at(settings.agentSocket());
        if (agent != null) {
            methods.addAll(agent.authMethods());
        }
        List<Path> files = settings.privateKeyFiles();
        if (files.isEmpty()) {
            Path dir = Path.of(System.getProperty("user.home"), ".ssh");
            files = new ArrayList<>();
            for (String name : List.of("id_rsa", "id_ecdsa", "id_ed25519")) {
                if (Files.isRegularFile(dir.resolve(name))) {
                    files.add(dir.resolve(name));
                }
            }
        } else {
            for (Path file : files) {
                if (!Files.isReadable(file)) {
                    throw new AuthFailure("the private key file " + file + " does not exist or cannot be read");
                }
            }
        }
        List<Passphrase> passphrases = new ArrayList<>();
        for (Path file : files) {
            Passphrase passphrase = new Passphrase(file);
            passphrases.add(passphrase);
            try {
                methods.add(new AuthPublickey(ssh.loadKeys(file.toString(), passphrase)));
            } catch (IOException e) {
                throw new AuthFailure("cannot read the private key " + file + ": " + e.getMessage());
            }
        }
        if (settings.password() != null) {
            methods.add(new AuthPassword(PasswordUtils.createOneOff(settings.password().toCharArray())));
            methods.add(new AuthKeyboardInteractive(new PasswordResponseProvider(
                    PasswordUtils.createOneOff(settings.password().toCharArray()))));
        }
        if (methods.isEmpty()) {
            throw new AuthFailure("no private key and no password to log in with");
        }
        try {
            ssh.auth(settings.effectiveUser(), methods);
        } catch (UserAuthException e) {
            for (Passphrase passphrase : passphrases) {
                if (passphrase.missing) {
                    throw new AuthFailure("the private key " + passphrase.file + " is protected by a passphrase and none"
                            + " could be asked for (no terminal): add it to an ssh-agent first (eval $(ssh-agent); ssh-add "
                            + passphrase.file + "), as ansible-playbook needs too");
                }
            }
            throw e;
        }
    }

    /** A refusal found before or instead of asking the server: said as is. */
    private static final class AuthFailure extends UserAuthException {
        AuthFailure(String message) {
            super(message);
        }
    }

    /**
     * A key file's passphrase, asked on the terminal as ssh asks it (once per file for the whole run); without a
     * terminal there is nothing to ask, and the failure says to use ssh-agent.
     */
    private static final class Passphrase implements PasswordFinder {
        private static final Map<Path, char[]> TYPED = new ConcurrentHashMap<>();
        private final Path file;
        private boolean missing;

        Passphrase(Path file) {
            this.file = file;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            synchronized (Passphrase.class) {
                char[] known = TYPED.get(file);
                if (known != null) {
                    return known.clone();
                }
                java.io.Console console = System.console();
                if (console == null) {
                    missing = true;
                    return null;
                }
                char[] typed = console.readPassword("Enter passphrase for key '%s': ", file);
                if (typed == null) {
                    missing = true;
                    return null;
                }
                TYPED.put(file, typed.clone());
                return typed;
            }
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            TYPED.remove(file);
            return false;
        }
    }

    private String authRefusal(UserAuthException e, SSHClient ssh) {
        if (e instanceof AuthFailure) {
            return "Failed to connect to the host via ssh: " + settings.effectiveUser() + "@" + settings.host() + ": " + e.getMessage();
        }
        if (settings.password() != null) {
            // sshpass's exit status 5, as ansible-playbook words it
            return "Invalid/incorrect password: Permission denied, please try again.";
        }
        return "Failed to connect to the host via ssh: " + settings.effectiveUser() + "@" + settings.host()
                + ": Permission denied (" + allowedMethods(ssh) + "). " + authAdvice();
    }

    private String authAdvice() {
        if (settings.privateKeyFiles().isEmpty()) {
            return "No key was given: set ansible_ssh_private_key_file or --private-key, or a password with ansible_password / -k.";
        }
        return "The key " + settings.privateKeyFiles() + " was refused: check that its public half is in ~"
                + settings.effectiveUser() + "/.ssh/authorized_keys on the host.";
    }

    private static String allowedMethods(SSHClient ssh) {
        try {
            java.util.Collection<String> methods = ssh.getUserAuth().getAllowedMethods();
            return methods == null || methods.isEmpty() ? "publickey,password" : String.join(",", methods);
        } catch (RuntimeException e) {
            return "publickey,password";
        }
    }

    /** ssh's own wording for a failure to reach the host, which Ansible shows after "Failed to connect ...". */
    private String reasonOf(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof SocketTimeoutException || cause instanceof NoRouteToHostException)) {
            cause = cause.getCause();
        }
        String target = "ssh: connect to host " + settings.host() + " port " + settings.port() + ": ";
        if (cause instanceof ConnectException) {
            return target + "Connection refused";
        }
        if (cause instanceof UnknownHostException) {
            return "ssh: Could not resolve hostname " + settings.host() + ": Name or service not known";
        }
        if (cause instanceof SocketTimeoutException) {
            return target + "Connection timed out";
        }
        if (cause instanceof NoRouteToHostException) {
            return target + "No route to host";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "ssh: " + settings.describe() + ": " + message;
    }

    private synchronized void reset() {
        if (sftp != null) {
            try {
                sftp.close();
            } catch (IOException e) {
                // the connection is going away anyway
            }
            sftp = null;
        }
        if (client != null) {
            closeQuietly(client);
            client = null;
        }
        if (tunnel != null) {
            tunnel.close();
            tunnel = null;
        }
    }

    /** A connection attempt that failed: its client and its tunnel (a ProxyCommand process, a jump host) go. */
    private void abandon(SSHClient ssh) {
        closeQuietly(ssh);
        if (tunnel != null) {
            tunnel.close();
            tunnel = null;
        }
    }

    private static void closeQuietly(SSHClient ssh) {
        try {
            ssh.disconnect();
        } catch (IOException | RuntimeException e) {
            // nothing left to do with a connection we are dropping
        }
    }

    /** A forwarded channel from this host to {@code host:port}, for a connection that jumps through this one. */
    net.schmizz.sshj.connection.channel.direct.DirectConnection directConnection(String host, int port) throws IOException {
        return client().newDirectConnection(host, port);
    }

    @Override
    public synchronized void close() {
        reset();
    }
}
