package io.jplay.modules.files;

import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** unarchive on a systemd target (GNU tar) and, for zip, on a plain sshd host (this machine has unzip). */
class UnarchiveModuleTest {

    static Testbed bed;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void up() throws Exception {
        bed = Testbed.instance();
        Path tree = tmp.resolve("tree/top/sub");
        Files.createDirectories(tree);
        Files.writeString(tmp.resolve("tree/top/a.txt"), "a\n");
        Files.writeString(tree.resolve("b.txt"), "b\n");
        run(tmp.resolve("tree"), "tar", "czf", tmp.resolve("t.tgz").toString(), "top");
        run(tmp.resolve("tree"), "zip", "-qr", tmp.resolve("t.zip").toString(), "top");
        Files.writeString(tmp.resolve("notarc.txt"), "hi\n");
        Files.copy(tmp.resolve("t.tgz"), Path.of(bed.env("TESTBED_DIR"), "www/files/netmods-test.tgz"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        bed.script("exec", "target1", "sh", "-c", "rm -rf /srv/un && mkdir -p /srv/un/a /srv/un/b /srv/un/c /srv/un/d");
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    private Harness h() {
        return new Harness(tmp, bed.rootConnection("target1"), "/tmp");
    }

    private String onTarget(String command) {
        return bed.script("exec", "target1", "sh", "-c", command);
    }

    @Test
    @SuppressWarnings("unchecked")
    void extractsAControllerArchiveOnceAndAgainWhenDestDrifts() {
        ModuleResult first = h().run("unarchive", "src", "t.tgz", "dest", "/srv/un/a", "list_files", true);
        assertThat(first.toMap()).containsEntry("changed", true).containsEntry("handler", "TgzArchive").containsEntry("dest", "/srv/un/a")
                .containsEntry("files", List.of("top/", "top/sub/", "top/sub/b.txt", "top/a.txt")).containsEntry("state", "directory");
        Map<String, Object> extract = (Map<String, Object>) first.get("extract_results");
        assertThat(extract).containsEntry("rc", 0L).containsEntry("out", "").containsEntry("err", "");
        assertThat((List<Object>) extract.get("cmd")).startsWith((Object) "tar", "--extract", "-C", "/srv/un/a", "-z", "-f");
        assertThat(onTarget("cat /srv/un/a/top/a.txt /srv/un/a/top/sub/b.txt; ls /tmp | grep -c jplay-unarchive || true")).isEqualTo("a\nb\n0\n");

        ModuleResult again = h().run("unarchive", "src", "t.tgz", "dest", "/srv/un/a");
        assertThat(again.toMap()).containsEntry("changed", false).doesNotContainKeys("extract_results", "files");

        onTarget("echo changed > /srv/un/a/top/a.txt");
        assertThat(h().run("unarchive", "src", "t.tgz", "dest", "/srv/un/a").isChanged()).isTrue();
        assertThat(onTarget("cat /srv/un/a/top/a.txt")).isEqualTo("a\n");

        ModuleResult check = h().check().run("unarchive", "src", "t.tgz", "dest", "/srv/un/c");
        assertThat(check.toMap()).containsEntry("skipped", true)
                .containsEntry("msg", "remote module (ansible.legacy.unarchive) does not support check mode when using gtar");
        assertThat(onTarget("ls /srv/un/c | wc -l")).isEqualTo("0\n");
    }

    @Test
    void remoteUrlSourceWithModeCreatesAndExclude() {
        String url = bed.httpUrl() + "/files/netmods-test.tgz";
        ModuleResult first = h().run("unarchive", "src", url, "dest", "/srv/un/b", "remote_src", true, "mode", "0700",
                "exclude", List.of("top/sub/b.txt"), "list_files", true);
        assertThat(first.toMap()).containsEntry("changed", true).containsEntry("files", List.of("top/", "top/sub/", "top/a.txt"));
        assertThat(onTarget("stat -c %a /srv/un/b/top/a.txt /srv/un/b/top; test -e /srv/un/b/top/sub/b.txt && echo there || echo absent"))
                .isEqualTo("700\n700\nabsent\n");
        ModuleResult again = h().run("unarchive", "src", url, "dest", "/srv/un/b", "remote_src", true, "mode", "0700",
                "exclude", List.of("top/sub/b.txt"));
        assertThat(again.isChanged()).isFalse();
        ModuleResult creates = h().run("unarchive", "src", url, "dest", "/srv/un/b", "remote_src", true, "creates", "/srv/un/b/top");
        assertThat(creates.toMap()).containsEntry("skipped", true).containsEntry("msg", "skipped, since /srv/un/b/top exists");
    }

    @Test
    void errorsReadAsInAnsible() {
        assertThat(h().run("unarchive", "src", "t.tgz", "dest", "/srv/un/nodir").msg()).isEqualTo("dest '/srv/un/nodir' must be an existing dir");
        assertThat(h().run("unarchive", "src", "/srv/nope.tgz", "dest", "/srv/un/d", "remote_src", true).msg())
                .isEqualTo("Source '/srv/nope.tgz' does not exist");
        assertThat(h().run("unarchive", "src", "notarc.txt", "dest", "/srv/un/d").msg())
                .startsWith("Failed to find handler for \"/tmp/jplay-unarchive.").contains("Make sure the required command to extract the file is installed.");
        assertThat(h().run("unarchive", "src", "missing.tgz", "dest", "/srv/un/d").msg())
                .startsWith("Could not find or access 'missing.tgz'");
    }

    @Test
    void zipOnAPlainHostWithUnzip() throws Exception {
        Path dest = Files.createTempDirectory("jplay-unzip");
        Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (var connection = bed.userConnection("sshd1")) {
            Harness plain = new Harness(tmp, connection, "/tmp");
            ModuleResult first = plain.run("unarchive", "src", "t.zip", "dest", dest.toString(), "list_files", true);
            assertThat(first.toMap()).containsEntry("changed", true).containsEntry("handler", "ZipArchive")
                    .containsEntry("files", List.of("top/", "top/sub/", "top/sub/b.txt", "top/a.txt"));
            assertThat(Files.readString(dest.resolve("top/sub/b.txt"))).isEqualTo("b\n");
            assertThat(plain.run("unarchive", "src", "t.zip", "dest", dest.toString()).isChanged()).isFalse();
            assertThat(plain.check().run("unarchive", "src", "t.zip", "dest", dest.toString()).isChanged()).isFalse();
            Files.writeString(dest.resolve("top/a.txt"), "longer\n");
            assertThat(plain.check().run("unarchive", "src", "t.zip", "dest", dest.toString()).isChanged()).isTrue();
            assertThat(Files.readString(dest.resolve("top/a.txt"))).isEqualTo("longer\n");
            assertThat(plain.run("unarchive", "src", "t.zip", "dest", dest.toString()).isChanged()).isTrue();
            assertThat(Files.readString(dest.resolve("top/a.txt"))).isEqualTo("a\n");
        } finally {
            new ProcessBuilder("rm", "-rf", dest.toString()).start().waitFor();
        }
    }
}
