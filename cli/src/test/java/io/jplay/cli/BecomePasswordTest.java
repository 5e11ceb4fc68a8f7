package io.jplay.cli;

import io.jplay.testing.Testbed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sudo with a password through {@code jplay}, on a systemd target where {@code bob}'s sudo rule asks for one:
 * {@code --become-password-file} and {@code ansible_become_password} work, a wrong or missing password fails the
 * task with Ansible's message (ansible-playbook 2.14 printed the same lines), and the password is in no output, -vvv
 * included.
 */
class BecomePasswordTest {

    private static final String PASSWORD = "bob-Secret-4711";
    private static Testbed testbed;

    @TempDir
    Path dir;

    @BeforeAll
    static void aUserWithAPasswordSudoRule() {
        testbed = Testbed.instance();
        testbed.script("exec", "target1", "sh", "-c", "id bob >/dev/null 2>&1 || useradd -m -s /bin/sh bob;"
                + " echo 'bob:" + PASSWORD + "' | chpasswd; echo 'bob ALL=(ALL) ALL' > /etc/sudoers.d/bob;"
                + " chmod 440 /etc/sudoers.d/bob; mkdir -p /home/bob/.ssh;"
                + " cp /home/" + testbed.user() + "/.ssh/authorized_keys /home/bob/.ssh/; chown -R bob /home/bob/.ssh");
    }

    private String jplay(int expectedRc, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                new RunEnvironment(Map.of("HOME", System.getProperty("user.home"), "PATH", System.getenv("PATH")), dir));
        String all = out + err.toString();
        assertThat(rc).as(all).isEqualTo(expectedRc);
        return all;
    }

    private Path inventory(String hostVars) throws IOException {
        Path file = dir.resolve("inventory.ini");
        Files.writeString(file, String.join("\n",
                "[t]",
                hostVars,
                "[t:vars]",
                "ansible_host=127.0.0.1",
                "ansible_port=" + testbed.port("target1"),
                "ansible_user=bob",
                "ansible_ssh_private_key_file=" + testbed.key(),
                "ansible_ssh_common_args='-o UserKnownHostsFile=" + testbed.knownHosts() + " -o StrictHostKeyChecking=yes'",
                "ansible_become=true", ""));
        return file;
    }

    private Path playbook() throws IOException {
        Path file = dir.resolve("become.yml");
        Files.writeString(file, """
                - hosts: t
                  gather_facts: false
                  tasks:
                    - name: who
                      command: id -un
                      register: who
                    - debug:
                        var: who.stdout
                    - name: a file written as root
                      copy:
                        content: "written by root\\n"
                        dest: /root/from-jplay
                """);
        return file;
    }

    @Test
    void thePasswordFileBecomesRootAndNeverShows() throws IOException {
        Path passwordFile = dir.resolve("become-pass");
        Files.writeString(passwordFile, PASSWORD + "\n");
        testbed.script("exec", "target1", "rm", "-f", "/root/from-jplay");
        String out = jplay(0, "-vvv", "-i", inventory("good").toString(), "--become-password-file", passwordFile.toString(),
                playbook().toString());
        assertThat(out).contains("\"who.stdout\": \"root\"").doesNotContain(PASSWORD)
                .containsPattern("good +: ok=3 +changed=2 +unreachable=0 +failed=0");
        assertThat(testbed.script("exec", "target1", "cat", "/root/from-jplay")).isEqualTo("written by root\n");
    }

    @Test
    void aWrongOrMissingPasswordFailsTheTaskAsAnsibleSaysIt() throws IOException {
        String out = jplay(2, "-i", inventory("bad ansible_become_password=not-" + PASSWORD + "\nnone").toString(),
                playbook().toString());
        assertThat(out)
                .contains("fatal: [bad]: FAILED! => {\"msg\": \"Incorrect sudo password\"}")
                .contains("fatal: [none]: FAILED! => {\"msg\": \"Missing sudo password\"}")
                .doesNotContain(PASSWORD)
                .containsPattern("bad +: ok=0 +changed=0 +unreachable=0 +failed=1")
                .containsPattern("none +: ok=0 +changed=0 +unreachable=0 +failed=1");
    }
}
