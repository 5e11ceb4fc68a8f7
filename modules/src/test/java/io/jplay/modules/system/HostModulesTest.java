package io.jplay.modules.system;

import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * hostname, mount, modprobe, selinux and seboolean on target2. Everything stays inside the target: its hostname is
 * in its own UTS namespace, its mounts in its own mount namespace; modprobe runs against a stand-in modprobe
 * in the target (no kernel module is ever loaded into the shared kernel), and SELinux is absent on Debian.
 */
class HostModulesTest {

    @TempDir
    Path tmp;

    private Harness h() {
        return Harness.onTarget(tmp, "target2");
    }

    static String exec(String cmd) {
        return Testbed.instance().shell("target2", cmd);
    }

    @Test
    @SuppressWarnings("unchecked")
    void hostnameSetsTheStaticAndRunningNames() {
        try {
            ModuleResult check = h().check().run("hostname", "name", "jplay-renamed.example.org");
            assertThat(check.toMap()).containsEntry("changed", true).containsEntry("name", "jplay-renamed.example.org")
                    .containsEntry("diff", Map.of("before", "hostname = target2\n", "after", "hostname = jplay-renamed.example.org\n"));
            assertThat(exec("hostname")).isEqualTo("target2");

            ModuleResult set = h().run("hostname", "name", "jplay-renamed.example.org");
            assertThat(set.toMap()).containsEntry("changed", true);
            assertThat((Map<String, Object>) set.get("ansible_facts")).containsEntry("ansible_hostname", "jplay-renamed")
                    .containsEntry("ansible_nodename", "jplay-renamed.example.org").containsEntry("ansible_fqdn", "jplay-renamed.example.org")
                    .containsEntry("ansible_domain", "example.org");
            assertThat(exec("hostname; cat /etc/hostname")).isEqualTo("jplay-renamed.example.org\njplay-renamed.example.org");
            ModuleResult again = h().run("hostname", "name", "jplay-renamed.example.org");
            assertThat(again.toMap()).containsEntry("changed", false).doesNotContainKey("diff");

            // the file strategy writes /etc/hostname only, as Ansible's FileStrategy
            ModuleResult file = h().run("hostname", "name", "target2", "use", "generic");
            assertThat(file.toMap()).containsEntry("changed", true);
            assertThat(exec("cat /etc/hostname; hostname")).isEqualTo("target2\njplay-renamed.example.org");
            assertThat(h().run("hostname", "name", "x", "use", "nosuch").msg()).startsWith("value of use must be one of: alpine, debian,");
        } finally {
            exec("hostnamectl set-hostname target2");
        }
    }

    @Test
    void mountManagesFstabAndMounts() {
        String fstab = "/etc/fstab.jplay";
        exec("umount /mnt/jplay 2>/dev/null; rm -rf /mnt/jplay; printf '# test fstab\\nproc /proc proc defaults 0 0\\n' > " + fstab);
        try {
            ModuleResult check = h().check().run("mount", "path", "/mnt/jplay", "src", "tmpfs", "fstype", "tmpfs", "opts", "size=1m",
                    "state", "mounted", "fstab", fstab);
            assertThat(check.toMap()).containsEntry("changed", true);
            assertThat(exec("cat " + fstab + "; [ -e /mnt/jplay ] || echo nodir")).isEqualTo("# test fstab\nproc /proc proc defaults 0 0\nnodir");

            ModuleResult mounted = h().run("mount", "path", "/mnt/jplay", "src", "tmpfs", "fstype", "tmpfs", "opts", "size=1m",
                    "state", "mounted", "fstab", fstab);
            assertThat(mounted.toMap()).containsEntry("changed", true).containsEntry("name", "/mnt/jplay").containsEntry("src", "tmpfs")
                    .containsEntry("fstype", "tmpfs").containsEntry("opts", "size=1m").containsEntry("dump", "0").containsEntry("passno", "0")
                    .containsEntry("fstab", fstab).containsEntry("boot", "yes").containsEntry("backup_file", "");
            assertThat(exec("tail -n 1 " + fstab)).isEqualTo("tmpfs /mnt/jplay tmpfs size=1m 0 0");
            assertThat(exec("findmnt -n -o FSTYPE,OPTIONS /mnt/jplay")).startsWith("tmpfs ").contains("size=1024k");
            assertThat(h().run("mount", "path", "/mnt/jplay", "src", "tmpfs", "fstype", "tmpfs", "opts", "size=1m",
                    "state", "mounted", "fstab", fstab).toMap()).containsEntry("changed", false);

            // changed options: fstab rewritten and the mount remounted
            ModuleResult bigger = h().run("mount", "path", "/mnt/jplay", "src", "tmpfs", "fstype", "tmpfs", "opts", "size=2m",
                    "state", "mounted", "fstab", fstab);
            assertThat(bigger.toMap()).containsEntry("changed", true);
            assertThat(exec("findmnt -n -o OPTIONS /mnt/jplay")).contains("size=2048k");

            assertThat(h().run("mount", "path", "/mnt/jplay", "state", "unmounted", "fstab", fstab).toMap()).containsEntry("changed", true);
            assertThat(exec("findmnt /mnt/jplay >/dev/null || echo unmounted")).isEqualTo("unmounted");
            assertThat(h().run("mount", "path", "/mnt/jplay", "state", "unmounted", "fstab", fstab).toMap()).containsEntry("changed", false);

            assertThat(h().run("mount", "path", "/mnt/jplay", "state", "absent", "fstab", fstab).toMap()).containsEntry("changed", true);
            assertThat(exec("cat " + fstab + "; [ -e /mnt/jplay ] || echo nodir")).isEqualTo("# test fstab\nproc /proc proc defaults 0 0\nnodir");
            assertThat(h().run("mount", "path", "/mnt/jplay", "state", "absent", "fstab", fstab).toMap()).containsEntry("changed", false);

            ModuleResult present = h().run("mount", "path", "/mnt/jplay", "src", "tmpfs", "fstype", "tmpfs", "state", "present",
                    "fstab", fstab, "boot", false);
            assertThat(present.toMap()).containsEntry("changed", true).containsEntry("opts", "defaults").containsEntry("boot", "no")
                    .containsEntry("warnings", List.of("Ignore the 'boot' due to 'opts' contains 'defaults'."));
            assertThat(exec("findmnt /mnt/jplay >/dev/null || echo unmounted")).isEqualTo("unmounted");

            ModuleResult bad = h().run("mount", "path", "/mnt/jplay2", "src", "/dev/nonexistent", "fstype", "ext4", "state", "mounted", "fstab", fstab);
            assertThat(bad.toMap()).containsEntry("failed", true);
            assertThat(bad.msg()).startsWith("Error mounting /mnt/jplay2: ");
            // the failed mount left the fstab as it was
            assertThat(exec("grep -c jplay2 " + fstab + " || true")).isEqualTo("0");
            assertThat(h().run("mount", "path", "/mnt/jplay", "state", "mounted").msg())
                    .isEqualTo("state is mounted but all of the following are missing: src, fstype");
        } finally {
            exec("umount /mnt/jplay 2>/dev/null; rm -rf /mnt/jplay /mnt/jplay2 " + fstab);
        }
    }

