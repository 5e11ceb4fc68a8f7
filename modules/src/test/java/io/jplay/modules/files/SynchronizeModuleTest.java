package io.jplay.modules.files;

import io.jplay.connection.ssh.SshConnection;
import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * synchronize from this controller to a plain sshd host of the test bed (this machine, logged in as the test user
 * with the test bed's key and port: the targets have no rsync).
 */
class SynchronizeModuleTest {

    @TempDir
    Path tmp;

    Path remote;
    SshConnection connection;

    @BeforeEach
    void setUp() throws Exception {
        remote = Files.createTempDirectory("jplay-sync");
        Files.setPosixFilePermissions(remote, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.createDirectories(tmp.resolve("site/sub"));
        Files.writeString(tmp.resolve("site/index.html"), "<h1>hi</h1>\n");
        Files.writeString(tmp.resolve("site/sub/page.txt"), "page\n");
        connection = Testbed.instance().userConnection("sshd1");
    }

    @AfterEach
    void tearDown() throws Exception {
        connection.close();
        new ProcessBuilder("rm", "-rf", remote.toString()).start().waitFor();
    }

    private Harness h() {
        return new Harness(tmp, connection, "/tmp");
    }

    @Test
    void pushesOverTheHostsSshSettingsThenNothingToDo() throws Exception {
        String dest = remote + "/www";
        ModuleResult check = h().check().run("synchronize", "src", "site/", "dest", dest);
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("rc", 0L);
        assertThat(Files.exists(Path.of(dest))).isFalse();

        ModuleResult first = h().run("synchronize", "src", "site/", "dest", dest);
        int port = Testbed.instance().port("sshd1");
        assertThat(first.toMap()).containsEntry("changed", true).containsEntry("rc", 0L);
        assertThat((String) first.get("cmd")).startsWith("rsync --delay-updates -F --compress --archive '--rsh=ssh -S none -i ")
                .contains("-o Port=" + port + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null")
                .endsWith("'--out-format=<<CHANGED>>%i %n%L' " + tmp.resolve("site") + "/ jplay@127.0.0.1:" + dest);
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) first.get("stdout_lines");
        assertThat(lines).anyMatch(l -> l.endsWith(" index.html")).anyMatch(l -> l.endsWith(" sub/page.txt"));
        assertThat(Files.readString(Path.of(dest, "sub/page.txt"))).isEqualTo("page\n");
        assertThat(Files.getOwner(Path.of(dest, "index.html")).getName()).isEqualTo("jplay");

        ModuleResult again = h().run("synchronize", "src", "site/", "dest", dest);
        assertThat(again.toMap()).containsEntry("changed", false).containsEntry("msg", "").containsEntry("stdout_lines", List.of());

        Files.delete(tmp.resolve("site/sub/page.txt"));
        h().run("synchronize", "src", "site/", "dest", dest);
        assertThat(Files.exists(Path.of(dest, "sub/page.txt"))).as("kept without delete").isTrue();
        ModuleResult delete = h().run("synchronize", "src", "site/", "dest", dest, "delete", true);
        assertThat(delete.isChanged()).isTrue();
        assertThat(Files.exists(Path.of(dest, "sub/page.txt"))).isFalse();
    }

    @Test
    void pullsIntoTheController() throws Exception {
        Files.writeString(remote.resolve("remote.txt"), "from the host\n");
        ModuleResult pulled = h().run("synchronize", "mode", "pull", "src", remote + "/remote.txt", "dest", tmp + "/pulled.txt");
        assertThat(pulled.isChanged()).isTrue();
        assertThat(Files.readString(tmp.resolve("pulled.txt"))).isEqualTo("from the host\n");
        assertThat(h().run("synchronize", "mode", "pull", "src", remote + "/remote.txt", "dest", tmp + "/pulled.txt").isChanged()).isFalse();
    }

    @Test
    void rsyncErrorsAreReported() {
        ModuleResult r = h().run("synchronize", "src", "site/", "dest", "/nonexistent-root-dir/x/y");
        assertThat(r.toMap()).containsEntry("failed", true).containsKey("cmd");
        assertThat((Long) r.get("rc")).isNotZero();
        assertThat(r.msg()).contains("rsync");
    }
}
