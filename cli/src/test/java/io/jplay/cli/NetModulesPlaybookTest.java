package io.jplay.cli;

import io.jplay.testing.Testbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * get_url, uri, authorized_key, unarchive and wait_for on the test bed's systemd targets and synchronize to
 * a plain sshd host, in one playbook run through the command line twice: the second run changes nothing.
 */
class NetModulesPlaybookTest {

    @TempDir
    Path work;

    static final String PLAYBOOK = """
            - hosts: targets
              gather_facts: false
              tasks:
                - name: a place for the files
                  file: {path: /srv/pb, state: directory}
                - name: download with a checksums file
                  get_url:
                    url: "{{ testbed_http_url }}/files/hello.txt"
                    dest: /srv/pb/hello.txt
                    checksum: "sha256:{{ testbed_http_url }}/files/SHA256SUMS"
                    mode: "0640"
                - name: call an API
                  uri:
                    url: "{{ testbed_http_url }}/api/echo"
                    method: POST
                    body_format: json
                    body: {a: 1}
                    status_code: [201]
                  register: echo
                  failed_when: not echo.json.created
                - name: configure
                  copy: {dest: /srv/pb/app.ini, content: "[main]\\nurl = {{ testbed_http_url }}\\n"}
                - name: a key
                  authorized_key:
                    user: root
                    key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakePlaybookKey pb@example
                    path: /srv/pb/keys
                    manage_dir: false
                - name: unpack
                  unarchive: {src: site.tgz, dest: /srv/pb}
                - name: the target's own sshd answers
                  wait_for: {port: "{{ ansible_port }}", timeout: 10}
            - hosts: sshd1
              gather_facts: false
              tasks:
                - name: mirror the site
                  synchronize: {src: site/, dest: "{{ sync_dest }}"}
            """;

    @Test
    void secondRunChangesNothing() throws Exception {
        Testbed bed = Testbed.instance();
        for (String target : new String[]{"target1", "target2"}) {
            bed.script("exec", target, "rm", "-rf", "/srv/pb");
        }
        Files.createDirectories(work.resolve("site/sub"));
        Files.writeString(work.resolve("site/index.html"), "<h1>hi</h1>\n");
        Files.writeString(work.resolve("site/sub/page.txt"), "page\n");
        Files.createDirectories(work.resolve("files"));
        Process tar = new ProcessBuilder("tar", "czf", work.resolve("files/site.tgz").toString(), "site").directory(work.toFile()).start();
        assertThat(tar.waitFor()).isZero();
        Files.writeString(work.resolve("site.yml"), PLAYBOOK);
        Path dest = Files.createTempDirectory("jplay-pb-sync");
        Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            String first = run(bed, dest);
            assertThat(recap(first, "target1")).isEqualTo("ok=7 changed=5 failed=0");
            assertThat(recap(first, "target2")).isEqualTo("ok=7 changed=5 failed=0");
            assertThat(recap(first, "sshd1")).isEqualTo("ok=1 changed=1 failed=0");
            assertThat(bed.script("exec", "target2", "sh", "-c", "cat /srv/pb/app.ini /srv/pb/site/sub/page.txt; stat -c %a /srv/pb/hello.txt"))
                    .isEqualTo("[main]\nurl = " + bed.httpUrl() + "\npage\n640\n");
            assertThat(Files.readString(dest.resolve("www/sub/page.txt"))).isEqualTo("page\n");

            String second = run(bed, dest);
            assertThat(recap(second, "target1")).isEqualTo("ok=7 changed=0 failed=0");
            assertThat(recap(second, "target2")).isEqualTo("ok=7 changed=0 failed=0");
            assertThat(recap(second, "sshd1")).isEqualTo("ok=1 changed=0 failed=0");
        } finally {
            new ProcessBuilder("rm", "-rf", dest.toString()).start().waitFor();
        }
    }

    private String run(Testbed bed, Path dest) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.run(new String[]{"-i", bed.inventory().toString(), "-e", "sync_dest=" + dest + "/www", work.resolve("site.yml").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true), new RunEnvironment(System.getenv(), work));
        assertThat(rc).as("%s", out + "\n" + err).isZero();
        return out.toString();
    }

    private static String recap(String output, String host) {
        Matcher m = Pattern.compile("(?m)^" + host + "\\s+:\\s+ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=\\d+\\s+failed=(\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return "ok=" + m.group(1) + " changed=" + m.group(2) + " failed=" + m.group(3);
    }
}
