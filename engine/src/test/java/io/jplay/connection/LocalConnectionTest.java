package io.jplay.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalConnectionTest {

    @TempDir
    Path tmp;

    private final LocalConnection conn = new LocalConnection();

    @Test
    void runsArgvWithoutWordSplittingAndReportsRc() {
        ExecResult r = conn.exec(Command.argv("sh", "-c", "printf '%s|' \"$@\"; echo oops >&2; exit 3", "sh", "a b", "$X"));
        assertThat(r.rc()).isEqualTo(3);
        assertThat(r.stdoutText()).isEqualTo("a b|$X|");
        assertThat(r.stderrText()).isEqualTo("oops\n");
    }

    @Test
    void feedsStdinAndSetsEnvAndCwd() throws Exception {
        ExecResult r = conn.exec(Command.shell("cat; printf '%s:' \"$GREETING\"; pwd")
                .withStdin("in\n").withEnv(Map.of("GREETING", "hi there")).withCwd(tmp.toString()));
        assertThat(r.stdoutText()).isEqualTo("in\nhi there:" + tmp.toRealPath() + "\n");
    }

    @Test
    void carriesBinaryStdoutUntouched() {
        byte[] bytes = {0, (byte) 0xff, 10, 13, 65};
        ExecResult r = conn.exec(Command.argv("cat").withStdin(bytes));
        assertThat(r.stdout()).containsExactly(bytes);
    }

    @Test
    void commandThatIgnoresLargeStdinDoesNotHang() {
        ExecResult r = conn.exec(Command.argv("true").withStdin(new byte[4 << 20]));
        assertThat(r.rc()).isZero();
    }

    @Test
    void putsAndGetsFilesWithMode() throws Exception {
        String remote = tmp.resolve("f").toString();
        conn.put("data".getBytes(StandardCharsets.UTF_8), remote, 0640);
        assertThat(Files.readString(Path.of(remote))).isEqualTo("data");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(remote)))).isEqualTo("rw-r-----");
        assertThat(new String(conn.get(remote), StandardCharsets.UTF_8)).isEqualTo("data");
        assertThatThrownBy(() -> conn.get(tmp.resolve("missing").toString())).isInstanceOf(ConnectionException.class);
    }

    @Test
    void defaultTransfersOverExecWorkForAnyTransport() throws Exception {
        Connection viaExec = new Connection() {
            public String describe() {
                return "exec-only";
            }

            public ExecResult exec(Command command) {
                return conn.exec(command);
            }

            public void close() {
            }
        };
        String remote = tmp.resolve("odd name's").toString();
        viaExec.put(new byte[] {1, 2, 3}, remote, 0600);
        assertThat(viaExec.get(remote)).containsExactly(1, 2, 3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(remote)))).isEqualTo("rw-------");
    }

    @Test
    void becomeWrapsTheWholeCommandLineForSudo() {
        Connection recorder = new Connection() {
            public String describe() {
                return "rec";
            }

            public ExecResult exec(Command command) {
                return new ExecResult(0, command.script().getBytes(StandardCharsets.UTF_8), command.stdin());
            }

            public void close() {
            }
        };
        BecomeConnection sudo = new BecomeConnection(recorder, BecomeConnection.Method.SUDO, "app", null);
        ExecResult r = sudo.exec(Command.argv("id", "-u").withCwd("/srv"));
        assertThat(r.stdoutText()).isEqualTo("sudo -H -S -n -u app /bin/sh -c 'cd /srv && id -u'");

        BecomeConnection withPassword = new BecomeConnection(recorder, BecomeConnection.Method.SUDO, null, "s3cret");
        ExecResult p = withPassword.exec(Command.argv("cat").withStdin("data"));
        assertThat(p.stdoutText()).isEqualTo("if sudo -n -H -S -u root /bin/sh -c true 2>/dev/null;"
                + " then IFS= read -r _ || :; exec sudo -n -H -S -u root /bin/sh -c cat;"
                + " else exec sudo -k -p '' -H -S -u root /bin/sh -c cat; fi");
        assertThat(p.stderrText()).isEqualTo("s3cret\ndata");
    }

    @Test
    void becomeWithSuRunsTheWrappedCommandForReal() {
        boolean rootWithSu = "0".equals(conn.exec(Command.shell("id -u")).stdoutText().strip())
                && conn.exec(Command.shell("command -v su")).rc() == 0;
        org.junit.jupiter.api.Assumptions.assumeTrue(rootWithSu, "needs root and su");
        BecomeConnection su = new BecomeConnection(conn, BecomeConnection.Method.SU, "root", null);
        ExecResult r = su.exec(Command.argv("printf", "%s|%s", "it's", "$HOME").withStdin("ignored"));
        assertThat(r.rc()).isZero();
        assertThat(r.stdoutText()).isEqualTo("it's|$HOME");
        su.put("x".getBytes(StandardCharsets.UTF_8), tmp.resolve("su-file").toString(), 0600);
        assertThat(su.get(tmp.resolve("su-file").toString())).containsExactly('x');
    }

    @Test
    void environmentReachesEveryCommandButCommandEnvWins() {
        Connection withEnv = new EnvironmentConnection(conn, Map.of("TASK_VAR", "from task", "BOTH", "task"));
        ExecResult r = withEnv.exec(Command.shell("printf '%s|%s' \"$TASK_VAR\" \"$BOTH\"").withEnv(Map.of("BOTH", "command")));
        assertThat(r.stdoutText()).isEqualTo("from task|command");
    }
}
