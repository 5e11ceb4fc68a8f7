package io.jplay.connection.ssh;

import io.jplay.connection.ConnectionException;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How jplay gets in, against the test bed: every key format ssh-keygen writes, a passphrase through a real
 * ssh-agent, ProxyJump and a kubespray-style ProxyCommand through a plain sshd host as bastion to a systemd target,
 * ConnectTimeout and ConnectionAttempts, and connections to many hosts opened side by side.
 */
class SshRoutesTest {

    private static Testbed testbed;

    @TempDir
    Path dir;

    @BeforeAll
    static void up() {
        testbed = Testbed.instance();
    }

    private Path keygen(String name, String passphrase, String... options) throws Exception {
        Path key = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", passphrase, "-C", name, "-f", key.toString()));
        command.addAll(List.of(options));
        assertThat(new ProcessBuilder(command).redirectErrorStream(true).start().waitFor()).isZero();
        return key;
    }

    /** Appends the keys' public halves to the test user's authorized_keys in target2 (its overlay goes at down). */
    private static void authorize(Path... keys) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Path key : keys) {
            lines.append(Files.readString(Path.of(key + ".pub")).strip()).append('\n');
        }
        testbed.script("exec", "target2", "sh", "-c", "printf '%s' '" + lines + "' >> /home/" + testbed.user() + "/.ssh/authorized_keys");
    }

    private static SshSettings onlyKey(Path key) {
        return testbed.settings("target2").withPrivateKeyFiles(List.of(key)).withAgentSocket(null);
    }

    @Test
    void logsInWithOpenSshAndPemKeysOfEveryType() throws Exception {
        Path ed25519 = keygen("ed25519", "", "-t", "ed25519");
        Path rsaPem = keygen("rsa_pem", "", "-t", "rsa", "-b", "3072", "-m", "PEM");
        Path rsa = keygen("rsa", "", "-t", "rsa", "-b", "3072");
        Path ecdsa = keygen("ecdsa", "", "-t", "ecdsa", "-b", "256");
        Path ecdsaPem = keygen("ecdsa_pem", "", "-t", "ecdsa", "-b", "384", "-m", "PEM");
        assertThat(Files.readString(rsaPem)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Files.readString(ecdsaPem)).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(Files.readString(ed25519)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        authorize(ed25519, rsaPem, rsa, ecdsa, ecdsaPem);
        for (Path key : List.of(ed25519, rsaPem, rsa, ecdsa, ecdsaPem)) {
            try (SshConnection ssh = new SshConnection(onlyKey(key))) {
                assertThat(ssh.sh("hostname").stdoutText()).as(key.getFileName().toString()).isEqualTo("target2\n");
            }
        }
    }

    @Test
    void aKeyWithAPassphraseAndNoAgentSaysWhatToDo() throws Exception {
        Path locked = keygen("locked", "correct horse", "-t", "ed25519");
        authorize(locked);
        try (SshConnection ssh = new SshConnection(onlyKey(locked))) {
            assertThatThrownBy(() -> ssh.sh("true")).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("the private key " + locked + " is protected by a passphrase")
                    .hasMessageContaining("ssh-add " + locked);
        }
    }

    @Test
    void keysWithAPassphraseWorkThroughARealSshAgent() throws Exception {
        Path unknown = keygen("not_authorized", "", "-t", "ed25519");
        Path lockedRsa = keygen("locked_rsa", "agent pass", "-t", "rsa", "-b", "3072", "-m", "PEM");
        authorize(lockedRsa);
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 50 && !Files.exists(socket); i++) {
                Thread.sleep(100);
            }
            Path askpass = dir.resolve("askpass");
            Files.writeString(askpass, "#!/bin/sh\necho 'agent pass'\n");
            assertThat(askpass.toFile().setExecutable(true)).isTrue();
            for (Path key : List.of(unknown, lockedRsa)) {
                ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
                add.environment().put("SSH_AUTH_SOCK", socket.toString());
                add.environment().put("SSH_ASKPASS", askpass.toString());
                add.environment().put("SSH_ASKPASS_REQUIRE", "force");
                add.environment().put("DISPLAY", "none");
                Process adding = add.start();
                String said = new String(adding.getInputStream().readAllBytes());
                assertThat(adding.waitFor()).as(said).isZero();
            }
            // no key file at all: the agent's second key (RSA, signed rsa-sha2-512) is the one the target accepts
            SshSettings viaAgent = testbed.settings("target2").withPrivateKeyFiles(List.of()).withAgentSocket(socket.toString());
            try (SshConnection ssh = new SshConnection(viaAgent)) {
                assertThat(ssh.sh("hostname").stdoutText()).isEqualTo("target2\n");
            }
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    private static long acceptedLogins(String sshd) throws IOException {
        Path log = Path.of(testbed.env("TESTBED_DIR"), "logs", sshd + ".log");
        return Files.readAllLines(log).stream().filter(line -> line.contains("Accepted publickey")).count();
    }

    @Test
    void proxyJumpThroughAnSshdHostToASystemdTarget() throws IOException {
        long before = acceptedLogins("sshd1");
        SshSettings jumped = testbed.settings("target1")
                .withProxyJump(testbed.user() + "@127.0.0.1:" + testbed.port("sshd1"));
        try (SshConnection ssh = new SshConnection(jumped)) {
            assertThat(ssh.sh("hostname").stdoutText()).isEqualTo("target1\n");
            assertThat(acceptedLogins("sshd1")).as("one login on the bastion").isEqualTo(before + 1);
        }
    }

    @Test
    void kubesprayBastionProxyCommandThroughAnSshdHost() throws IOException {
        long before = acceptedLogins("sshd2");
        // kubespray's roles/bastion-ssh-config writes this ansible_ssh_common_args (plus -i for this test's key)
        String commonArgs = "-o ProxyCommand=\"ssh -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -i "
                + testbed.key() + " -W %h:%p -p " + testbed.port("sshd2") + " " + testbed.user() + "@127.0.0.1\"";
        SshSettings settings = new SshArgs(testbed.settings("target1")).add(commonArgs).settings();
        assertThat(settings.proxyCommand()).startsWith("ssh -o UserKnownHostsFile=/dev/null").endsWith("@127.0.0.1");
        try (SshConnection ssh = new SshConnection(settings)) {
            assertThat(ssh.sh("hostname").stdoutText()).isEqualTo("target1\n");
            assertThat(ssh.sh("echo again").stdoutText()).isEqualTo("again\n");
            assertThat(acceptedLogins("sshd2")).as("one login on the bastion").isEqualTo(before + 1);
        }
    }

    @Test
    void aProxyCommandThatFailsSaysWhatItsCommandSaid() {
        SshSettings settings = testbed.settings("target1").withProxyCommand(
                "ssh -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -W %h:%p -p 1 nobody@127.0.0.1");
        try (SshConnection ssh = new SshConnection(settings)) {
            assertThatThrownBy(() -> ssh.sh("true")).isInstanceOf(ConnectionException.class)
                    .hasMessageStartingWith("Failed to connect to the host via ssh: ")
                    .hasMessageContaining("ProxyCommand 'ssh -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -W 127.0.0.1:"
                            + testbed.port("target1") + " -p 1 nobody@127.0.0.1' failed: ")
                    .hasMessageContaining("ssh: connect to host 127.0.0.1 port 1: Connection refused");
        }
    }

    @Test
    void connectTimeoutCoversAServerThatNeverSpeaksAndEachConnectionAttemptIsMade() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        List<Socket> held = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                        connections.incrementAndGet();
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            SshSettings settings = new SshArgs(SshSettings.of("127.0.0.1", silent.getLocalPort(), testbed.user()))
                    .add("-o ConnectTimeout=1 -o ConnectionAttempts=3").settings();
            long start = System.nanoTime();
            try (SshConnection ssh = new SshConnection(settings)) {
                assertThatThrownBy(() -> ssh.sh("true")).isInstanceOf(ConnectionException.class)
                        .hasMessage("Failed to connect to the host via ssh: Connection timed out during banner exchange");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(connections.get()).isEqualTo(3);
            // 3 attempts of 1 s and OpenSSH's 1 s between them, not sshj's 30 s transport timeout
            assertThat(seconds).isBetween(4.0, 12.0);
        } finally {
            synchronized (held) {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void connectionsToManyHostsOpenSideBySide() throws Exception {
        int hosts = 20;
        testbed.script("sshd-up", String.valueOf(hosts));
        try {
            Testbed many = Testbed.reload();
            List<SshSettings> settings = new ArrayList<>();
            for (int i = 1; i <= hosts; i++) {
                settings.add(many.settings("sshd" + i).withAgentSocket(null));
            }
            long serialStart = System.nanoTime();
            for (SshSettings host : settings) {
                try (SshConnection ssh = new SshConnection(host)) {
                    ssh.connect();
                }
            }
            double serial = (System.nanoTime() - serialStart) / 1e9;

            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(hosts);
            long[][] spans = new long[hosts][2];
            List<SshConnection> open = new ArrayList<>();
            List<CompletableFuture<Void>> opening = new ArrayList<>();
            long parallelStart = System.nanoTime();
            for (int i = 0; i < hosts; i++) {
                SshConnection ssh = new SshConnection(settings.get(i));
                open.add(ssh);
                int index = i;
                opening.add(CompletableFuture.runAsync(() -> {
                    spans[index][0] = System.nanoTime();
                    ssh.connect();
                    spans[index][1] = System.nanoTime();
                }, threads));
            }
            CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get();
            double parallel = (System.nanoTime() - parallelStart) / 1e9;
            open.forEach(SshConnection::close);
            threads.shutdown();
            // connections open side by side (handshakes up to the bound at once), not queued behind one lock
            int mostAtOnce = 0;
            for (long[] span : spans) {
                int atOnce = 0;
                for (long[] other : spans) {
                    if (other[0] <= span[0] && span[0] < other[1]) {
                        atOnce++;
                    }
                }
                mostAtOnce = Math.max(mostAtOnce, atOnce);
            }
            System.out.printf("ssh connections to %d hosts: one after another %.2f s, side by side %.2f s, at most %d opening"
                    + " at once (bound %d)%n", hosts, serial, parallel, mostAtOnce, SshConnection.MAX_HANDSHAKES);
            assertThat(mostAtOnce).isGreaterThan(1);
            assertThat(parallel).isLessThan(serial);
        } finally {
            testbed.script("sshd-down");
            testbed.script("sshd-up", "3");
            Testbed.reload();
        }
    }
}
