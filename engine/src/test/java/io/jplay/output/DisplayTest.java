package io.jplay.output;

import io.jplay.config.AnsibleConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Display display(int verbosity, boolean color) {
        return new Display(out, err, verbosity, color, 79, true);
    }

    @Test
    void bannerFillsTheWidthWithStars() {
        display(0, false).banner("PLAY [x]");
        assertThat(out.toString()).isEqualTo("\nPLAY [x] " + "*".repeat(71) + "\n");
    }

    @Test
    void bannerKeepsAtLeastThreeStars() {
        display(0, false).banner("TASK [" + "n".repeat(90) + "]");
        assertThat(out.toString()).endsWith("] ***\n");
    }

    @Test
    void bannerCountsWideCharactersTwice() {
        // get_text_width("TASK [日本]") is 11 in ansible-core 2.14
        display(0, false).banner("TASK [日本]");
        assertThat(out.toString()).isEqualTo("\nTASK [日本] " + "*".repeat(79 - 11) + "\n");
    }

    @Test
    void warningsWrapGoToStderrOnce() {
        Display d = display(0, false);
        String msg = "a warning from the module that is rather long so that the wrapping of warnings at seventy "
                + "nine columns can be observed";
        d.warning(msg);
        d.warning(msg);
        assertThat(err.toString()).isEqualTo("[WARNING]: a warning from the module that is rather long so that the "
                + "wrapping\nof warnings at seventy nine columns can be observed\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void workerViewsRepeatWarningsTheMainDisplayHasNotShown() {
        Display d = display(0, false);
        d.workerView().warning("w");
        d.workerView().warning("w");
        d.warning("main");
        d.workerView().warning("main");
        assertThat(err.toString()).isEqualTo("[WARNING]: w\n[WARNING]: w\n[WARNING]: main\n");
    }

    @Test
    void formattedWarningKeepsTheText() {
        display(0, false).formattedWarning("line one\n  line two\n");
        assertThat(err.toString()).isEqualTo("\n[WARNING]: \nline one\n  line two\n");
    }

    @Test
    void deprecationWrapsWithoutDroppingSpaces() {
        display(0, false).deprecated("old option", "2.99", null, "ansible.builtin");
        assertThat(err.toString()).isEqualTo("[DEPRECATION WARNING]: old option. This feature will be removed from "
                + "ansible-\ncore in version 2.99. Deprecation warnings can be disabled by setting \n"
                + "deprecation_warnings=False in ansible.cfg.\n");
    }

    @Test
    void deprecationByDateWithoutCollection() {
        assertThat(Display.deprecationMessage("Use x instead!", null, "2025-01-01", null)).isEqualTo(
                "[DEPRECATION WARNING]: Use x instead! This feature will be removed in a release after 2025-01-01. "
                        + "Deprecation warnings can be disabled by setting deprecation_warnings=False in ansible.cfg.");
    }

    @Test
    void deprecationsSilencedByConfiguration() {
        new Display(out, err, 0, false, 79, false).deprecated("old", "2.99", null, null);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void errorsAreNotWrapped() {
        display(0, true).error("the playbook: x.yml could not be found");
        assertThat(err.toString()).isEqualTo("\033[0;31mERROR! the playbook: x.yml could not be found\033[0m\n");
    }

    @Test
    void verboseLinesNeedTheirLevelAndNameTheHost() {
        Display d = display(2, false);
        d.v("one");
        d.vv("two");
        d.vvv("three");
        d.verbose("ESTABLISH LOCAL CONNECTION FOR USER: root", "localhost", 1);
        assertThat(out.toString()).isEqualTo("one\ntwo\n<localhost> ESTABLISH LOCAL CONNECTION FOR USER: root\n");
    }

    @Test
    void colourWrapsEachLineAndKeepsTheFinalNewlineOutside() {
        display(0, true).display("ok: [h] => {\n}\n", Color.OK);
        assertThat(out.toString()).isEqualTo("\033[0;32mok: [h] => {\033[0m\n\033[0;32m}\033[0m\n");
    }

    @Test
    void noColourLeavesTextAlone() {
        display(0, false).display("changed: [h]", Color.CHANGED);
        assertThat(out.toString()).isEqualTo("changed: [h]\n");
    }

    @Test
    void withoutNewline() {
        Display d = display(0, false);
        d.display("a", null, false, false);
        d.display("b");
        assertThat(out.toString()).isEqualTo("ab\n");
    }

    @Test
    void coloursFollowTerminalNoColorAndForceColor(@TempDir Path dir) {
        assertThat(Display.useColor(config(dir, Map.of()), true)).isTrue();
        assertThat(Display.useColor(config(dir, Map.of()), false)).isFalse();
        assertThat(Display.useColor(config(dir, Map.of("NO_COLOR", "1")), true)).isFalse();
        assertThat(Display.useColor(config(dir, Map.of("ANSIBLE_NOCOLOR", "true")), true)).isFalse();
        assertThat(Display.useColor(config(dir, Map.of("ANSIBLE_FORCE_COLOR", "1")), false)).isTrue();
        assertThat(Display.useColor(config(dir, Map.of("ANSIBLE_FORCE_COLOR", "1", "NO_COLOR", "1")), false)).isTrue();
    }

    private static AnsibleConfig config(Path dir, Map<String, String> env) {
        return AnsibleConfig.load(env, dir, dir);
    }

    @Test
    void widthIs79UnlessATerminalIsWider() {
        assertThat(Display.columns(0)).isEqualTo(79);
        assertThat(Display.columns(200)).isEqualTo(199);
        assertThat(Display.columns(40)).isEqualTo(79);
    }

    @Test
    void coloursNeedATerminalThatHasThem() {
        assertThat(Terminal.supportsColor(Map.of("TERM", "xterm-256color"))).isTrue();
        assertThat(Terminal.supportsColor(Map.of("TERM", "dumb"))).isFalse();
        assertThat(Terminal.supportsColor(Map.of())).isFalse();
    }

    @Test
    void linesFromParallelHostsNeverInterleave() throws InterruptedException {
        Display d = display(0, false);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            String host = "host" + t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    d.display("ok: [" + host + "] => {\n    \"msg\": \"" + "x".repeat(50) + "\"\n}");
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(8 * 200 * 3);
        for (int i = 0; i < lines.length; i += 3) {
            assertThat(lines[i]).matches("ok: \\[host\\d] => \\{");
            assertThat(lines[i + 1]).isEqualTo("    \"msg\": \"" + "x".repeat(50) + "\"");
            assertThat(lines[i + 2]).isEqualTo("}");
        }
    }

    @Test
    void coloursCanBeChangedAsAnsibleColorSettings() {
        Palette palette = Palette.fromEnvironment(Map.of("ANSIBLE_COLOR_OK", "bright blue",
                "ANSIBLE_COLOR_CHANGED", "color202", "ANSIBLE_COLOR_SKIP", "rgb510", "ANSIBLE_COLOR_ERROR", "gray7",
                "ANSIBLE_COLOR_WARN", "no such colour"));
        Display d = new Display(out, err, 0, true, 79, true, null, palette);
        d.display("ok", Color.OK);
        d.display("changed", Color.CHANGED);
        d.display("skip", Color.SKIP);
        d.display("error", Color.ERROR);
        d.display("warn", Color.WARN);
        assertThat(out.toString()).isEqualTo("\033[1;34mok\033[0m\n\033[38;5;202mchanged\033[0m\n"
                + "\033[38;5;202mskip\033[0m\n\033[38;5;239merror\033[0m\n\033[1;35mwarn\033[0m\n");
    }
}
