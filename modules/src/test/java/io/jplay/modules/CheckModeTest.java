package io.jplay.modules;

import io.jplay.module.ModuleResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every state-changing task, run in check mode, reports a change and leaves the target exactly as it was. */
class CheckModeTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> changingTasks() {
        return Stream.of(
                Arguments.of("command", List.of("_raw_params", "touch T/new", "creates", "T/new")),
                Arguments.of("file", List.of("path", "T/f", "mode", "0600")),
                Arguments.of("file", List.of("path", "T/d/e", "state", "directory")),
                Arguments.of("file", List.of("path", "T/f", "state", "absent")),
                Arguments.of("file", List.of("path", "T/l", "src", "T/f", "state", "link")),
                Arguments.of("file", List.of("path", "T/h", "src", "T/f", "state", "hard")),
                Arguments.of("file", List.of("path", "T/d", "state", "touch")),
                Arguments.of("copy", List.of("dest", "T/f", "content", "other\n")),
                Arguments.of("copy", List.of("dest", "T/f", "content", "line\n", "mode", "0600")),
                Arguments.of("lineinfile", List.of("path", "T/f", "line", "more")),
                Arguments.of("lineinfile", List.of("path", "T/new", "line", "x", "create", "true")),
                Arguments.of("blockinfile", List.of("path", "T/f", "block", "b")),
                Arguments.of("replace", List.of("path", "T/f", "regexp", "line", "replace", "LINE")),
                Arguments.of("script", List.of("_raw_params", "s.sh", "creates", "T/new")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("changingTasks")
    void reportsTheChangeWithoutMakingIt(String module, List<String> kv) throws Exception {
        Files.writeString(tmp.resolve("f"), "line\n");
        Files.setPosixFilePermissions(tmp.resolve("f"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(tmp.resolve("s.sh"), "touch " + tmp + "/new\n");
        Object[] args = kv.stream().map(v -> v.replace("T/", tmp + "/")).map(v -> v.equals("true") ? (Object) true : v).toArray();
        Map<String, String> before = snapshot(tmp);
        ModuleResult r = new Harness(tmp).check().diff().run(module, args);
        assertThat(r.isFailed()).as("%s", r).isFalse();
        assertThat(r.isChanged()).as("%s", r).isTrue();
        assertThat(snapshot(tmp)).isEqualTo(before);
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                String content = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.readString(p) : Files.isSymbolicLink(p) ? "->" + Files.readSymbolicLink(p) : "dir";
                state.put(root.relativize(p).toString(), perms + " " + content);
            }
        }
        return state;
    }
}
