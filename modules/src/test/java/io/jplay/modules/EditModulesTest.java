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

/**
 * lineinfile, blockinfile and replace: the same task sequences were run with ansible-core 2.14.18
 * ({@code ansible localhost -c local -m lineinfile ... --diff}) and their results recorded here.
 */
class EditModulesTest {

    @TempDir
    Path tmp;

    private Harness h() {
        return new Harness(tmp);
    }

    private static Map<String, Object> content(String path, String before, String after) {
        return Map.of("before", before, "after", after, "before_header", path + " (content)", "after_header", path + " (content)");
    }

    private static Map<String, Object> attrs(String path) {
        return Map.of("before_header", path + " (file attributes)", "after_header", path + " (file attributes)");
    }

    @Test
    void lineinfileSequenceMatchesAnsible() throws Exception {
        Path f = tmp.resolve("f");
        String p = f.toString();
        Files.writeString(f, "a=1\nb=2\n# comment\nc=3\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));

        ModuleResult replaced = h().diff().run("lineinfile", "path", p, "line", "b=20", "regexp", "^b=");
        assertThat(replaced.toMap()).containsEntry("changed", true).containsEntry("msg", "line replaced").containsEntry("backup", "");
        assertThat(replaced.get("diff")).isEqualTo(List.of(content(p, "a=1\nb=2\n# comment\nc=3\n", "a=1\nb=20\n# comment\nc=3\n"), attrs(p)));

        ModuleResult again = h().diff().run("lineinfile", "path", p, "line", "b=20", "regexp", "^b=");
        assertThat(again.toMap()).containsEntry("changed", false).containsEntry("msg", "");
        assertThat(again.get("diff")).isEqualTo(List.of(content(p, "a=1\nb=20\n# comment\nc=3\n", "a=1\nb=20\n# comment\nc=3\n"), attrs(p)));

        ModuleResult check = h().diff().check().run("lineinfile", "path", p, "line", "d=4");
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("msg", "line added");
        assertThat(check.get("diff")).isEqualTo(List.of(content(p, "a=1\nb=20\n# comment\nc=3\n", "a=1\nb=20\n# comment\nc=3\nd=4\n"), attrs(p)));
        assertThat(Files.readString(f)).isEqualTo("a=1\nb=20\n# comment\nc=3\n");

        assertThat(h().run("lineinfile", "path", p, "line", "d=4", "insertafter", "^a=").msg()).isEqualTo("line added");
        assertThat(h().run("lineinfile", "path", p, "line", "z=0", "insertbefore", "BOF").msg()).isEqualTo("line added");
        assertThat(h().run("lineinfile", "path", p, "line", "y=9", "insertbefore", "^c=").msg()).isEqualTo("line added");
        assertThat(h().run("lineinfile", "path", p, "regexp", "^(c)=(.*)", "line", "\\1==\\2", "backrefs", true).msg()).isEqualTo("line replaced");
        ModuleResult noMatch = h().run("lineinfile", "path", p, "regexp", "^nomatch", "line", "x", "backrefs", true);
        assertThat(noMatch.toMap()).containsEntry("changed", false).containsEntry("msg", "");

        ModuleResult removed = h().diff().run("lineinfile", "path", p, "regexp", "^#", "state", "absent");
        assertThat(removed.toMap()).containsEntry("changed", true).containsEntry("found", 1L).containsEntry("msg", "1 line(s) removed");
        assertThat(removed.get("diff")).isEqualTo(List.of(content(p, "z=0\na=1\nd=4\nb=20\n# comment\ny=9\nc==3\n",
                "z=0\na=1\nd=4\nb=20\ny=9\nc==3\n"), attrs(p)));

        ModuleResult withMode = h().run("lineinfile", "path", p, "line", "q", "mode", "0600");
        assertThat(withMode.toMap()).containsEntry("changed", true).containsEntry("msg", "line added and ownership, perms or SE linux context changed");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> diffs = (List<Map<String, Object>>) withMode.get("diff");
        assertThat(diffs.get(1)).isEqualTo(Map.of("before", Map.of("mode", "0644"), "after", Map.of("mode", "0600"),
                "before_header", p + " (file attributes)", "after_header", p + " (file attributes)"));
        assertThat(Files.readString(f)).isEqualTo("z=0\na=1\nd=4\nb=20\ny=9\nc==3\nq\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    }

    @Test
    void lineinfileErrorsAndCreate() throws Exception {
        ModuleResult missing = h().run("lineinfile", "path", tmp + "/missing", "line", "q");
        assertThat(missing.toMap()).containsEntry("failed", true).containsEntry("rc", 257L)
                .containsEntry("msg", "Destination " + tmp + "/missing does not exist !");
        ModuleResult created = h().run("lineinfile", "path", tmp + "/new/sub", "line", "q", "create", true);
        assertThat(created.toMap()).containsEntry("changed", true).containsEntry("msg", "line added");
        assertThat(Files.readString(tmp.resolve("new/sub"))).isEqualTo("q\n");
        assertThat(h().run("lineinfile", "path", tmp + "/missing", "line", "q", "state", "absent").toMap())
                .containsEntry("changed", false).containsEntry("msg", "file not present");
        Files.writeString(tmp.resolve("f"), "x\n");
        assertThat(h().run("lineinfile", "path", tmp + "/f", "state", "absent").msg())
                .isEqualTo("one of line, search_string, or regexp is required with state=absent");
        assertThat(h().run("lineinfile", "path", tmp.toString(), "line", "x").toMap()).containsEntry("rc", 256L)
                .containsEntry("msg", "Path " + tmp + " is a directory !");
        assertThat(h().run("lineinfile", "path", tmp + "/f", "line", "x", "backrefs", true).msg()).isEqualTo("regexp is required with backrefs=true");
        assertThat(h().run("lineinfile", "path", tmp + "/f", "regexp", "a", "search_string", "b", "line", "x").msg())
                .isEqualTo("parameters are mutually exclusive: regexp|search_string");
    }

    @Test
    void validationFailureLeavesTheFile() throws Exception {
        Path f = tmp.resolve("f");
        Files.writeString(f, "a\n");
        ModuleResult r = h().run("lineinfile", "path", f.toString(), "line", "x", "validate", "grep -q nope %s");
        assertThat(r.toMap()).containsEntry("failed", true).containsEntry("msg", "failed to validate: rc:1 error:");
        assertThat(Files.readString(f)).isEqualTo("a\n");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("f");
        }
    }

    @Test
    void lineinfileFollowsSymlinksAndKeepsThem() throws Exception {
        Path real = tmp.resolve("real");
        Files.writeString(real, "a\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        assertThat(h().run("lineinfile", "path", link.toString(), "line", "b").isChanged()).isTrue();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("a\nb\n");
    }

    @Test
    void lineinfileSearchStringAndFirstmatch() throws Exception {
        Path f = tmp.resolve("f");
        Files.writeString(f, "x=1\nx=2\nend");
        h().run("lineinfile", "path", f.toString(), "search_string", "x=", "line", "x=9", "firstmatch", true);
        assertThat(Files.readString(f)).isEqualTo("x=9\nx=2\nend");
        h().run("lineinfile", "path", f.toString(), "line", "tail");
        assertThat(Files.readString(f)).isEqualTo("x=9\nx=2\nend\ntail\n");
        h().run("lineinfile", "path", f.toString(), "line", "after-x", "insertafter", "^x=");
        assertThat(Files.readString(f)).isEqualTo("x=9\nx=2\nafter-x\nend\ntail\n");
    }

    @Test
    void blockinfileSequenceMatchesAnsible() throws Exception {
        Path b = tmp.resolve("b");
        String p = b.toString();
        Files.writeString(b, "x\n");
        String withBlock = "x\n# BEGIN ANSIBLE MANAGED BLOCK\none\ntwo\n# END ANSIBLE MANAGED BLOCK\n";
        ModuleResult inserted = h().diff().run("blockinfile", "path", p, "block", "one\ntwo");
        assertThat(inserted.toMap()).containsEntry("changed", true).containsEntry("msg", "Block inserted");
        assertThat(inserted.get("diff")).isEqualTo(List.of(content(p, "x\n", withBlock), attrs(p)));

        ModuleResult again = h().diff().run("blockinfile", "path", p, "block", "one\ntwo");
        assertThat(again.toMap()).containsEntry("changed", false).containsEntry("msg", "");
        assertThat(again.get("diff")).isEqualTo(List.of(content(p, withBlock, withBlock), attrs(p)));

        assertThat(h().run("blockinfile", "path", p, "block", "three", "marker", "// {mark} X").msg()).isEqualTo("Block inserted");
        assertThat(h().run("blockinfile", "path", p, "block", "one\ntwo", "insertbefore", "BOF").isChanged()).isFalse();

        ModuleResult removed = h().diff().run("blockinfile", "path", p, "state", "absent");
        assertThat(removed.msg()).isEqualTo("Block removed");
        assertThat(removed.get("diff")).isEqualTo(List.of(content(p, withBlock + "// BEGIN X\nthree\n// END X\n", "x\n// BEGIN X\nthree\n// END X\n"), attrs(p)));
        assertThat(Files.readString(b)).isEqualTo("x\n// BEGIN X\nthree\n// END X\n");

        ModuleResult check = h().check().diff().run("blockinfile", "path", tmp + "/b2", "block", "hi", "create", true);
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("msg", "File created");
        assertThat(check.get("diff")).isEqualTo(content(tmp + "/b2", "", "# BEGIN ANSIBLE MANAGED BLOCK\nhi\n# END ANSIBLE MANAGED BLOCK\n"));
        assertThat(Files.exists(tmp.resolve("b2"))).isFalse();
        ModuleResult missing = h().run("blockinfile", "path", tmp + "/b2", "block", "hi");
        assertThat(missing.toMap()).containsEntry("failed", true).containsEntry("rc", 257L).containsEntry("msg", "Path " + tmp + "/b2 does not exist !");
    }

    @Test
    void blockinfileInsertsAfterTheLastMatchingLine() throws Exception {
        Path f = tmp.resolve("f");
        Files.writeString(f, "[a]\nk=1\n[b]\nk=2");
        h().run("blockinfile", "path", f.toString(), "block", "new", "insertafter", "^k=", "marker", "#{mark}");
        assertThat(Files.readString(f)).isEqualTo("[a]\nk=1\n[b]\nk=2\n#BEGIN\nnew\n#END\n");
        h().run("blockinfile", "path", f.toString(), "block", "top", "insertbefore", "^\\[", "marker", "%{mark}");
        assertThat(Files.readString(f)).isEqualTo("[a]\nk=1\n%BEGIN\ntop\n%END\n[b]\nk=2\n#BEGIN\nnew\n#END\n");
    }

    @Test
    void replaceSequenceMatchesAnsible() throws Exception {
        Path r = tmp.resolve("r");
        String p = r.toString();
        Files.writeString(r, "hello world\nfoo bar\nhello again\n");
        ModuleResult first = h().diff().run("replace", "path", p, "regexp", "hello", "replace", "bye");
        assertThat(first.toMap()).containsEntry("changed", true).containsEntry("msg", "2 replacements made").containsEntry("rc", 0L);
        assertThat(first.get("diff")).isEqualTo(Map.of("before_header", p, "before", "hello world\nfoo bar\nhello again\n",
                "after_header", p, "after", "bye world\nfoo bar\nbye again\n"));
        ModuleResult second = h().diff().run("replace", "path", p, "regexp", "hello", "replace", "bye");
        assertThat(second.toMap()).containsEntry("changed", false).containsEntry("msg", "").containsEntry("rc", 0L).doesNotContainKey("diff");

        assertThat(h().run("replace", "path", p, "regexp", "^(\\w+) (\\w+)$", "replace", "\\2 \\1", "after", "foo").msg())
                .isEqualTo("1 replacements made");
        assertThat(Files.readString(r)).isEqualTo("bye world\nfoo bar\nagain bye\n");
        assertThat(h().run("replace", "path", p, "regexp", "x", "replace", "y", "before", "zzz").toMap()).containsEntry("changed", false)
                .containsEntry("msg", "Pattern for before/after params did not match the given file: (?P<subsection>.*)zzz");
        assertThat(h().run("replace", "path", tmp + "/missing", "regexp", "x").toMap()).containsEntry("rc", 257L)
                .containsEntry("msg", "Path " + tmp + "/missing does not exist !");
        ModuleResult check = h().check().run("replace", "path", p, "regexp", "bye", "replace", "ciao");
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("msg", "2 replacements made");
        assertThat(Files.readString(r)).isEqualTo("bye world\nfoo bar\nagain bye\n");
    }

    @Test
    void replaceUsesPythonTemplatesAndNamedGroups() throws Exception {
        Path r = tmp.resolve("r");
        Files.writeString(r, "port = 80 {x}\nname=$HOME\n");
        h().run("replace", "path", r.toString(), "regexp", "(?P<key>port) = (?P<v>\\d+)", "replace", "\\g<key>: \\g<v>0");
        h().run("replace", "path", r.toString(), "regexp", "=\\$HOME$", "replace", "=$USER");
        h().run("replace", "path", r.toString(), "regexp", "{x}", "replace", "{y}");
        assertThat(Files.readString(r)).isEqualTo("port: 800 {y}\nname=$USER\n");
    }
}
