package io.jplay.modules;

import io.jplay.module.ModuleResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** copy; expected values recorded from ansible-core 2.14.18 ({@code ansible localhost -c local -m copy --diff}). */
class CopyModuleTest {

    @TempDir
    Path tmp;

    private Harness h() {
        return new Harness(tmp);
    }

    @Test
    void contentIsWrittenOnceThenUnchanged() throws Exception {
        String dest = tmp.resolve("c").toString();
        ModuleResult first = h().diff().run("copy", "dest", dest, "content", "hello\n", "mode", "0644");
        assertThat(first.toMap()).containsEntry("changed", true).containsEntry("checksum", "f572d396fae9206628714fb2ce00f72e94f2258f")
                .containsEntry("dest", dest).containsEntry("md5sum", "b1946ac92492d2347c6235b4d2611184").containsEntry("mode", "0644")
                .containsEntry("size", 6L).containsEntry("state", "file");
        @SuppressWarnings("unchecked")
        Map<String, Object> diff = ((List<Map<String, Object>>) first.get("diff")).get(0);
        assertThat(diff).containsEntry("before", "").containsEntry("after", "hello\n").doesNotContainKey("before_header");
        // the conformance suite normalises Ansible's controller temp file names by this shape
        assertThat((String) diff.get("after_header")).matches("[^\\s\"']*/ansible-local-[^/\\s\"']+/tmp[^/\\s\"']*");
        assertThat(Files.readString(Path.of(dest))).isEqualTo("hello\n");

        ModuleResult second = h().diff().run("copy", "dest", dest, "content", "hello\n", "mode", "0644");
        assertThat(second.toMap()).containsEntry("changed", false).containsEntry("checksum", "f572d396fae9206628714fb2ce00f72e94f2258f")
                .containsEntry("dest", dest).containsEntry("path", dest).containsEntry("mode", "0644").containsEntry("state", "file");
        assertThat(second.get("diff")).isEqualTo(Map.of("before", Map.of("path", dest), "after", Map.of("path", dest)));
    }

    @Test
    void checkModeShowsTheDiffAndWritesNothing() throws Exception {
        Path dest = tmp.resolve("c");
        Files.writeString(dest, "hello\n");
        ModuleResult r = h().check().diff().run("copy", "dest", dest.toString(), "content", "bye\n", "mode", "0600");
        assertThat(r.isChanged()).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> diff = ((List<Map<String, Object>>) r.get("diff")).get(0);
        assertThat(diff).containsEntry("before_header", dest.toString()).containsEntry("before", "hello\n").containsEntry("after", "bye\n");
        assertThat(Files.readString(dest)).isEqualTo("hello\n");
        assertThat(h().check().run("copy", "dest", tmp + "/new", "content", "x").isChanged()).isTrue();
        assertThat(Files.exists(tmp.resolve("new"))).isFalse();
    }

    @Test
    void changedContentKeepsModeAndTakesBackup() throws Exception {
        Path dest = tmp.resolve("c");
        Files.writeString(dest, "hello\n");
        Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rw-------"));
        ModuleResult r = h().run("copy", "dest", dest.toString(), "content", "bye\n", "backup", true);
        assertThat(r.toMap()).containsEntry("changed", true).containsEntry("checksum", "ee9e51458f4642f48efe956962058245ee7127b1")
                .containsEntry("md5sum", "91fc14ad02afd60985bb8165bda320a6").containsEntry("mode", "0600").containsEntry("size", 4L);
        String backup = (String) r.get("backup_file");
        assertThat(backup).matches(java.util.regex.Pattern.quote(dest.toString()) + "\\.\\d+\\.\\d{4}-\\d\\d-\\d\\d@\\d\\d:\\d\\d:\\d\\d~");
        assertThat(Files.readString(Path.of(backup))).isEqualTo("hello\n");
        assertThat(Files.readString(dest)).isEqualTo("bye\n");
        ModuleResult modeOnly = h().run("copy", "dest", dest.toString(), "content", "bye\n", "mode", "0640");
        assertThat(modeOnly.isChanged()).isTrue();
        assertThat(modeOnly.get("mode")).isEqualTo("0640");
    }

    @Test
    void srcFileIsFoundOnTheControllerAndDirDestGetsItsBasename() throws Exception {
        Files.createDirectories(tmp.resolve("files"));
        Files.writeString(tmp.resolve("files/hostname"), "me\n");
        Files.createDirectories(tmp.resolve("out"));
        ModuleResult r = h().run("copy", "src", "hostname", "dest", tmp + "/out/");
        assertThat(r.toMap()).containsEntry("changed", true).containsEntry("dest", tmp + "/out/hostname");
        ModuleResult intoDir = h().run("copy", "src", "hostname", "dest", tmp + "/out");
        assertThat(intoDir.toMap()).containsEntry("changed", false).containsEntry("dest", tmp + "/out/hostname");
        assertThat(Files.readString(tmp.resolve("out/hostname"))).isEqualTo("me\n");
    }

