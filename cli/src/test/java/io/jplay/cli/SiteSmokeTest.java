package io.jplay.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample layered deploy (playbooks/site.yml) through {@code jplay} end to end, on this machine: the first
 * run changes things, the second finds everything in place.
 */
class SiteSmokeTest {

    @TempDir
    Path demoRoot;

    private static Path repo() {
        Path cwd = Path.of("").toAbsolutePath();
        return cwd.resolve("playbooks").toFile().isDirectory() ? cwd : cwd.getParent();
    }

    private String[] args() {
        return new String[] {"-i", repo().resolve("inventory-samples/local.ini").toString(),
                "-e", "demo_root=" + demoRoot, repo().resolve("playbooks/site.yml").toString()};
    }

    @Test
    void siteConvergesAndTheSecondRunChangesNothing() {
        StringWriter out1 = new StringWriter();
        StringWriter err1 = new StringWriter();
        int first = Main.run(args(), new PrintWriter(out1, true), new PrintWriter(err1, true));
        assertThat(first).as(out1 + "\n" + err1).isZero();
        assertThat(out1.toString()).containsPattern("localhost +: ok=\\d+ +changed=[1-9]\\d* +unreachable=0 +failed=0");

        StringWriter out2 = new StringWriter();
        StringWriter err2 = new StringWriter();
        int second = Main.run(args(), new PrintWriter(out2, true), new PrintWriter(err2, true));
        assertThat(second).as(out2 + "\n" + err2).isZero();
        assertThat(out2.toString()).containsPattern("localhost +: ok=\\d+ +changed=0 +unreachable=0 +failed=0");
    }
}
