package io.jplay.connection.ssh;

import io.jplay.connection.Command;
import io.jplay.connection.Connection;
import io.jplay.connection.ConnectionException;
import io.jplay.connection.ExecResult;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSH transport against the test bed's real sshd hosts and systemd targets. */
class SshConnectionTest {

    private static Testbed testbed;

    @BeforeAll
    static void up() {
        testbed = Testbed.instance();
    }

    @Test
    void runsCommandsWithStdinEnvironmentAndWorkingDirectoryOverOneConnection() {
        try (SshConnection ssh = testbed.userConnection("sshd1")) {
            ExecResult r = ssh.exec(Command.shell("read line; echo \"$line $GREETING $(pwd)\"; echo oops >&2; exit 3")
                    .withStdin("hello\n").withEnv(Map.of("GREETING", "world")).withCwd("/tmp"));
            assertThat(r.rc()).isEqualTo(3);
            assertThat(r.stdoutText()).isEqualTo("hello world /tmp\n");
            assertThat(r.stderrText()).isEqualTo("oops\n");
            // the same connection serves the next command
            assertThat(ssh.exec(Command.argv("id", "-un")).stdoutText().strip()).isEqualTo(testbed.user());
        }
    }

    @Test
    void carriesLargeOutputOnBothStreamsWithoutBlocking() {
        try (SshConnection ssh = testbed.userConnection("sshd1")) {
            ExecResult r = ssh.sh("head -c 3000000 /dev/zero; head -c 2000000 /dev/zero >&2");
            assertThat(r.rc()).isZero();
            assertThat(r.stdout()).hasSize(3_000_000);
            assertThat(r.stderr()).hasSize(2_000_000);
        }
    }

    @Test
    void transfersFilesOverSftpBothWays() {
        byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        String remote = "/tmp/jplay-sftp-" + ProcessHandle.current().pid();
        try (SshConnection ssh = testbed.userConnection("sshd2")) {
            ssh.put(content, remote, 0640);
            assertThat(ssh.sh("stat -c %a " + remote).stdoutText().strip()).isEqualTo("640");
            assertThat(ssh.get(remote)).isEqualTo(content);
            ssh.sh("rm -f " + remote);
            assertThatThrownBy(() -> ssh.get(remote)).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("failed to transfer file from " + remote);
        }
    }

    @Test
    void becomesRootOnASystemdTargetWithSudo() {
        try (Connection root = testbed.rootConnection("target1")) {
            assertThat(root.sh("id -u; cat /proc/1/comm").stdoutText()).isEqualTo("0\nsystemd\n");
        }
    }

    @Test
    void logsInWithThePasswordWhenNoKeyIsGiven() {
        SshSettings settings = testbed.settings("sshd1").withPrivateKeyFiles(List.of()).withPassword(testbed.password());
        try (SshConnection ssh = new SshConnection(settings)) {
            assertThat(ssh.sh("echo in").stdoutText()).isEqualTo("in\n");
        }
    }

    @Test
    void aWrongPasswordIsAClearAuthenticationError() {
        SshSettings settings = testbed.settings("sshd1").withPrivateKeyFiles(List.of()).withPassword("not-the-password");
        try (SshConnection ssh = new SshConnection(settings)) {
            assertThatThrownBy(() -> ssh.sh("true")).isInstanceOf(ConnectionException.class)
                    // ansible-playbook's words for sshpass's exit status 5
                    .hasMessage("Invalid/incorrect password: Permission denied, please try again.");
        }
    }

    @Test
    void aKeyTheHostDoesNotKnowIsAClearAuthenticationError(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("other_key");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).start();
        assertThat(keygen.waitFor()).isZero();
        try (SshConnection ssh = new SshConnection(testbed.settings("sshd1").withPrivateKeyFiles(List.of(key)))) {
            assertThatThrownBy(() -> ssh.sh("true")).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("Permission denied (")
                    .hasMessageContaining("The key [" + key + "] was refused");
        }
    }

    @Test
    void aChangedHostKeyIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("imposter");
        assertThat(new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).start().waitFor()).isZero();
        String publicKey = Files.readString(dir.resolve("imposter.pub")).trim().split(" ")[1];
        Path knownHosts = dir.resolve("known_hosts");
        int port = testbed.port("sshd1");
        Files.writeString(knownHosts, "[127.0.0.1]:" + port + " ssh-ed25519 " + publicKey + "\n", StandardCharsets.UTF_8);
        try (SshConnection ssh = new SshConnection(testbed.settings("sshd1").withKnownHostsFiles(List.of(knownHosts)))) {
            assertThatThrownBy(() -> ssh.sh("true")).isInstanceOf(ConnectionException.class)
                    .hasMessageStartingWith("Failed to connect to the host via ssh: WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!")
                    .hasMessageContaining("host key sent by [127.0.0.1]:" + port + " (SHA256:")
                    .hasMessageContaining("is not the one recorded for it in " + knownHosts)
                    .hasMessageContaining("ssh-keygen -f \"" + knownHosts + "\" -R \"[127.0.0.1]:" + port + "\"")
                    .hasMessageEndingWith("Host key verification failed.");
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedUnderStrictCheckingAndLearnedWithAcceptNew(@TempDir Path dir) {
        Path knownHosts = dir.resolve("known_hosts");
        SshSettings strict = testbed.settings("sshd3").withKnownHostsFiles(List.of(knownHosts));
        try (SshConnection ssh = new SshConnection(strict)) {
            assertThatThrownBy(() -> ssh.sh("true")).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("host key is known for [127.0.0.1]:" + testbed.port("sshd3"))
                    .hasMessageContaining("you have requested strict checking");
        }
        try (SshConnection ssh = new SshConnection(strict.withHostKeyChecking(SshSettings.HostKeyChecking.ACCEPT_NEW))) {
            assertThat(ssh.sh("echo ok").stdoutText()).isEqualTo("ok\n");
        }
        try (SshConnection ssh = new SshConnection(strict)) {
            assertThat(ssh.sh("echo known now").stdoutText()).isEqualTo("known now\n");
        }
    }

    @Test
    void aPortNobodyListensOnIsRefusedAsSshSaysIt() {
        try (SshConnection ssh = new SshConnection(testbed.settings("sshd1").withPort(1))) {
            assertThatThrownBy(() -> ssh.sh("true")).isInstanceOf(ConnectionException.class)
                    .hasMessage("Failed to connect to the host via ssh: ssh: connect to host 127.0.0.1 port 1: Connection refused");
        }
    }

    @Test
    void sshArgumentsChooseKnownHostsCheckingAndTheFirstValueWins() {
        SshSettings base = SshSettings.of("h", 22, null);
        SshSettings settings = new SshArgs(base)
                .add("-C -o ControlMaster=auto -o ControlPersist=60s")
                .option("StrictHostKeyChecking", "no")
                .option("Port", 2222)
                .add("-o StrictHostKeyChecking=yes -o 'UserKnownHostsFile=/a /b' -o ConnectTimeout=7 -o ProxyJump=bastion:2200 -i /k1")
                .add("-o Port=1 -o IdentityFile=/k2")
                .settings();
        assertThat(settings.hostKeyChecking()).isEqualTo(SshSettings.HostKeyChecking.NO);
        assertThat(settings.port()).isEqualTo(2222);
        assertThat(settings.knownHostsFiles()).containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(settings.connectTimeoutSeconds()).isEqualTo(7);
        assertThat(settings.proxyJump()).isEqualTo("bastion:2200");
        assertThat(settings.privateKeyFiles()).containsExactly(Path.of("/k1"), Path.of("/k2"));
    }
}
