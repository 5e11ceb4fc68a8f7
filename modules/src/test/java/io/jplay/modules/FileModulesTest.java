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

/** file, stat and slurp; expected values recorded from ansible-core 2.14.18 against a temp dir. */
class FileModulesTest {

    @TempDir
    Path tmp;

    private Harness h() {
        return new Harness(tmp);
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void touchCreatesThenFileStateFixesModeIdempotently() throws Exception {
        String f = tmp.resolve("f").toString();
        ModuleResult touched = h().diff().run("file", "path", f, "state", "touch", "mode", "0640");
        assertThat(touched.toMap()).containsEntry("changed", true).containsEntry("dest", f).containsEntry("mode", "0640")
                .containsEntry("state", "file").containsEntry("size", 0L);
        assertThat(perms(Path.of(f))).isEqualTo("rw-r-----");

        ModuleResult fixed = h().diff().run("file", "path", f, "state", "file", "mode", "0600");
        assertThat(fixed.toMap()).containsEntry("changed", true).containsEntry("path", f).containsEntry("mode", "0600");
        assertThat(fixed.get("diff")).isEqualTo(Map.of("before", Map.of("path", f, "mode", "0640"), "after", Map.of("path", f, "mode", "0600")));

        ModuleResult again = h().diff().run("file", "path", f, "state", "file", "mode", "0600");
        assertThat(again.isChanged()).isFalse();
        assertThat(again.get("diff")).isEqualTo(Map.of("before", Map.of("path", f), "after", Map.of("path", f)));

        ModuleResult symbolic = h().run("file", "path", f, "mode", "u+x,g-r");
        assertThat(symbolic.get("mode")).isEqualTo("0700");
        assertThat(h().run("file", "path", f, "mode", "u+x,g-r").isChanged()).isFalse();
    }

    @Test
    void touchWithPreservedTimesIsIdempotentAndExplicitTimesAreSet() throws Exception {
        String f = tmp.resolve("t").toString();
        Object[] preserve = {"path", f, "state", "touch", "modification_time", "preserve", "access_time", "preserve"};
        assertThat(h().run("file", preserve).isChanged()).isTrue();
        assertThat(h().run("file", preserve).isChanged()).isFalse();
        assertThat(h().check().run("file", "path", f, "state", "touch").isChanged()).isTrue();
        ModuleResult stamped = h().run("file", "path", f, "state", "touch", "modification_time", "202001021304.05", "access_time", "preserve");
        assertThat(stamped.isChanged()).isTrue();
        java.time.LocalDateTime mtime = java.time.LocalDateTime.ofInstant(Files.getLastModifiedTime(Path.of(f)).toInstant(), java.time.ZoneId.systemDefault());
        assertThat(mtime).isEqualTo(java.time.LocalDateTime.of(2020, 1, 2, 13, 4, 5));
        h().run("file", "path", f, "state", "touch", "modification_time", "2021-03-04", "modification_time_format", "%Y-%m-%d");
        mtime = java.time.LocalDateTime.ofInstant(Files.getLastModifiedTime(Path.of(f)).toInstant(), java.time.ZoneId.systemDefault());
        assertThat(mtime).isEqualTo(java.time.LocalDateTime.of(2021, 3, 4, 0, 0, 0));
        assertThat(h().run("file", "path", f, "state", "touch", "modification_time", "yesterday").msg())
                .isEqualTo("Error while obtaining timestamp for time yesterday using format %Y%m%d%H%M.%S: "
                        + "time data 'yesterday' does not match format '%Y%m%d%H%M.%S'");
    }

    @Test
    void checkModeReportsButDoesNotChange() throws Exception {
        Path f = tmp.resolve("f");
        Files.writeString(f, "");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        ModuleResult r = h().check().run("file", "path", f.toString(), "mode", "0600");
        assertThat(r.isChanged()).isTrue();
        assertThat(perms(f)).isEqualTo("rw-r--r--");
        ModuleResult touch = h().check().run("file", "path", tmp + "/new", "state", "touch");
        assertThat(touch.toMap()).containsEntry("changed", true).containsEntry("dest", tmp + "/new");
        assertThat(Files.exists(tmp.resolve("new"))).isFalse();
        assertThat(h().check().run("file", "path", tmp + "/d", "state", "directory").isChanged()).isTrue();
        assertThat(Files.exists(tmp.resolve("d"))).isFalse();
        assertThat(h().check().run("file", "path", f.toString(), "state", "absent").isChanged()).isTrue();
        assertThat(Files.exists(f)).isTrue();
    }

    @Test
    void directoryAndAbsentWithDiffs() throws Exception {
        String e = tmp.resolve("dd/e").toString();
        ModuleResult made = h().diff().run("file", "path", e, "state", "directory");
        assertThat(made.toMap()).containsEntry("changed", true).containsEntry("path", e).containsEntry("state", "directory").containsEntry("mode", "0755");
        assertThat(made.get("diff")).isEqualTo(Map.of("before", Map.of("path", e, "state", "absent"), "after", Map.of("path", e, "state", "directory")));
        assertThat(h().run("file", "path", e, "state", "directory").isChanged()).isFalse();

        String dd = tmp.resolve("dd").toString();
        ModuleResult removed = h().diff().run("file", "path", dd, "state", "absent");
        assertThat(removed.toMap()).containsEntry("changed", true).containsEntry("path", dd).containsEntry("state", "absent");
        assertThat(removed.get("diff")).isEqualTo(Map.of(
                "before", Map.of("path", dd, "path_content", Map.of("directories", List.of(e), "files", List.of()), "state", "directory"),
                "after", Map.of("path", dd, "state", "absent")));
        assertThat(Files.exists(Path.of(dd))).isFalse();
        ModuleResult again = h().run("file", "path", dd, "state", "absent");
        assertThat(again.toMap()).containsEntry("changed", false).containsEntry("path", dd).containsEntry("state", "absent");
    }

    @Test
    void everyCreatedDirectoryGetsTheModeAndHardLinksOverFilesAreRefused() throws Exception {
        String c = tmp.resolve("a/b/c").toString();
        ModuleResult made = h().diff().run("file", "path", c, "state", "directory", "mode", "0700");
        assertThat(made.get("diff")).isEqualTo(Map.of("before", Map.of("path", c, "state", "absent", "mode", "0755"),
                "after", Map.of("path", c, "state", "directory", "mode", "0700")));
        assertThat(perms(tmp.resolve("a"))).isEqualTo("rwx------");
        assertThat(perms(tmp.resolve("a/b"))).isEqualTo("rwx------");
        Path f = tmp.resolve("f");
        Files.writeString(f, "x");
        ModuleResult hard = h().run("file", "path", f.toString(), "src", f.toString(), "state", "hard");
        assertThat(hard.toMap()).containsEntry("failed", true).containsEntry("msg", "Cannot link, file exists at destination")
                .containsEntry("dest", f.toString()).containsEntry("state", "file");
        ModuleResult checkAbsent = h().check().run("file", "path", f.toString(), "state", "absent");
        assertThat(checkAbsent.toMap()).containsEntry("changed", true).containsEntry("state", "file").containsEntry("size", 1L);
    }

    @Test
    void recurseAppliesModeBelowTheDirectory() throws Exception {
        Path d = tmp.resolve("tree");
        Files.createDirectories(d.resolve("sub"));
        Files.writeString(d.resolve("sub/x"), "x");
        assertThat(h().run("file", "path", d.toString(), "state", "directory", "mode", "0700", "recurse", true).isChanged()).isTrue();
        assertThat(perms(d.resolve("sub/x"))).isEqualTo("rwx------");
        assertThat(h().run("file", "path", d.toString(), "state", "directory", "mode", "0700", "recurse", true).isChanged()).isFalse();
    }

    @Test
    void symlinksAndHardLinks() throws Exception {
        String f = tmp.resolve("f").toString();
        String c = tmp.resolve("c").toString();
        Files.writeString(Path.of(f), "f");
        Files.writeString(Path.of(c), "c");
        String l = tmp.resolve("l").toString();
        ModuleResult link = h().diff().run("file", "path", l, "src", f, "state", "link");
        assertThat(link.toMap()).containsEntry("changed", true).containsEntry("dest", l).containsEntry("src", f)
                .containsEntry("state", "link").containsEntry("mode", "0777").containsEntry("size", (long) f.length());
        assertThat(link.get("diff")).isEqualTo(Map.of("before", Map.of("path", l, "state", "absent"), "after", Map.of("path", l, "state", "link")));
        assertThat(h().run("file", "path", l, "src", f, "state", "link").isChanged()).isFalse();
        ModuleResult retarget = h().diff().run("file", "path", l, "src", c, "state", "link");
        assertThat(retarget.get("diff")).isEqualTo(Map.of("before", Map.of("path", l, "src", f), "after", Map.of("path", l, "src", c)));
        assertThat(Files.readSymbolicLink(Path.of(l)).toString()).isEqualTo(c);

        ModuleResult dangling = h().run("file", "path", tmp + "/l2", "src", tmp + "/missing", "state", "link");
        assertThat(dangling.msg()).isEqualTo("src file does not exist, use \"force=yes\" if you really want to create the link: " + tmp + "/missing");
        assertThat(h().run("file", "path", tmp + "/l2", "src", tmp + "/missing", "state", "link", "force", true).isChanged()).isTrue();

        ModuleResult viaLink = h().diff().run("file", "path", l, "mode", "0600");
        assertThat(viaLink.toMap()).containsEntry("changed", true).containsEntry("state", "link").containsEntry("mode", "0777");
        assertThat(viaLink.get("diff")).isEqualTo(Map.of("before", Map.of("path", l, "mode", "0644"), "after", Map.of("path", l, "mode", "0600")));
        assertThat(perms(Path.of(c))).isEqualTo("rw-------");

        String hard = tmp.resolve("h").toString();
        ModuleResult hl = h().run("file", "path", hard, "src", f, "state", "hard");
        assertThat(hl.toMap()).containsEntry("changed", true).containsEntry("dest", hard).containsEntry("src", f).containsEntry("state", "hard");
        assertThat(h().run("file", "path", hard, "src", f, "state", "hard").isChanged()).isFalse();
    }

    @Test
    void failuresWordedAsAnsible() throws Exception {
        String nope = tmp.resolve("nope").toString();
        ModuleResult absent = h().run("file", "path", nope, "state", "file");
        assertThat(absent.toMap()).containsEntry("failed", true).containsEntry("msg", "file (" + nope + ") is absent, cannot continue")
                .containsEntry("path", nope).containsEntry("state", "absent");
        Path f = tmp.resolve("f");
        Files.writeString(f, "");
        ModuleResult asDir = h().run("file", "path", f.toString(), "state", "directory");
        assertThat(asDir.msg()).isEqualTo(f + " already exists as a file");
        assertThat(h().run("file", "path", f.toString(), "mode", "0999").msg()).isEqualTo("mode must be in octal or symbolic form");
        assertThat(h().run("file", "path", f.toString(), "state", "bogus").msg())
                .isEqualTo("value of state must be one of: absent, directory, file, hard, link, touch, got: bogus");
        assertThat(h().run("file", "path", f.toString(), "recurse", true, "state", "file").msg()).isEqualTo("recurse option requires state to be 'directory'");
    }

    @Test
    void statReportsFileFacts() throws Exception {
        Path f = tmp.resolve("f");
        Files.writeString(f, "");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-----"));
        @SuppressWarnings("unchecked")
        Map<String, Object> st = (Map<String, Object>) h().run("stat", "path", f.toString()).get("stat");
        assertThat(st).containsEntry("exists", true).containsEntry("path", f.toString()).containsEntry("mode", "0740")
                .containsEntry("isreg", true).containsEntry("isdir", false).containsEntry("islnk", false)
                .containsEntry("checksum", "da39a3ee5e6b4b0d3255bfef95601890afd80709").containsEntry("size", 0L)
                .containsEntry("xusr", true).containsEntry("rgrp", true).containsEntry("roth", false).containsEntry("readable", true);
        Files.createSymbolicLink(tmp.resolve("l"), f);
        @SuppressWarnings("unchecked")
        Map<String, Object> link = (Map<String, Object>) h().run("stat", "path", tmp + "/l").get("stat");
        assertThat(link).containsEntry("islnk", true).containsEntry("lnk_target", f.toString()).containsEntry("lnk_source", f.toString())
                .containsEntry("mode", "0777").doesNotContainKey("checksum");
        @SuppressWarnings("unchecked")
        Map<String, Object> followed = (Map<String, Object>) h().run("stat", "path", tmp + "/l", "follow", true).get("stat");
        assertThat(followed).containsEntry("isreg", true).containsEntry("mode", "0740");
        assertThat(h().run("stat", "path", tmp + "/zz").get("stat")).isEqualTo(Map.of("exists", false));
        @SuppressWarnings("unchecked")
        Map<String, Object> dir = (Map<String, Object>) h().run("stat", "path", tmp.toString()).get("stat");
        assertThat(dir).containsEntry("isdir", true);
    }

    @Test
    void slurpReturnsBase64() throws Exception {
        Files.writeString(tmp.resolve("c"), "bye\n");
        ModuleResult r = h().run("slurp", "src", tmp + "/c");
        assertThat(r.toMap()).containsEntry("changed", false).containsEntry("content", "YnllCg==").containsEntry("encoding", "base64")
                .containsEntry("source", tmp + "/c");
        assertThat(h().run("slurp", "src", tmp + "/zz").msg()).isEqualTo("file not found: " + tmp + "/zz");
        assertThat(h().run("slurp", "src", tmp.toString()).msg()).isEqualTo("source is a directory and must be a file: " + tmp);
    }
}
