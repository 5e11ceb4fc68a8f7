package io.jplay.modules.system;

import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** systemd and service against the test bed's jplay-test.service (sleep infinity, installed, not enabled) on target1. */
class SystemdModuleTest {

    @TempDir
    Path tmp;

    private Harness h() {
        return Harness.onTarget(tmp, "target1");
    }

    static String exec(String cmd) {
        return Testbed.instance().shell("target1", cmd);
    }

    @BeforeEach
    @AfterEach
    void reset() {
        // a vendor unit (in /usr/lib) can be masked; jplay-test.service lives in /etc, where systemctl mask refuses
        exec("[ -f /usr/lib/systemd/system/jplay-mask.service ] || { cp /etc/systemd/system/jplay-test.service /usr/lib/systemd/system/jplay-mask.service;"
                + " systemctl daemon-reload; }; systemctl unmask jplay-mask.service; systemctl stop jplay-mask.service;"
                + " systemctl disable jplay-test.service; systemctl stop jplay-test.service; true");
    }

    @Test
    void startsStopsAndRestartsIdempotently() {
        ModuleResult check = h().check().run("systemd", "name", "jplay-test", "state", "started");
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("name", "jplay-test").containsEntry("state", "started");
        assertThat(exec("systemctl is-active jplay-test || true")).isEqualTo("inactive");

        ModuleResult start = h().run("systemd", "name", "jplay-test", "state", "started");
        assertThat(start.toMap()).containsEntry("changed", true).containsEntry("state", "started").doesNotContainKey("failed");
        @SuppressWarnings("unchecked")
        Map<String, Object> status = (Map<String, Object>) start.get("status");
        // the status is what systemctl show said before the change, as in Ansible
        assertThat(status).containsEntry("ActiveState", "inactive").containsEntry("LoadState", "loaded")
                .containsEntry("Id", "jplay-test.service").containsKeys("ExecStart", "MainPID", "UnitFileState");
        assertThat((String) status.get("ExecStart")).startsWith("{ path=/bin/sleep");
        assertThat(exec("systemctl is-active jplay-test")).isEqualTo("active");

        assertThat(h().run("systemd", "name", "jplay-test", "state", "started").toMap()).containsEntry("changed", false);
        String pid = exec("systemctl show -p MainPID --value jplay-test");
        ModuleResult restart = h().run("systemd", "name", "jplay-test.service", "state", "restarted");
        assertThat(restart.toMap()).containsEntry("changed", true).containsEntry("state", "started");
        assertThat(exec("systemctl show -p MainPID --value jplay-test")).isNotEqualTo(pid);

        ModuleResult stop = h().run("systemd", "name", "jplay-test", "state", "stopped");
        assertThat(stop.toMap()).containsEntry("changed", true).containsEntry("state", "stopped");
        assertThat(exec("systemctl is-active jplay-test || true")).isEqualTo("inactive");
        assertThat(h().run("systemd", "name", "jplay-test", "state", "stopped").toMap()).containsEntry("changed", false);
    }

