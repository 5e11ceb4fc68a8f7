package io.jplay.cli;

import io.jplay.testing.Testbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user sees through {@code jplay} when SSH goes wrong, against the test bed's plain sshd hosts: a host whose
 * sshd dies between two tasks, a refused key or password, a changed host key. Expected lines are the ones
 * ansible-playbook 2.14 printed for the same playbooks against the same hosts (recorded by hand, see docs/connections.md).
 */
class SshFaultsTest {

    private static Testbed testbed;

    @TempDir
    Path dir;

    /** The playbook's first task, on localhost: kills sshd1 and every sshd process of its open sessions. */
    private static final String KILL_SSHD1 = """
                - name: stop sshd1 and its sessions
                  shell: |
                    pid=$(cat {{ sshd_dir }}/sshd1/sshd.pid)
                    kids() { for c in $(ps -o pid= --ppid "$1"); do kids "$c"; echo "$c"; done; }
                    kill $(kids "$pid") "$pid"
                  delegate_to: localhost
                  run_once: true
            """;

    @BeforeAll
    static void testbed() {
        testbed = Testbed.instance();
    }

    @AfterEach
    void restartStoppedSshd() {
        testbed.script("up"); // starts again what a test stopped; keeps what runs
    }

    record Run(int rc, String out) {
    }

