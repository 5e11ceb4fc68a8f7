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

/**
 * sysctl on target1 with IPC keys, which are private to the target's IPC namespace (testbed/README.md "Pitfalls"):
 * nothing here changes the host's kernel.
 */
class SysctlModuleTest {

    private static final String FILE = "/etc/sysctl.d/90-jplay.conf";

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
    void clean() {
        exec("rm -f " + FILE + "; sysctl -q -w kernel.msgmax=8192 kernel.msgmnb=16384");
    }

    @Test
    void setsTheFileAndTheKernelValue() {
        ModuleResult check = h().check().run("sysctl", "name", "kernel.msgmax", "value", "9000", "sysctl_file", FILE);
        assertThat(check.toMap()).isEqualTo(Map.of("changed", true));
        assertThat(exec("sysctl -n kernel.msgmax; [ -e " + FILE + " ] || echo nofile")).isEqualTo("8192\nnofile");

        exec("printf '# mine\\nkernel.msgmnb = 16384\\n' > " + FILE + "; chmod 0640 " + FILE);
        ModuleResult set = h().run("sysctl", "name", "kernel.msgmax", "value", 9000, "sysctl_file", FILE);
        assertThat(set.toMap()).isEqualTo(Map.of("changed", true));
        assertThat(exec("cat " + FILE)).isEqualTo("# mine\nkernel.msgmnb=16384\nkernel.msgmax=9000");
        assertThat(exec("stat -c %a " + FILE)).isEqualTo("640");
        assertThat(exec("sysctl -n kernel.msgmax")).isEqualTo("9000");
        assertThat(h().run("sysctl", "name", "kernel.msgmax", "value", "9000", "sysctl_file", FILE).toMap()).isEqualTo(Map.of("changed", false));

        // the file is right but the kernel value is not: reload puts it back
        exec("sysctl -q -w kernel.msgmax=8192");
        assertThat(h().run("sysctl", "name", "kernel.msgmax", "value", "9000", "sysctl_file", FILE).toMap()).containsEntry("changed", true);
        assertThat(exec("sysctl -n kernel.msgmax")).isEqualTo("9000");

        // sysctl_set without reload: -w only
        ModuleResult w = h().run("sysctl", "name", "kernel.msgmnb", "value", "20000", "sysctl_file", FILE, "reload", false, "sysctl_set", true);
        assertThat(w.toMap()).containsEntry("changed", true);
        assertThat(exec("sysctl -n kernel.msgmnb; grep msgmnb " + FILE)).isEqualTo("20000\nkernel.msgmnb=20000");

        assertThat(h().run("sysctl", "name", "kernel.msgmax", "state", "absent", "sysctl_file", FILE).toMap()).containsEntry("changed", true);
        assertThat(exec("cat " + FILE)).isEqualTo("# mine\nkernel.msgmnb=20000");
        assertThat(h().run("sysctl", "name", "kernel.msgmax", "state", "absent", "sysctl_file", FILE).toMap()).containsEntry("changed", false);
    }

    @Test
    void reportsErrors() {
        assertThat(h().run("sysctl", "name", "kernel.msgmax").msg()).isEqualTo("state is present but all of the following are missing: value");
        assertThat(h().run("sysctl", "name", "kernel.msgmax", "value", "").msg()).isEqualTo("value cannot be blank");
        ModuleResult bad = h().run("sysctl", "name", "kernel.msgmax", "value", "notanumber", "sysctl_file", FILE);
        assertThat(bad.toMap()).containsEntry("failed", true);
        assertThat(bad.msg()).startsWith("Failed to reload sysctl: ").contains("kernel.msgmax");
    }
}