    @Test
    void enablesAndMasks() {
        ModuleResult check = h().check().run("systemd", "name", "jplay-test", "enabled", true);
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("enabled", true);
        assertThat(exec("systemctl is-enabled jplay-test || true")).isEqualTo("disabled");

        ModuleResult enable = h().run("systemd", "name", "jplay-test", "enabled", true, "daemon_reload", true);
        assertThat(enable.toMap()).containsEntry("changed", true).containsEntry("enabled", true);
        assertThat(exec("systemctl is-enabled jplay-test")).isEqualTo("enabled");
        assertThat(h().run("systemd", "name", "jplay-test", "enabled", true).toMap()).containsEntry("changed", false).containsEntry("enabled", true);
        assertThat(h().run("systemd", "name", "jplay-test", "enabled", false).toMap()).containsEntry("changed", true).containsEntry("enabled", false);
        assertThat(exec("systemctl is-enabled jplay-test || true")).isEqualTo("disabled");

        ModuleResult mask = h().run("systemd", "name", "jplay-mask", "masked", true);
        assertThat(mask.toMap()).containsEntry("changed", true).containsEntry("name", "jplay-mask").doesNotContainKey("masked");
        assertThat(exec("systemctl is-enabled jplay-mask || true")).isEqualTo("masked");
        assertThat(h().run("systemd", "name", "jplay-mask", "masked", true).toMap()).containsEntry("changed", false);
        ModuleResult startMasked = h().run("systemd", "name", "jplay-mask", "state", "started");
        assertThat(startMasked.toMap()).containsEntry("failed", true);
        assertThat(startMasked.msg()).startsWith("Unable to start service jplay-mask: Failed to start jplay-mask.service: Unit jplay-mask.service is masked.");
        assertThat(h().check().run("systemd", "name", "jplay-mask", "masked", false).toMap()).containsEntry("changed", true);
        assertThat(exec("systemctl is-enabled jplay-mask || true")).isEqualTo("masked");
        assertThat(h().run("systemd", "name", "jplay-mask", "masked", false).toMap()).containsEntry("changed", true);
        assertThat(exec("systemctl is-enabled jplay-mask || true")).isEqualTo("disabled");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsAnsiblesErrors() {
        assertThat(h().run("systemd", "name", "no-such-unit-here", "state", "started").msg())
                .isEqualTo("Could not find the requested service no-such-unit-here: host");
        assertThat(h().run("systemd", "name", "jplay-*", "state", "started").msg())
                .isEqualTo("This module does not currently support using glob patterns, found '*' in service name: jplay-*");
        // daemon_reload's default (False) counts for required_one_of in Ansible, so a bare name only reports the status
        ModuleResult bare = h().run("systemd", "name", "jplay-test");
        assertThat(bare.toMap()).containsEntry("changed", false).doesNotContainKeys("failed", "state", "enabled");
        assertThat((Map<String, Object>) bare.get("status")).containsEntry("LoadState", "loaded").containsEntry("UnitFileState", "disabled");
        assertThat(h().run("systemd", "state", "started").msg()).isEqualTo("missing parameter(s) required by 'state': name");
        assertThat(h().run("systemd", "name", "jplay-test", "state", "running").msg())
                .isEqualTo("value of state must be one of: reloaded, restarted, started, stopped, got: running");
        ModuleResult reload = h().run("systemd", "daemon_reload", true);
        assertThat(reload.toMap()).containsEntry("changed", false).containsEntry("name", null).containsEntry("status", Map.of());
    }

    @Test
    void serviceDelegatesToSystemdOrUsesTheServiceCommand() {
        ModuleResult viaSystemd = h().hostVar("ansible_service_mgr", "systemd").run("service", "name", "jplay-test", "state", "started", "pattern", "sleep");
        assertThat(viaSystemd.toMap()).containsEntry("changed", true).containsEntry("state", "started").containsKey("status")
                .containsEntry("warnings", java.util.List.of("Ignoring \"pattern\" as it is not used in \"systemd\""));
        // no fact: the module finds systemd itself
        assertThat(h().run("service", "name", "jplay-test", "state", "started").toMap()).containsEntry("changed", false).containsKey("status");

        // a non-systemd service manager: Ansible's generic service module, here through Debian's service(8)
        Harness sysv = h().hostVar("ansible_service_mgr", "sysvinit");
        ModuleResult stop = sysv.run("service", "name", "jplay-test", "state", "stopped");
        assertThat(stop.toMap()).containsEntry("changed", true).containsEntry("name", "jplay-test").containsEntry("state", "stopped")
                .doesNotContainKey("status");
        assertThat(exec("systemctl is-active jplay-test || true")).isEqualTo("inactive");
        assertThat(sysv.run("service", "name", "jplay-test", "state", "stopped").toMap()).containsEntry("changed", false);
        assertThat(sysv.check().run("service", "name", "jplay-test", "state", "started").toMap()).containsEntry("changed", true);
        assertThat(exec("systemctl is-active jplay-test || true")).isEqualTo("inactive");
        assertThat(sysv.run("service", "name", "jplay-test").msg()).isEqualTo("one of the following is required: state, enabled");
        // on systemd the task is the systemd module's, whose rules let a bare name through (it reports the status)
        assertThat(h().run("service", "name", "jplay-test").toMap()).containsEntry("changed", false).containsKey("status").doesNotContainKey("failed");
    }
}
