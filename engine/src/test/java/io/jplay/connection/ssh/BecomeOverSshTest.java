package io.jplay.connection.ssh;

import io.jplay.connection.BecomeConnection;
import io.jplay.connection.BecomeException;
import io.jplay.connection.Command;
import io.jplay.connection.Connection;
import io.jplay.connection.ExecResult;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * become over a real SSH connection to a systemd target, with a user whose sudo rule asks for a password
 * ({@code bob}) and the test user whose rule does not ({@code jplay}, NOPASSWD): the password reaches sudo or
 * su and nothing else (not the command's stdin, not {@code ps}).
 */
class BecomeOverSshTest {

    private static final String BOB_PASSWORD = "bob-Secret-4711";
    private static final String ROOT_PASSWORD = "root-Secret-0815";
    private static Testbed testbed;

    @BeforeAll
    static void aUserWithAPasswordSudoRule() {
        testbed = Testbed.instance();
        testbed.script("exec", "target1", "sh", "-c", "id bob >/dev/null 2>&1 || useradd -m -s /bin/sh bob;"
                + " echo 'bob:" + BOB_PASSWORD + "' | chpasswd; echo 'root:" + ROOT_PASSWORD + "' | chpasswd;"
                + " echo 'bob ALL=(ALL) ALL' > /etc/sudoers.d/bob; chmod 440 /etc/sudoers.d/bob;"
                + " mkdir -p /home/bob/.ssh; cp /home/" + testbed.user() + "/.ssh/authorized_keys /home/bob/.ssh/;"
                + " chown -R bob /home/bob/.ssh");
    }

    private static SshConnection bob() {
        return new SshConnection(testbed.settings("target1").withUser("bob"));
    }

    @Test
    void sudoWithAPasswordRunsAsRootAndTheCommandGetsOnlyItsOwnInput() {
        try (SshConnection ssh = bob()) {
            Connection root = new BecomeConnection(ssh, BecomeConnection.Method.SUDO, "root", BOB_PASSWORD);
            ExecResult r = root.exec(Command.shell("id -u; cat").withStdin("line one\nline two\n"));
            assertThat(r.rc()).as(r.stderrText()).isZero();
            assertThat(r.stdoutText()).isEqualTo("0\nline one\nline two\n");
            root.put("file body\n".getBytes(StandardCharsets.UTF_8), "/root/from-bob", 0600);
            assertThat(new String(root.get("/root/from-bob"), StandardCharsets.UTF_8)).isEqualTo("file body\n");
        }
    }

    @Test
    void aPasswordGivenForANoPasswordSudoRuleNeverReachesTheCommand() {
        try (SshConnection ssh = testbed.userConnection("target1")) {
            Connection root = new BecomeConnection(ssh, BecomeConnection.Method.SUDO, "root", "unneeded-password");
            ExecResult r = root.exec(Command.shell("id -u; cat").withStdin("data"));
            assertThat(r.rc()).as(r.stderrText()).isZero();
            assertThat(r.stdoutText()).isEqualTo("0\ndata");
        }
    }

    @Test
    void aWrongOrMissingSudoPasswordIsAnsiblesMessage() {
        try (SshConnection ssh = bob()) {
            assertThatThrownBy(() -> new BecomeConnection(ssh, BecomeConnection.Method.SUDO, "root", "wrong").sh("id"))
                    .isInstanceOf(BecomeException.class).hasMessage("Incorrect sudo password");
            assertThatThrownBy(() -> new BecomeConnection(ssh, BecomeConnection.Method.SUDO, "root", null).sh("id"))
                    .isInstanceOf(BecomeException.class).hasMessage("Missing sudo password");
        }
    }

    @Test
    void theSudoPasswordIsNeverOnACommandLineOfTheTarget() throws Exception {
        try (SshConnection ssh = bob(); SshConnection watcher = testbed.userConnection("target1")) {
            Connection root = new BecomeConnection(ssh, BecomeConnection.Method.SUDO, "root", BOB_PASSWORD);
            CompletableFuture<ExecResult> running = CompletableFuture.supplyAsync(() -> root.sh("sleep 3; echo done"));
            String seen = "";
            for (int i = 0; i < 10 && !seen.contains("sleep 3"); i++) {
                Thread.sleep(300);
                seen = watcher.sh("ps -eo args").stdoutText();
            }
            assertThat(seen).contains("sleep 3").doesNotContain(BOB_PASSWORD);
            assertThat(running.get().stdoutText()).isEqualTo("done\n");
        }
    }

    @Test
    void suWithThePasswordOfTheBecomeUser() {
        try (SshConnection ssh = bob()) {
            Connection root = new BecomeConnection(ssh, BecomeConnection.Method.SU, "root", ROOT_PASSWORD);
            ExecResult r = root.exec(Command.shell("id -u; cat").withStdin("su input\n"));
            assertThat(r.rc()).as(r.stderrText()).isZero();
            assertThat(r.stdoutText()).isEqualTo("0\nsu input\n");
            assertThatThrownBy(() -> new BecomeConnection(ssh, BecomeConnection.Method.SU, "root", "wrong").sh("id"))
                    .isInstanceOf(BecomeException.class).hasMessage("Incorrect su password");
            assertThatThrownBy(() -> new BecomeConnection(ssh, BecomeConnection.Method.SU, "root", null).sh("id"))
                    .isInstanceOf(BecomeException.class).hasMessage("Missing su password");
        }
    }

    @Test
    void becomeFlagsReachSudoAndSu() {
        try (SshConnection ssh = bob()) {
            // su -l starts in the become user's home; plain su stays where the login shell is
            Connection login = new BecomeConnection(ssh, BecomeConnection.Method.SU, "root", ROOT_PASSWORD, "-l");
            assertThat(login.sh("pwd").stdoutText()).isEqualTo("/root\n");
            Connection plain = new BecomeConnection(ssh, BecomeConnection.Method.SU, "root", ROOT_PASSWORD, null);
            assertThat(plain.sh("pwd").stdoutText()).isEqualTo("/home/bob\n");
            // sudo -i: a login shell of the target user, which also starts in its home
            Connection sudoLogin = new BecomeConnection(ssh, BecomeConnection.Method.SUDO, "root", BOB_PASSWORD, "-S -i");
            ExecResult r = sudoLogin.sh("pwd");
            assertThat(r.stdoutText()).as(r.stderrText()).isEqualTo("/root\n");
        }
    }
}
