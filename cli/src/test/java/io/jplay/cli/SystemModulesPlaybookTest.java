package io.jplay.cli;

import io.jplay.testing.Testbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system modules in one playbook through {@code jplay} against the test bed's systemd targets: the first run
 * changes both hosts, the second changes nothing. Only target-private state is touched (IPC sysctl keys, the
 * targets' own units, accounts, hostname and mount namespace).
 */
class SystemModulesPlaybookTest {

    private static final String PLAYBOOK = """
            - hosts: targets
              gather_facts: false
              tasks:
                - name: group
                  group: {name: jpcli, gid: 4455}
                - name: user
                  user: {name: jpcli, uid: 4455, group: jpcli, groups: [users], shell: /bin/sh, comment: jplay cli}
                - name: sysctl
                  ansible.posix.sysctl: {name: kernel.msgmnb, value: "20001", sysctl_file: /etc/sysctl.d/91-jplay-cli.conf}
                - name: unit enabled and running
                  systemd: {name: jplay-test, state: started, enabled: true, daemon_reload: true}
                - name: service
                  service: {name: jplay-test, state: started}
                - name: hostname
                  hostname: {name: "{{ inventory_hostname }}"}
                - name: mount
                  ansible.posix.mount: {path: /mnt/jpcli, src: tmpfs, fstype: tmpfs, opts: size=1m, state: mounted, fstab: /etc/fstab.jpcli}
                - name: selinux
                  ansible.posix.selinux: {state: disabled}
                - name: seboolean
                  ansible.posix.seboolean: {name: httpd_can_network_connect, state: true}
            """;

    @TempDir
    Path dir;

    private static void cleanTargets() {
        for (String t : new String[] {"target1", "target2"}) {
            Testbed.instance().script("exec", t, "sh", "-c", "userdel -r jpcli 2>/dev/null; groupdel jpcli 2>/dev/null;"
                    + " rm -f /etc/sysctl.d/91-jplay-cli.conf; sysctl -q -w kernel.msgmnb=16384; systemctl disable --now jplay-test 2>/dev/null;"
                    + " umount /mnt/jpcli 2>/dev/null; rm -rf /mnt/jpcli /etc/fstab.jpcli; true");
        }
    }

    @AfterEach
    void clean() {
        cleanTargets();
    }

    private String run(Path playbook) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.run(new String[] {"-i", Testbed.instance().inventory().toString(), playbook.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(rc).as(out + "\n" + err).isZero();
        return out.toString();
    }

    @Test
    void convergesAndTheSecondRunChangesNothing() throws Exception {
        cleanTargets();
        Path playbook = dir.resolve("system.yml");
        Files.writeString(playbook, PLAYBOOK);
        String first = run(playbook);
        assertThat(first).containsPattern("target1 +: ok=9 +changed=5 +unreachable=0 +failed=0")
                .containsPattern("target2 +: ok=9 +changed=5 +unreachable=0 +failed=0");
        assertThat(Testbed.instance().script("exec", "target2", "sh", "-c", "id jpcli; systemctl is-enabled jplay-test; sysctl -n kernel.msgmnb"))
                .contains("uid=4455(jpcli) gid=4455(jpcli) groups=4455(jpcli),100(users)", "enabled", "20001");
        String second = run(playbook);
        assertThat(second).containsPattern("target1 +: ok=9 +changed=0 +unreachable=0 +failed=0")
                .containsPattern("target2 +: ok=9 +changed=0 +unreachable=0 +failed=0");
    }
}
