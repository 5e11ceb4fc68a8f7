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
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fact gathering as a kubespray operator meets it: plays gather facts from the test bed's systemd targets over SSH
 * before their first task, and with kubespray's ansible.cfg (gathering = smart, jsonfile cache) a second run reads
 * the cache instead of asking the hosts again.
 */
class FactGatheringTest {

    private static Testbed testbed;

    @TempDir
    Path dir;

    @BeforeAll
    static void up() {
        testbed = Testbed.instance();
    }

    private String run(Map<String, String> env, String... args) throws IOException {
        Map<String, String> variables = new HashMap<>(System.getenv());
        variables.putAll(env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "-i";
        all[1] = testbed.inventory().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int rc = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true), new RunEnvironment(variables, dir));
        assertThat(rc).as(out + "\n" + err).isZero();
        return out.toString();
    }

    @Test
    void aPlayGathersFactsOverSshBeforeItsFirstTask() throws IOException {
        Files.writeString(dir.resolve("play.yml"), """
                - hosts: targets
                  tasks:
                    - debug:
                        msg: "{{ ansible_distribution }} {{ ansible_distribution_major_version }} {{ ansible_os_family }} {{ ansible_service_mgr }} {{ ansible_facts.pkg_mgr }} {{ ansible_hostname }}"
                """);
        String out = run(Map.of("ANSIBLE_CONFIG", dir.resolve("none.cfg").toString()), "play.yml");
        assertThat(out).contains("TASK [Gathering Facts] *****").contains("ok: [target1]\nok: [target2]\n")
                .contains("\"msg\": \"Debian 12 Debian systemd apt target1\"")
                .contains("\"msg\": \"Debian 12 Debian systemd apt target2\"");
    }

    @Test
    void smartGatheringWithTheJsonfileCacheAsksEachHostOnce() throws IOException {
        Path cache = dir.resolve("facts-cache");
        Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\ngathering = smart\nfact_caching = jsonfile\n"
                + "fact_caching_connection = " + cache + "\nfact_caching_timeout = 7200\n");
        Files.writeString(dir.resolve("play.yml"), """
                - hosts: target1
                  tasks:
                    - debug:
                        var: ansible_default_ipv4.interface
                - hosts: target1
                  tasks:
                    - debug:
                        var: ansible_distribution_release
                """);
        Map<String, String> env = Map.of("ANSIBLE_CONFIG", dir.resolve("ansible.cfg").toString());
        String first = run(env, "play.yml");
        assertThat(first.split("TASK \\[Gathering Facts\\]", -1)).as("gathered once, not again in the second play").hasSize(2);
        assertThat(cache.resolve("target1")).exists();
        assertThat(Files.readString(cache.resolve("target1"))).contains("\"ansible_distribution\": \"Debian\"");

        String second = run(env, "play.yml");
        assertThat(second).doesNotContain("Gathering Facts").contains("\"ansible_distribution_release\": \"bookworm\"");
    }
}
