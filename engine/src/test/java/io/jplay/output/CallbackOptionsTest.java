package io.jplay.output;

import io.jplay.config.AnsibleConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackOptionsTest {

    @Test
    void ansibleDefaults(@TempDir Path dir) {
        CallbackOptions options = CallbackOptions.from(AnsibleConfig.load(Map.of(), dir, dir), Map.of(), false);
        assertThat(options).isEqualTo(CallbackOptions.defaults());
    }

    @Test
    void settingsAndCallbackOptionsFromTheEnvironment(@TempDir Path dir) {
        Map<String, String> env = Map.of("ANSIBLE_DISPLAY_SKIPPED_HOSTS", "no", "ANSIBLE_SHOW_CUSTOM_STATS", "yes",
                "ANSIBLE_CHECK_MODE_MARKERS", "true", "ANSIBLE_DISPLAY_FAILED_STDERR", "1", "ANSIBLE_DIFF_CONTEXT", "5");
        CallbackOptions options = CallbackOptions.from(AnsibleConfig.load(env, dir, dir), env, true);
        assertThat(options.displaySkippedHosts()).isFalse();
        assertThat(options.showCustomStats()).isTrue();
        assertThat(options.checkModeMarkers()).isTrue();
        assertThat(options.displayFailedStderr()).isTrue();
        assertThat(options.diffContext()).isEqualTo(5);
        assertThat(options.checkRun()).isTrue();
    }
}