    private Run jplay(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                new RunEnvironment(Map.of("HOME", System.getProperty("user.home"), "PATH", System.getenv("PATH")), dir));
        return new Run(rc, out + err.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private String refused(String host) {
        return "fatal: [" + host + "]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: "
                + "ssh: connect to host 127.0.0.1 port " + testbed.port(host) + ": Connection refused\", \"unreachable\": true}";
    }

    private static String section(String out, String task) {
        int start = out.indexOf("TASK [" + task + "]");
        assertThat(start).as(out).isNotNegative();
        int end = out.indexOf("\n\n", out.indexOf('\n', start) + 1);
        return out.substring(start, end < 0 ? out.length() : end);
    }

    @Test
    void aHostWhoseSshdStopsMidPlayIsUnreachableAndTheOthersFinish() throws IOException {
        Path playbook = write("fault.yml", """
                - hosts: sshd_hosts
                  gather_facts: false
                  tasks:
                    - name: first
                      command: echo one
                """ + KILL_SSHD1 + """
                    - name: second
                      command: echo two
                    - name: third
                      command: echo three
                - hosts: sshd_hosts
                  gather_facts: false
                  tasks:
                    - name: next play
                      command: echo four
                """);
        Run run = jplay("-i", testbed.inventory().toString(), "-e", "sshd_dir=" + testbed.env("TESTBED_DIR") + "/sshd",
                playbook.toString());

        assertThat(run.rc()).as(run.out()).isEqualTo(4);
        assertThat(section(run.out(), "second")).contains(refused("sshd1"), "changed: [sshd2]", "changed: [sshd3]");
        // removed from the play, and from the plays after it, as Ansible does
        assertThat(section(run.out(), "third")).doesNotContain("sshd1").contains("changed: [sshd2]", "changed: [sshd3]");
        assertThat(section(run.out(), "next play")).doesNotContain("sshd1").contains("changed: [sshd2]", "changed: [sshd3]");
        assertThat(run.out())
                .containsPattern("sshd1 +: ok=2 +changed=2 +unreachable=1 +failed=0 +skipped=0 +rescued=0 +ignored=0")
                .containsPattern("sshd2 +: ok=4 +changed=4 +unreachable=0 +failed=0 +skipped=0 +rescued=0 +ignored=0")
                .containsPattern("sshd3 +: ok=4 +changed=4 +unreachable=0 +failed=0 +skipped=0 +rescued=0 +ignored=0");
    }

    @Test
    void ignoreUnreachableKeepsTheHostInThePlayForOneTask() throws IOException {
        Path playbook = write("ignore.yml", """
                - hosts: sshd_hosts
                  gather_facts: false
                  tasks:
                """ + KILL_SSHD1 + """
                    - name: tolerated
                      command: echo two
                      ignore_unreachable: true
                    - name: after
                      command: echo three
                """);
        Run run = jplay("-i", testbed.inventory().toString(), "-e", "sshd_dir=" + testbed.env("TESTBED_DIR") + "/sshd",
                playbook.toString());

        assertThat(run.rc()).as(run.out()).isEqualTo(4);
        assertThat(section(run.out(), "tolerated")).contains(refused("sshd1") + "\n...ignoring");
        assertThat(section(run.out(), "after")).contains(refused("sshd1"), "changed: [sshd2]");
        assertThat(run.out())
                .containsPattern("sshd1 +: ok=2 +changed=1 +unreachable=1 +failed=0 +skipped=0 +rescued=0 +ignored=1")
                .containsPattern("sshd2 +: ok=2 +changed=2 +unreachable=0 +failed=0 +skipped=0 +rescued=0 +ignored=0");
    }

    @Test
    void aRefusedKeyOrPasswordAndAChangedHostKeyAreClearUnreachableErrors() throws Exception {
        Path wrongKey = dir.resolve("wrong_key");
        assertThat(new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", wrongKey.toString())
                .start().waitFor()).isZero();
        // sshd3's entries, but with sshd2's keys: what a reinstalled host looks like
        List<String> changed = new ArrayList<>();
        for (String line : Files.readAllLines(testbed.knownHosts())) {
            if (line.startsWith("[127.0.0.1]:" + testbed.port("sshd2") + " ")) {
                changed.add(line.replace(":" + testbed.port("sshd2") + " ", ":" + testbed.port("sshd3") + " "));
            }
        }
        Path badKnownHosts = write("known_hosts", String.join("\n", changed) + "\n");
        String checked = "'-o UserKnownHostsFile=" + testbed.knownHosts() + " -o StrictHostKeyChecking=yes'";
        Path inventory = write("inventory.ini", String.join("\n",
                "wk ansible_port=" + testbed.port("sshd1") + " ansible_ssh_private_key_file=" + wrongKey,
                "wp ansible_port=" + testbed.port("sshd2") + " ansible_password=not-the-password",
                "mm ansible_port=" + testbed.port("sshd3") + " ansible_ssh_private_key_file=" + testbed.key()
                        + " ansible_ssh_common_args='-o UserKnownHostsFile=" + badKnownHosts + " -o StrictHostKeyChecking=yes'",
                "[all:vars]",
                "ansible_host=127.0.0.1",
                "ansible_user=" + testbed.user(),
                "ansible_ssh_common_args=" + checked, ""));
        Path playbook = write("auth.yml", """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - command: echo hi
                """);
        Run run = jplay("-i", inventory.toString(), playbook.toString());

        assertThat(run.rc()).as(run.out()).isEqualTo(4);
        assertThat(run.out())
                .contains("fatal: [wk]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: "
                        + testbed.user() + "@127.0.0.1: Permission denied (publickey,password).")
                .contains("fatal: [wp]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Invalid/incorrect password: Permission denied,"
                        + " please try again.\", \"unreachable\": true}")
                .contains("fatal: [mm]: UNREACHABLE! => {\"changed\": false, \"msg\": \"Failed to connect to the host via ssh: "
                        + "WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!")
                .contains("Host key for [127.0.0.1]:" + testbed.port("sshd3") + " has changed and you have requested strict"
                        + " checking. Host key verification failed.\", \"unreachable\": true}")
                .doesNotContain("not-the-password")
                .doesNotContain("Exception");
        for (String host : List.of("mm", "wk", "wp")) {
            assertThat(run.out()).containsPattern(host + " +: ok=0 +changed=0 +unreachable=1 +failed=0");
        }
    }
}
