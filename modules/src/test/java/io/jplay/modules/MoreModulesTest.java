package io.jplay.modules;

import io.jplay.module.ModuleResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** fetch, tempfile, find, wait_for; expected values recorded from ansible-core 2.14.18. */
class MoreModulesTest {

    @TempDir
    Path tmp;

    private Harness h() {
        return new Harness(tmp);
    }

    @Test
    void fetchUsesAnsiblesLayoutAndIsIdempotent() throws Exception {
        Path src = tmp.resolve("c");
        Files.writeString(src, "bye\n");
        String fetched = tmp + "/fetched";
        ModuleResult first = h().run("fetch", "src", src.toString(), "dest", fetched);
        String expected = fetched + "/testhost" + src;
        assertThat(first.toMap()).containsEntry("changed", true).containsEntry("checksum", "ee9e51458f4642f48efe956962058245ee7127b1")
                .containsEntry("dest", expected).containsEntry("md5sum", "91fc14ad02afd60985bb8165bda320a6")
                .containsEntry("remote_checksum", "ee9e51458f4642f48efe956962058245ee7127b1").containsEntry("remote_md5sum", null);
        assertThat(Files.readString(Path.of(expected))).isEqualTo("bye\n");
        ModuleResult second = h().run("fetch", "src", src.toString(), "dest", fetched);
        assertThat(second.toMap()).containsEntry("changed", false).containsEntry("dest", expected).containsEntry("file", src.toString())
                .containsEntry("checksum", "ee9e51458f4642f48efe956962058245ee7127b1");
        ModuleResult flat = h().run("fetch", "src", src.toString(), "dest", tmp + "/flat/", "flat", true);
        assertThat(flat.get("dest")).isEqualTo(tmp + "/flat/c");
        assertThat(h().run("fetch", "src", tmp + "/zz", "dest", fetched).msg()).isEqualTo("the remote file does not exist, not transferring, ignored");
        ModuleResult ignored = h().run("fetch", "src", tmp + "/zz", "dest", fetched, "fail_on_missing", false);
        assertThat(ignored.toMap()).containsEntry("changed", false).containsEntry("file", tmp + "/zz").doesNotContainKey("failed");
        ModuleResult check = h().check().run("fetch", "src", src.toString(), "dest", fetched);
        assertThat(check.toMap()).containsEntry("skipped", true).containsEntry("msg", "check mode not (yet) supported for this module");
    }

