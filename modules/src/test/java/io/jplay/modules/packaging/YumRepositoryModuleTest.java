package io.jplay.modules.packaging;

import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** yum_repository on a Debian target (the .repo file is just a file); contents recorded from ansible-core 2.14.18. */
class YumRepositoryModuleTest {

    @TempDir
    static Path tmp;
    static Harness target;

    static final String EPEL = "[epel]\nbaseurl = https://download.example/pub/epel/$releasever/\n\thttps://mirror.example/epel\nenabled = 1\n"
            + "exclude = foo bar\ngpgcheck = 0\nname = EPEL YUM repo\n\n";
    static final String SECOND = "[second]\nmirrorlist = http://m.example/list\nname = Second\n\n";

    @BeforeAll
    static void up() {
        target = new Harness(tmp, Testbed.instance().rootConnection("target1"), "/tmp");
        sh("rm -rf /etc/yum.repos.d; mkdir -p /etc/yum.repos.d");
    }

    private static String sh(String cmd) {
        return Testbed.instance().script("exec", "target1", "sh", "-c", cmd);
    }

    private static ModuleResult epel(Harness h, Object... more) {
        List<Object> kv = new java.util.ArrayList<>(List.of("name", "epel", "description", "EPEL YUM repo",
                "baseurl", List.of("https://download.example/pub/epel/$releasever/", "https://mirror.example/epel"),
                "gpgcheck", false, "enabled", true, "exclude", "foo,bar", "file", "external"));
        kv.addAll(List.of(more));
        return h.run("yum_repository", kv.toArray());
    }

    @Test
    void writesTheIniAsAnsibleDoesAndIsIdempotent() {
        ModuleResult check = epel(target.check());
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("repo", "epel").containsEntry("state", "present");
        assertThat(check.get("diff")).isEqualTo(Map.of("before_header", "/etc/yum.repos.d/external.repo", "before", "",
                "after_header", "/etc/yum.repos.d/external.repo",
                "after", "[epel]\nbaseurl = https://download.example/pub/epel/$releasever/\nhttps://mirror.example/epel\nenabled = 1\n"
                        + "exclude = foo bar\ngpgcheck = 0\nname = EPEL YUM repo\n\n"));
        assertThat(sh("ls /etc/yum.repos.d")).isEmpty();

        assertThat(epel(target).toMap()).containsEntry("changed", true);
        assertThat(sh("cat /etc/yum.repos.d/external.repo")).isEqualTo(EPEL);
        assertThat(epel(target).toMap()).containsEntry("changed", false);

        ModuleResult second = target.run("yum_repository", "name", "second", "description", "Second", "mirrorlist", "http://m.example/list",
                "file", "external", "mode", "0600");
        assertThat(second.toMap()).containsEntry("changed", true);
        assertThat(sh("cat /etc/yum.repos.d/external.repo; stat -c %a /etc/yum.repos.d/external.repo")).isEqualTo(EPEL + SECOND + "600\n");
        // only the mode differs: changed, content untouched
        assertThat(target.run("yum_repository", "name", "second", "description", "Second", "mirrorlist", "http://m.example/list",
                "file", "external", "mode", "0644").toMap()).containsEntry("changed", true);

        // a changed option rewrites the section, which moves to the end as in RawConfigParser
        assertThat(epel(target, "enabled", false).toMap()).containsEntry("changed", true);
        assertThat(sh("cat /etc/yum.repos.d/external.repo")).isEqualTo(SECOND + EPEL.replace("enabled = 1", "enabled = 0"));

        assertThat(target.run("yum_repository", "name", "epel", "file", "external", "state", "absent").toMap()).containsEntry("changed", true);
        assertThat(sh("cat /etc/yum.repos.d/external.repo")).isEqualTo(SECOND);
        assertThat(target.run("yum_repository", "name", "second", "file", "external", "state", "absent").toMap()).containsEntry("changed", true);
        assertThat(sh("ls /etc/yum.repos.d")).isEmpty();
        assertThat(target.run("yum_repository", "name", "second", "file", "external", "state", "absent").toMap()).containsEntry("changed", false);
    }

    @Test
    void messages() {
        assertThat(target.run("yum_repository", "name", "x", "description", "X").msg())
                .isEqualTo("Parameter 'baseurl', 'metalink' or 'mirrorlist' is required.");
        assertThat(target.run("yum_repository", "name", "x", "baseurl", "http://x").msg()).isEqualTo("Parameter 'description' is required.");
        assertThat(target.run("yum_repository", "name", "x", "description", "X", "baseurl", "http://x", "reposdir", "/nonexistent").msg())
                .isEqualTo("Repo directory '/nonexistent' does not exist.");
        assertThat(target.run("yum_repository", "name", "x", "description", "X", "baseurl", "http://x", "params", Map.of("a", 1)).msg())
                .isEqualTo("The params option to yum_repository was removed in Ansible 2.5 since it circumvents Ansible's option handling");
    }

    @Test
    void iniRoundTrip() {
        assertThat(YumRepositoryModule.write(YumRepositoryModule.parseIni(EPEL + SECOND))).isEqualTo(EPEL + SECOND);
        assertThat(YumRepositoryModule.parseIni("# c\n[a]\nKey: v\n  more\n").get("a")).isEqualTo(Map.of("key", "v\nmore"));
    }
}
