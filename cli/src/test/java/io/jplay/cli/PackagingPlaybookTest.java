package io.jplay.cli;

import io.jplay.testing.Testbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** apt, package, apt_repository, apt_key, yum_repository and yum in one playbook over both test bed targets, run twice. */
class PackagingPlaybookTest {

    @TempDir
    Path tmp;

    private Path resource(String name) throws IOException {
        Path file = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/packaging/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private String run(Path playbook, Path key, int expectedExit) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.run(new String[] {"-i", Testbed.instance().inventory().toString(), "-e", "key_file=" + key, playbook.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(rc).as(out + "\n" + err).isEqualTo(expectedExit);
        return out.toString();
    }

    @Test
    void packagesConvergeOnBothTargetsAndTheSecondRunChangesNothing() throws IOException {
        for (String t : new String[] {"target1", "target2"}) {
            Testbed.instance().script("exec", t, "sh", "-c", "dpkg --purge jplay-extra jplay-hello >/dev/null 2>&1;"
                    + " rm -f /etc/apt/trusted.gpg.d/jplay-cli.gpg /etc/yum.repos.d/jplay.repo;"
                    // lists as at boot but old, so that cache_valid_time updates them whatever ran before
                    + " rm -f /var/lib/apt/lists/*_Packages /var/lib/apt/periodic/update-success-stamp; touch -d 2020-01-01 /var/lib/apt/lists; true");
        }
        Path playbook = resource("packages.yml");
        Path key = resource("jplay-test-key.asc");
        try {
            converge(playbook, key);
        } finally {
            for (String t : new String[] {"target1", "target2"}) {
                Testbed.instance().script("exec", t, "rm", "-f", "/etc/apt/sources.list.d/jplay-unused.list", "/etc/apt/trusted.gpg.d/jplay-cli.gpg");
            }
        }
    }

    private void converge(Path playbook, Path key) {
        String first = run(playbook, key, 0);
        assertThat(first).containsPattern("target1 +: ok=9 +changed=[4-7] +unreachable=0 +failed=0 +skipped=0 +rescued=0 +ignored=1")
                .containsPattern("target2 +: ok=9 +changed=[4-7] +unreachable=0 +failed=0 +skipped=0 +rescued=0 +ignored=1");
        assertThat(Testbed.instance().script("exec", "target2", "jplay-hello").strip()).isEqualTo("hello from jplay-hello 1.1");
        String second = run(playbook, key, 0);
        assertThat(second).containsPattern("target1 +: ok=9 +changed=0 +unreachable=0 +failed=0 +skipped=0 +rescued=0 +ignored=1")
                .containsPattern("target2 +: ok=9 +changed=0 +unreachable=0 +failed=0 +skipped=0 +rescued=0 +ignored=1");
    }
}
