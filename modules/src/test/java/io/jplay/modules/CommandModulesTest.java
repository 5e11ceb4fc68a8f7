package io.jplay.modules;

import io.jplay.module.ModuleResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected results recorded from ansible-core 2.14.18 ({@code ansible localhost -c local -m command ...}). */
class CommandModulesTest {

    @TempDir
    Path tmp;

    private Harness h() {
        return new Harness(tmp);
    }

    @Test
    void commandSplitsFreeFormLikeShlexAndReportsOutput() {
        ModuleResult r = h().run("command", "_raw_params", "printf '%s|' 'a b' c");
        assertThat(r.isChanged()).isTrue();
        assertThat(r.get("cmd")).isEqualTo(List.of("printf", "%s|", "a b", "c"));
        assertThat(r.get("stdout")).isEqualTo("a b|c|");
        assertThat(r.get("rc")).isEqualTo(0L);
        assertThat(r.get("msg")).isEqualTo("");
        assertThat((String) r.get("delta")).matches("0:00:\\d\\d\\.\\d{6}");
        assertThat((String) r.get("start")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
    }

    @Test
    void commandDoesNotInterpretShellSyntaxButShellDoes() {
        assertThat(h().run("command", "_raw_params", "echo $HOME | cat").get("stdout")).isEqualTo("$HOME | cat");
        ModuleResult shell = h().run("shell", "_raw_params", "echo $0; echo err >&2; exit 2");
        assertThat(shell.isFailed()).isTrue();
        assertThat(shell.isChanged()).isTrue();
        assertThat(shell.msg()).isEqualTo("non-zero return code");
        assertThat(shell.get("cmd")).isEqualTo("echo $0; echo err >&2; exit 2");
        assertThat(shell.get("stdout")).isEqualTo("/bin/sh");
        assertThat(shell.get("stdout_lines")).isEqualTo(List.of("/bin/sh"));
        assertThat(shell.get("stderr_lines")).isEqualTo(List.of("err"));
        assertThat(shell.get("rc")).isEqualTo(2L);
    }

    @Test
    void argvStdinAndChdir() throws Exception {
        Files.writeString(tmp.resolve("f"), "x");
        ModuleResult r = h().run("command", "argv", List.of("cat", "-"), "chdir", tmp.toString(), "stdin", "data");
        assertThat(r.get("stdout")).isEqualTo("data");
        assertThat(h().run("command", "_raw_params", "ls", "chdir", tmp.toString()).get("stdout")).isEqualTo("f");
        // shell with argv quotes each element, as run_command does for a list with use_unsafe_shell
        assertThat(h().run("shell", "argv", List.of("printf", "%s|", "a b", "$HOME")).get("stdout")).isEqualTo("a b|$HOME|");
        ModuleResult noNewline = h().run("shell", "_raw_params", "od -c | head -1", "stdin", "x", "stdin_add_newline", false);
        assertThat((String) noNewline.get("stdout")).doesNotContain("\\n");
    }

    @Test
    void createsAndRemovesMakeTheCommandIdempotent() throws Exception {
        Path marker = tmp.resolve("marker");
        ModuleResult first = h().run("command", "_raw_params", "touch " + marker, "creates", marker.toString());
        assertThat(first.isChanged()).isTrue();
        ModuleResult second = h().run("command", "_raw_params", "touch " + marker, "creates", marker.toString());
        assertThat(second.isChanged()).isFalse();
        assertThat(second.msg()).isEqualTo("Did not run command since '" + marker + "' exists");
        assertThat(second.get("stdout")).isEqualTo("skipped, since " + marker + " exists");
        assertThat(second.get("rc")).isEqualTo(0L);
        ModuleResult glob = h().run("command", "_raw_params", "false", "creates", tmp + "/mark*");
        assertThat(glob.isChanged()).isFalse();
        ModuleResult removes = h().run("command", "_raw_params", "false", "removes", tmp + "/nothing");
        assertThat(removes.msg()).isEqualTo("Did not run command since '" + tmp + "/nothing' does not exist");
        assertThat(removes.get("stdout")).isEqualTo("skipped, since " + tmp + "/nothing does not exist");
    }

    @Test
    void checkModeRunsNothing() throws Exception {
        Path marker = tmp.resolve("m");
        ModuleResult r = h().check().run("command", "_raw_params", "touch " + marker);
        assertThat(r.isSkipped()).isTrue();
        assertThat(r.isChanged()).isFalse();
        assertThat(r.msg()).isEqualTo("Command would have run if not in check mode");
        ModuleResult withRemoves = h().check().run("command", "_raw_params", "touch " + marker, "creates", marker.toString());
        assertThat(withRemoves.isChanged()).isTrue();
        assertThat(withRemoves.isSkipped()).isFalse();
        assertThat(Files.exists(marker)).isFalse();
        Files.writeString(marker, "");
        assertThat(h().check().run("command", "_raw_params", "x", "creates", marker.toString()).msg())
                .isEqualTo("Would not run command since '" + marker + "' exists");
    }

    @Test
    void errorsWordedAsAnsible() {
        ModuleResult missing = h().run("command", "_raw_params", "nonexistentcmd");
        assertThat(missing.isFailed()).isTrue();
        assertThat(missing.msg()).isEqualTo("[Errno 2] No such file or directory: b'nonexistentcmd'");
        assertThat(missing.get("rc")).isEqualTo(2L);
        assertThat(missing.get("cmd")).isEqualTo("nonexistentcmd");
        ModuleResult chdir = h().run("command", "_raw_params", "echo hi", "chdir", tmp + "/nonexist");
        assertThat(chdir.msg()).isEqualTo("Unable to change directory before execution: [Errno 2] No such file or directory: b'" + tmp + "/nonexist'");
        assertThat(h().run("command", "chdir", "/").msg()).isEqualTo("no command given");
        ModuleResult falseCmd = h().run("command", "_raw_params", "false");
        assertThat(falseCmd.isChanged()).isTrue();
        assertThat(falseCmd.get("rc")).isEqualTo(1L);
        assertThat(falseCmd.msg()).isEqualTo("non-zero return code");
    }

    @Test
    void rawKeepsOutputUnstrippedAndIsSkippedInCheckMode() {
        ModuleResult r = h().run("raw", "_raw_params", "echo raw");
        assertThat(r.toMap()).containsEntry("changed", true).containsEntry("rc", 0L).containsEntry("stdout", "raw\n")
                .containsEntry("stdout_lines", List.of("raw")).containsEntry("stderr", "");
        ModuleResult failing = h().run("raw", "_raw_params", "echo raw; exit 3");
        assertThat(failing.isFailed()).isTrue();
        assertThat(failing.msg()).isEqualTo("non-zero return code");
        assertThat(failing.get("rc")).isEqualTo(3L);
        assertThat(h().check().run("raw", "_raw_params", "echo raw").isSkipped()).isTrue();
    }

    @Test
    void scriptIsCopiedRunAndRemoved() throws Exception {
        Files.writeString(tmp.resolve("s.sh"), "echo script $1; echo err >&2\n");
        ModuleResult r = h().run("script", "_raw_params", "s.sh 'arg 1'");
        assertThat(r.toMap()).containsEntry("changed", true).containsEntry("rc", 0L).containsEntry("stdout", "script arg 1\n")
                .containsEntry("stderr", "err\n").containsEntry("stderr_lines", List.of("err"));
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s.sh");
        }
        Files.writeString(tmp.resolve("c"), "");
        ModuleResult skipped = h().run("script", "_raw_params", "s.sh", "creates", tmp + "/c");
        assertThat(skipped.isSkipped()).isTrue();
        assertThat(skipped.msg()).isEqualTo(tmp + "/c exists, matching creates option");
        ModuleResult check = h().check().run("script", "_raw_params", "s.sh");
        assertThat(check.isSkipped()).isTrue();
        assertThat(check.msg()).isEqualTo("Check mode is not supported for this task.");
    }

    @Test
    void pingAnswersPong() {
        assertThat(h().run("ping").toMap()).containsEntry("ping", "pong").containsEntry("changed", false);
        assertThat(h().run("ansible.builtin.ping", "data", "hi").get("ping")).isEqualTo("hi");
        assertThat(h().run("ping", "data", "crash").isFailed()).isTrue();
    }
}
