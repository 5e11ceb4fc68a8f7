package io.jplay.modules.system;

import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * reboot on target1. The targets share the host's kernel, so the kernel's boot_id never changes: boot_time_command
 * reads the start time of the target's PID 1 instead. A real reboot of a target ends its PID namespace (its
 * systemd exits), so the first test brings it back with testbed.sh up, as a machine's firmware would; the second
 * stands in for a reboot by changing a marker and killing the test user's SSH sessions (the module must reconnect).
 */
class RebootModuleTest {

    @TempDir
    Path tmp;

    private Harness h() {
        return Harness.onTarget(tmp, "target1");
    }

    static String exec(String cmd) {
        return Testbed.instance().shell("target1", cmd);
    }

    @Test
    void rebootsTheTargetForReal() throws Exception {
        Thread firmware = new Thread(() -> {
            long end = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < end) {
                try {
                    Thread.sleep(1000);
                    exec("true");
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException targetIsDown) {
                    Testbed.instance().script("up");
                    return;
                }
            }
        });
        firmware.start();
        try {
            String before = exec("cut -d' ' -f22 /proc/1/stat");
            ModuleResult r = h().run("reboot", "boot_time_command", "cut -d' ' -f22 /proc/1/stat", "reboot_timeout", 180, "msg", "jplay test reboot");
            assertThat(r.toMap()).containsEntry("changed", true).containsEntry("rebooted", true).doesNotContainKey("failed");
            assertThat(exec("cut -d' ' -f22 /proc/1/stat")).isNotEqualTo(before);
            assertThat(exec("systemctl is-system-running --wait || true")).isIn("running", "degraded");
        } finally {
            firmware.join(180_000);
        }
    }

    @Test
    void waitsForANewBootAndReconnects() {
        exec("echo first-boot > /run/jplay-boot");
        ModuleResult r = h().run("reboot", "boot_time_command", "cat /run/jplay-boot",
                "reboot_command", "sh -c '(trap \"\" HUP; sleep 2; echo second-boot > /run/jplay-boot; pkill -KILL -u "
                        + Testbed.instance().user() + ") >/dev/null 2>&1 &'",
                "test_command", "test -f /run/jplay-boot", "reboot_timeout", 60);
        assertThat(r.toMap()).containsEntry("changed", true).containsEntry("rebooted", true).doesNotContainKey("failed");
        assertThat((Long) r.get("elapsed")).isBetween(2L, 30L);
        assertThat(exec("cat /run/jplay-boot")).isEqualTo("second-boot");
    }

    @Test
    void reportsAnsiblesResultsAndErrors() {
        assertThat(h().check().run("reboot").toMap()).isEqualTo(Map.of("changed", true, "elapsed", 0L, "rebooted", true));
        ModuleResult missing = h().run("reboot", "search_paths", java.util.List.of("/nonexistent", "/tmp"));
        assertThat(missing.msg()).isEqualTo("Unable to find command \"shutdown\" in search paths: ['/nonexistent', '/tmp']");
        ModuleResult nothingHappens = h().run("reboot", "reboot_command", "true", "reboot_timeout", 2);
        assertThat(nothingHappens.toMap()).containsEntry("failed", true).containsEntry("rebooted", true)
                .containsEntry("msg", "Timed out waiting for last boot time check (timeout=2)");
        ModuleResult failing = h().run("reboot", "reboot_command", "/bin/sh -c 'echo nope >&2; exit 3'");
        assertThat(failing.toMap()).containsEntry("failed", true).containsEntry("rebooted", false)
                .containsEntry("msg", "Reboot command failed. Error was: ', nope'");
        ModuleResult local = new Harness(tmp).run("reboot");
        assertThat(local.msg()).isEqualTo("Running reboot with local connection would reboot the control node.");
    }
}