    @Test
    void tempfileCreatesPrivateFilesAndDirectories() throws Exception {
        ModuleResult file = h().run("tempfile", "path", tmp.toString());
        String path = (String) file.get("path");
        assertThat(path).matches(java.util.regex.Pattern.quote(tmp.toString()) + "/ansible\\.[a-z0-9_]{8}");
        assertThat(file.toMap()).containsEntry("changed", true).containsEntry("state", "file").containsEntry("mode", "0600").containsEntry("size", 0L);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(path)))).isEqualTo("rw-------");
        ModuleResult dir = h().run("tempfile", "state", "directory", "prefix", "pp", "suffix", "xx", "path", tmp.toString());
        assertThat((String) dir.get("path")).matches(".*/pp[a-z0-9_]{8}xx");
        assertThat(dir.toMap()).containsEntry("state", "directory").containsEntry("mode", "0700");
        ModuleResult check = h().check().run("tempfile");
        assertThat(check.toMap()).containsEntry("skipped", true).containsEntry("msg", "remote module (ansible.legacy.tempfile) does not support check mode");
    }

    @Test
    void findFiltersLikeAnsible() throws Exception {
        Files.writeString(tmp.resolve("c"), "bye\n");
        Files.writeString(tmp.resolve("f"), "");
        Files.writeString(tmp.resolve(".hidden"), "");
        Files.createDirectories(tmp.resolve("sub/deeper"));
        Files.writeString(tmp.resolve("sub/a.txt"), "hello\n");
        Files.writeString(tmp.resolve("sub/deeper/b.txt"), "x\n");
        ModuleResult flat = h().run("find", "paths", tmp.toString());
        assertThat(paths(flat)).containsExactlyInAnyOrder(tmp + "/c", tmp + "/f");
        assertThat(flat.toMap()).containsEntry("changed", false).containsEntry("matched", 2L).containsEntry("examined", 4L)
                .containsEntry("msg", "All paths examined").containsEntry("skipped_paths", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> c = ((List<Map<String, Object>>) flat.get("files")).stream().filter(m -> m.get("path").equals(tmp + "/c")).findFirst().orElseThrow();
        assertThat(c).containsEntry("isreg", true).containsEntry("size", 4L).containsKeys("mode", "uid", "pw_name", "mtime", "inode");

        assertThat(paths(h().run("find", "paths", tmp.toString(), "patterns", "*.txt,c", "recurse", true, "file_type", "any")))
                .containsExactlyInAnyOrder(tmp + "/c", tmp + "/sub/a.txt", tmp + "/sub/deeper/b.txt");
        assertThat(paths(h().run("find", "paths", tmp.toString(), "patterns", "*.txt", "recurse", true, "depth", 2L)))
                .containsExactly(tmp + "/sub/a.txt");
        assertThat(paths(h().run("find", "paths", tmp.toString(), "contains", "by"))).containsExactly(tmp + "/c");
        assertThat(paths(h().run("find", "paths", tmp.toString(), "recurse", true, "contains", "hel", "patterns", "*.txt")))
                .containsExactly(tmp + "/sub/a.txt");
        assertThat(paths(h().run("find", "paths", tmp.toString(), "hidden", true, "size", "-1"))).containsExactlyInAnyOrder(tmp + "/f", tmp + "/.hidden");
        assertThat(paths(h().run("find", "paths", tmp.toString(), "file_type", "directory"))).containsExactly(tmp + "/sub");
        assertThat(paths(h().run("find", "paths", tmp.toString(), "patterns", "^[cf]$", "use_regex", true, "excludes", "f")))
                .containsExactly(tmp + "/c");
        assertThat(paths(h().run("find", "paths", tmp.toString(), "age", "1d"))).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sums = (List<Map<String, Object>>) h().run("find", "paths", tmp.toString(), "patterns", "f", "get_checksum", true).get("files");
        assertThat(sums.get(0)).containsEntry("checksum", "da39a3ee5e6b4b0d3255bfef95601890afd80709");

        ModuleResult missing = h().run("find", "paths", tmp + "/nonexist");
        assertThat(missing.toMap()).containsEntry("examined", 0L).containsEntry("matched", 0L)
                .containsEntry("msg", "Not all paths examined, check warnings for details")
                .containsEntry("skipped_paths", Map.of(tmp + "/nonexist", "'" + tmp + "/nonexist' is not a directory"))
                .containsEntry("warnings", List.of("Skipped '" + tmp + "/nonexist' path due to this access issue: '" + tmp + "/nonexist' is not a directory\n"));
        assertThat(h().run("find", "paths", tmp.toString(), "age", "zz").toMap()).containsEntry("msg", "failed to process age").containsEntry("age", "zz");
    }

    @SuppressWarnings("unchecked")
    private static List<String> paths(ModuleResult r) {
        return ((List<Map<String, Object>>) r.get("files")).stream().map(m -> (String) m.get("path")).collect(Collectors.toList());
    }

    @Test
    void waitForPaths() throws Exception {
        Path c = tmp.resolve("c");
        Files.writeString(c, "bye\n");
        ModuleResult present = h().run("wait_for", "path", c.toString(), "timeout", 2L);
        assertThat(present.toMap()).containsEntry("changed", false).containsEntry("elapsed", 0L).containsEntry("match_groupdict", Map.of())
                .containsEntry("match_groups", List.of()).containsEntry("path", c.toString()).containsEntry("port", null)
                .containsEntry("search_regex", null).containsEntry("state", "file").containsEntry("size", 4L);
        ModuleResult regex = h().run("wait_for", "path", c.toString(), "search_regex", "(?P<w>b)(y)", "timeout", 1L);
        assertThat(regex.toMap()).containsEntry("match_groups", List.of("b", "y")).containsEntry("match_groupdict", Map.of("w", "b"))
                .containsEntry("search_regex", "(?P<w>b)(y)");
        ModuleResult timeout = h().run("wait_for", "path", tmp + "/zz", "timeout", 1L, "sleep", 1L);
        assertThat(timeout.toMap()).containsEntry("failed", true).containsEntry("msg", "Timeout when waiting for file " + tmp + "/zz");
        assertThat((Long) timeout.get("elapsed")).isBetween(1L, 3L);
        ModuleResult absent = h().run("wait_for", "path", tmp + "/zz", "state", "absent", "timeout", 1L);
        assertThat(absent.toMap()).containsEntry("state", "absent").containsEntry("elapsed", 0L).doesNotContainKey("failed");
        assertThat(h().run("wait_for", "path", c.toString(), "port", 1L).msg()).isEqualTo("port and path parameter can not both be passed to wait_for");
        assertThat(h().run("wait_for", "timeout", "abc").msg()).isEqualTo(
                "argument 'timeout' is of type <class 'str'> and we were unable to convert to int: <class 'str'> cannot be converted to an int");
    }

    @Test
    void waitForPorts() throws Exception {
        boolean canProbe = new Harness(tmp).run("shell", "_raw_params", "command -v nc || command -v bash").get("rc").equals(0L);
        org.junit.jupiter.api.Assumptions.assumeTrue(canProbe, "the test machine has neither nc nor bash");
        try (ServerSocket server = new ServerSocket(0)) {
            ModuleResult open = h().run("wait_for", "port", (long) server.getLocalPort(), "timeout", 2L);
            assertThat(open.toMap()).containsEntry("state", "started").containsEntry("port", (long) server.getLocalPort()).doesNotContainKey("failed");
        }
        ModuleResult closed = h().run("wait_for", "port", 1L, "timeout", 1L);
        assertThat(closed.msg()).isEqualTo("Timeout when waiting for 127.0.0.1:1");
        ModuleResult stopped = h().run("wait_for", "port", 1L, "state", "stopped", "timeout", 1L);
        assertThat(stopped.toMap()).containsEntry("state", "stopped").containsEntry("path", null).containsEntry("elapsed", 0L);
    }
}