    @Test
    void modprobeReportsAnsiblesErrors() {
        // no modprobe on the minimal targets: Ansible's get_bin_path message
        assertThat(h().run("modprobe", "name", "dummy").msg())
                .isEqualTo("Failed to find required executable \"modprobe\" in paths: /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        // a stand-in modprobe that only records its arguments, so nothing could ever reach the shared kernel
        exec("printf '#!/bin/sh\\necho \"$*\" >> /tmp/modprobe.log\\n' > /usr/local/sbin/modprobe; chmod 755 /usr/local/sbin/modprobe; rm -f /tmp/modprobe.log");
        try {
            // this machine's kernel has no loadable modules (no /proc/modules): Ansible's module_loaded() fails so,
            // before running modprobe, in check mode too
            for (Harness harness : List.of(h(), h().check())) {
                ModuleResult r = harness.run("modprobe", "name", "dummy", "params", "numdummies=2");
                assertThat(r.toMap()).containsEntry("failed", true).containsEntry("name", "dummy").containsEntry("params", "numdummies=2")
                        .containsEntry("state", "present").containsEntry("msg", "[Errno 2] No such file or directory: '/proc/modules'");
            }
            assertThat(exec("cat /tmp/modprobe.log 2>/dev/null || echo none")).isEqualTo("none");
            assertThat(h().run("modprobe", "state", "present").msg()).isEqualTo("missing required arguments: name");
            assertThat(h().run("modprobe", "name", "dummy", "persistent", "present").msg())
                    .isEqualTo("jplay's modprobe module does not support persistent=present yet");
        } finally {
            exec("rm -f /usr/local/sbin/modprobe /tmp/modprobe.log");
        }
    }

    @Test
    void selinuxAndSebooleanAreNoOpsWhereSelinuxIsAbsent() {
        ModuleResult off = h().run("selinux", "state", "disabled");
        assertThat(off.toMap()).containsEntry("changed", false).containsEntry("state", "disabled").containsEntry("reboot_required", false)
                .containsEntry("configfile", "/etc/selinux/config").doesNotContainKey("failed");
        ModuleResult enforcing = h().run("selinux", "state", "enforcing", "policy", "targeted");
        assertThat(enforcing.msg()).isEqualTo("Unable to find file /etc/selinux/config");
        assertThat(h().run("selinux", "state", "enforcing").msg()).isEqualTo("Unable to find file /etc/selinux/config");

        ModuleResult bool = h().run("seboolean", "name", "httpd_can_network_connect", "state", true, "persistent", true);
        assertThat(bool.toMap()).containsEntry("changed", false).containsEntry("msg", "SELinux is disabled on this host.")
                .containsEntry("name", "httpd_can_network_connect").containsEntry("state", true).containsEntry("persistent", true);
        assertThat(h().run("seboolean", "name", "x").msg()).isEqualTo("missing required arguments: state");
    }
}
