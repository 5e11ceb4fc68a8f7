package io.jplay.connection.ssh;

import io.jplay.connection.ConnectionException;
import net.schmizz.sshj.SSHClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * How the SSH client reaches the host: directly, through a jump host (ProxyJump, {@code -J}: an SSH connection to
 * the jump host forwards a channel to the target, as kubespray's bastion setup does), or through a ProxyCommand
 * (a local process whose stdin/stdout carry the SSH stream, for example {@code ssh -W %h:%p bastion}).
 * A ProxyCommand is bridged through a loopback socket that accepts exactly one connection from this process.
 */
abstract class SshTunnel implements AutoCloseable {

    /** Connects {@code ssh} to the host the settings name and returns what must be closed with it (or a no-op). */
    static SshTunnel connect(SSHClient ssh, SshSettings settings) throws IOException {
        if (settings.proxyCommand() != null) {
            return ProxyCommandTunnel.open(ssh, settings);
        }
        if (settings.proxyJump() != null) {
            return JumpTunnel.open(ssh, settings);
        }
        ssh.connect(settings.host(), settings.port());
        return new SshTunnel() {
            @Override
            public void close() {
            }
        };
    }

    @Override
    public abstract void close();

    /** ProxyJump: {@code [user@]host[:port][,next...]}; the jump host uses the same keys and known_hosts. */
    private static final class JumpTunnel extends SshTunnel {
        private final SshConnection jump;

        private JumpTunnel(SshConnection jump) {
            this.jump = jump;
        }

        static SshTunnel open(SSHClient ssh, SshSettings settings) throws IOException {
            String chain = settings.proxyJump();
            int comma = chain.lastIndexOf(',');
            String hop = comma < 0 ? chain : chain.substring(comma + 1);
            String before = comma < 0 ? null : chain.substring(0, comma);
            String user = null;
            int at = hop.indexOf('@');
            if (at >= 0) {
                user = hop.substring(0, at);
                hop = hop.substring(at + 1);
            }
            int port = 22;
            int colon = hop.lastIndexOf(':');
            if (colon >= 0 && hop.indexOf(']') < colon) {
                port = Integer.parseInt(hop.substring(colon + 1));
                hop = hop.substring(0, colon);
            }
            hop = hop.replace("[", "").replace("]", "");
            SshSettings jumpSettings = new SshSettings(hop, port, user != null ? user : settings.user(),
                    settings.privateKeyFiles(), settings.password(), settings.knownHostsFiles(), settings.hostKeyChecking(),
                    settings.connectTimeoutSeconds(), settings.connectionAttempts(), settings.keepAliveSeconds(), before, null,
                    settings.agentSocket());
            SshConnection jump = new SshConnection(jumpSettings);
            try {
                ssh.connectVia(jump.directConnection(settings.host(), settings.port()));
            } catch (IOException | RuntimeException e) {
                jump.close();
                if (e instanceof ConnectionException c) {
                    throw new IOException("jump host " + jumpSettings.describe() + ": " + c.getMessage(), c);
                }
                throw e;
            }
            return new JumpTunnel(jump);
        }

        @Override
        public void close() {
            jump.close();
        }
    }

    /** ProxyCommand: runs the command with /bin/sh and pumps bytes between it and a one-shot loopback socket. */
    private static final class ProxyCommandTunnel extends SshTunnel {
        private final Process process;
        private final ServerSocket server;

        private ProxyCommandTunnel(Process process, ServerSocket server) {
            this.process = process;
            this.server = server;
        }

        static SshTunnel open(SSHClient ssh, SshSettings settings) throws IOException {
            String command = settings.proxyCommand()
                    .replace("%%", "\0")
                    .replace("%h", settings.host())
                    .replace("%p", String.valueOf(settings.port()))
                    .replace("%r", settings.effectiveUser())
                    .replace("\0", "%");
            Process process = new ProcessBuilder("/bin/sh", "-c", command).start();
            // what the command says on stderr (ssh's own refusals) explains a failure; only the start is kept
            StringBuffer said = new StringBuffer();
            Thread errors = new Thread(() -> {
                try (InputStream err = process.getErrorStream()) {
                    byte[] buffer = new byte[4096];
                    for (int n; (n = err.read(buffer)) >= 0; ) {
                        if (said.length() < 4096) {
                            said.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }
                } catch (IOException e) {
                    // the process is gone
                }
            }, "jplay-proxycommand-stderr");
            errors.setDaemon(true);
            errors.start();
            ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    server.close();
                    Thread up = pump(socket.getInputStream(), process.getOutputStream());
                    pump(process.getInputStream(), socket.getOutputStream()).join();
                    up.interrupt();
                } catch (IOException | InterruptedException e) {
                    // the SSH client sees the stream end and reports the failure
                } finally {
                    process.destroy();
                }
            }, "jplay-proxycommand");
            acceptor.setDaemon(true);
            acceptor.start();
            try {
                ssh.connect(InetAddress.getLoopbackAddress(), server.getLocalPort());
            } catch (IOException e) {
                process.destroy();
                server.close();
                try {
                    errors.join(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                String stderr = said.toString().strip().replaceAll("\\s*\\r?\\n\\s*", " ");
                throw new IOException("ProxyCommand '" + command + "' failed: "
                        + (stderr.isEmpty() ? e.getMessage() : stderr), e);
            }
            return new ProxyCommandTunnel(process, server);
        }

        private static Thread pump(InputStream from, OutputStream to) {
            Thread thread = new Thread(() -> {
                try (from; to) {
                    // not transferTo: a Process's stdin is buffered, and each SSH packet must go out as it comes
                    byte[] buffer = new byte[32768];
                    for (int n; (n = from.read(buffer)) >= 0; ) {
                        to.write(buffer, 0, n);
                        to.flush();
                    }
                } catch (IOException e) {
                    // one side closed: the other follows
                }
            }, "jplay-proxycommand-pump");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        @Override
        public void close() {
            process.destroy();
            try {
                server.close();
            } catch (IOException e) {
                // already closed after the one accept
            }
        }
    }
}