    @Test
    void directorySrcIsMirrored() throws Exception {
        Path src = tmp.resolve("srcdir");
        Files.createDirectories(src.resolve("sub"));
        Files.writeString(src.resolve("a"), "a\n");
        Files.writeString(src.resolve("sub/b"), "b\n");
        ModuleResult r = h().run("copy", "src", src.toString(), "dest", tmp + "/cd");
        assertThat(r.toMap()).containsEntry("changed", true).containsEntry("dest", tmp + "/cd/").containsEntry("src", src.toString());
        assertThat(Files.readString(tmp.resolve("cd/srcdir/sub/b"))).isEqualTo("b\n");
        assertThat(h().run("copy", "src", src.toString(), "dest", tmp + "/cd").isChanged()).isFalse();
        ModuleResult contents = h().run("copy", "src", src + "/", "dest", tmp + "/cd2");
        assertThat(contents.get("dest")).isEqualTo(tmp + "/cd2/");
        assertThat(Files.readString(tmp.resolve("cd2/a"))).isEqualTo("a\n");
    }

    @Test
    void forceNoLeavesExistingFiles() throws Exception {
        Path dest = tmp.resolve("c");
        Files.writeString(dest, "keep");
        ModuleResult r = h().run("copy", "dest", dest.toString(), "content", "x", "force", false);
        assertThat(r.toMap()).containsEntry("changed", false).containsEntry("dest", dest.toString());
        assertThat(Files.readString(dest)).isEqualTo("keep");
    }

    @Test
    void validateRunsBeforeReplacing() throws Exception {
        Path dest = tmp.resolve("c");
        Files.writeString(dest, "old");
        ModuleResult bad = h().run("copy", "dest", dest.toString(), "content", "new", "validate", "grep -q good %s");
        assertThat(bad.isFailed()).isTrue();
        assertThat(bad.msg()).isEqualTo("failed to validate");
        assertThat(bad.get("exit_status")).isEqualTo(1L);
        assertThat(Files.readString(dest)).isEqualTo("old");
        assertThat(h().run("copy", "dest", dest.toString(), "content", "good", "validate", "grep -q good %s").isChanged()).isTrue();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("c"));
        }
    }

    @Test
    void errorsWordedAsAnsible() {
        assertThat(h().run("copy", "dest", tmp + "/nodir/x", "content", "x").msg()).isEqualTo("Destination directory " + tmp + "/nodir does not exist");
        assertThat(h().run("copy", "dest", tmp + "/x", "content", "x", "src", "y").msg()).isEqualTo("src and content are mutually exclusive");
        assertThat(h().run("copy", "dest", tmp + "/x").msg()).isEqualTo("src (or content) is required");
        assertThat(h().run("copy", "dest", tmp + "/x", "src", "/nonexistent").msg()).isEqualTo("Could not find or access '/nonexistent' on the Ansible Controller.\nIf you are using a module and expect the file to exist on the remote, see the remote_src option");
        assertThat(h().run("copy", "dest", tmp + "/x", "content", "hi", "foo", 1L).msg()).isEqualTo(
                "Unsupported parameters for (ansible.legacy.copy) module: foo. Supported parameters include: _original_basename, attributes, "
                        + "backup, checksum, content, dest, directory_mode, follow, force, group, local_follow, mode, owner, remote_src, "
                        + "selevel, serole, setype, seuser, src, unsafe_writes, validate (attr).");
    }

    @Test
    void nonStringContentIsWrittenAsJson() throws Exception {
        h().run("copy", "dest", tmp + "/j", "content", Map.of("a", List.of(1L, true)));
        assertThat(Files.readString(tmp.resolve("j"))).isEqualTo("{\"a\": [1, true]}");
    }

    @Test
    void templateRendersOnTheControllerThenCopies() throws Exception {
        Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(tmp.resolve("templates/t.j2"), "hello {{ who }}\n");
        String dest = tmp + "/t.txt";
        ModuleResult first = h().diff().run("template", "src", "t.j2", "dest", dest, "mode", "0640");
        assertThat(first.toMap()).containsEntry("changed", true).containsEntry("dest", dest).containsEntry("mode", "0640")
                .containsEntry("checksum", "22596363b3de40b06f981fb85d82312e8c0ed511");
        @SuppressWarnings("unchecked")
        Map<String, Object> diff = ((List<Map<String, Object>>) first.get("diff")).get(0);
        assertThat(diff).containsEntry("before", "").containsEntry("after", "hello world\n");
        assertThat((String) diff.get("after_header")).matches(".*/ansible-local-[^/]+/tmp[^/]*/t\\.j2");
        assertThat(Files.readString(Path.of(dest))).isEqualTo("hello world\n");
        assertThat(h().run("template", "src", "t.j2", "dest", dest, "mode", "0640").isChanged()).isFalse();
        assertThat(h().run("template", "src", "t.j2", "dest", dest, "newline_sequence", "\r\n").isChanged()).isTrue();
        assertThat(Files.readString(Path.of(dest))).isEqualTo("hello world\r\n");
    }
}
