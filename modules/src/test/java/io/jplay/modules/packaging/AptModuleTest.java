package io.jplay.modules.packaging;

import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * apt against a systemd target of the test bed and its offline repository (jplay-hello 1.0/1.1, jplay-extra 1.0).
 * Result shapes and messages recorded from ansible-core 2.14.18's apt module (run on this machine in check mode).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AptModuleTest {

    @TempDir
    static Path tmp;
    static Harness target;

    @BeforeAll
    static void up() {
        target = new Harness(tmp, Testbed.instance().rootConnection("target1"), "/tmp");
        // a known starting point: none of the repository's packages installed
        Testbed.instance().script("exec", "target1", "sh", "-c", "dpkg --purge jplay-extra jplay-hello >/dev/null 2>&1; true");
    }

    private static String sh(String cmd) {
        return Testbed.instance().script("exec", "target1", "sh", "-c", cmd).strip();
    }

    @Test
    @Order(1)
    void updateCacheThenCacheValidTime() {
        // lists as a fresh target has them: empty, last changed long ago
        sh("rm -f /var/lib/apt/lists/*_Packages /var/lib/apt/lists/*_Release /var/lib/apt/periodic/update-success-stamp; touch -d 2020-01-01 /var/lib/apt/lists");
        ModuleResult first = target.run("apt", "update_cache", true);
        assertThat(first.toMap()).containsEntry("changed", true).containsEntry("cache_updated", true).containsKey("cache_update_time")
                .doesNotContainKey("failed");
        long time = (Long) first.get("cache_update_time");
        assertThat(time).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
        ModuleResult valid = target.run("apt", "update_cache", true, "cache_valid_time", 3600);
        assertThat(valid.toMap()).containsEntry("changed", false).containsEntry("cache_updated", false).containsEntry("cache_update_time", time);
        ModuleResult check = target.check().run("apt", "update_cache", true);
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("cache_updated", true).containsEntry("cache_update_time", time);
    }

    @Test
    @Order(2)
    void installPinnedVersionCheckModeFirstThenIdempotent() {
        ModuleResult check = target.check().run("apt", "name", "jplay-hello=1.0");
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("cache_updated", false);
        assertThat((String) check.get("stdout")).contains("Inst jplay-hello (1.0");
        assertThat(sh("dpkg-query -W -f='${db:Status-Abbrev}' jplay-hello 2>/dev/null || echo none")).doesNotStartWith("ii");

        ModuleResult install = target.diff().run("apt", "name", "jplay-hello=1.0");
        assertThat(install.toMap()).containsEntry("changed", true).containsKeys("stdout_lines", "stderr", "cache_update_time");
        assertThat((String) install.get("stdout")).contains("Setting up jplay-hello (1.0)");
        @SuppressWarnings("unchecked")
        Map<String, Object> diff = (Map<String, Object>) install.get("diff");
        assertThat((String) diff.get("prepared")).contains("The following NEW packages will be installed:\n  jplay-hello\n0 upgraded, 1 newly installed");
        assertThat(sh("jplay-hello")).isEqualTo("hello from jplay-hello 1.0");

        ModuleResult again = target.run("apt", "name", "jplay-hello=1.0");
        assertThat(again.toMap()).containsEntry("changed", false).doesNotContainKey("stdout").containsEntry("cache_updated", false);
        // present does not upgrade an installed package
        assertThat(target.run("apt", "name", "jplay-hello").toMap()).containsEntry("changed", false);
    }

    @Test
    @Order(3)
    void latestUpgradesAndListsInstallDependencies() {
        ModuleResult latest = target.run("apt", "name", List.of("jplay-hello"), "state", "latest");
        assertThat(latest.toMap()).containsEntry("changed", true);
        assertThat(sh("jplay-hello")).isEqualTo("hello from jplay-hello 1.1");
        assertThat(target.run("apt", "name", "jplay-hello", "state", "latest").toMap()).containsEntry("changed", false);

        ModuleResult both = target.run("apt", "name", List.of("jplay-extra", "jplay-hello>=1.1"), "install_recommends", false);
        assertThat(both.toMap()).containsEntry("changed", true);
        assertThat(sh("dpkg-query -W -f='${Version}' jplay-extra")).isEqualTo("1.0");
        assertThat(target.run("apt", "name", "jplay-*").toMap()).containsEntry("changed", false);
    }

    @Test
    @Order(4)
    void removeAndPurge() {
        ModuleResult check = target.check().run("apt", "name", "jplay-extra", "state", "absent");
        assertThat(check.toMap()).containsEntry("changed", true).doesNotContainKey("cache_updated");
        assertThat(sh("dpkg-query -W -f='${db:Status-Abbrev}' jplay-extra")).startsWith("ii");
        ModuleResult removed = target.run("apt", "name", "jplay-extra", "state", "absent", "purge", true);
        assertThat(removed.toMap()).containsEntry("changed", true).containsKey("stdout");
        assertThat((String) removed.get("stdout")).contains("Removing jplay-extra (1.0)");
        assertThat(target.run("apt", "name", "jplay-extra", "state", "absent").toMap()).containsOnlyKeys("changed").containsEntry("changed", false);
        assertThat(target.run("apt", "name", "jplay-hello", "state", "absent").toMap()).containsEntry("changed", true);
        assertThat(sh("command -v jplay-hello || echo gone")).isEqualTo("gone");
    }

    @Test
    @Order(5)
    void debFromUrlInstallsOnceThenIsIdempotent() {
        String url = Testbed.instance().httpUrl() + "/apt/jplay-hello_1.0_all.deb";
        ModuleResult deb = target.run("apt", "deb", url);
        assertThat(deb.toMap()).containsEntry("changed", true);
        assertThat(sh("jplay-hello")).isEqualTo("hello from jplay-hello 1.0");
        ModuleResult again = target.run("apt", "deb", url);
        assertThat(again.toMap()).containsEntry("changed", false).containsEntry("stdout", "").containsEntry("diff", "");
        assertThat(target.run("apt", "deb", url, "state", "absent").msg()).isEqualTo("deb only supports state=present");
    }

    @Test
    @Order(6)
    void messagesForBadInput() {
        ModuleResult missing = target.run("apt", "name", "jplay-nonexistent");
        assertThat(missing.toMap()).containsEntry("failed", true).containsEntry("changed", false)
                .containsEntry("msg", "No package matching 'jplay-nonexistent' is available");
        assertThat(target.run("apt", "name", "a=1=2").msg()).isEqualTo("invalid package spec: a=1=2");
        assertThat(target.run("apt", "name", "jplay-hello=9.9").msg()).isEqualTo("no available installation candidate for jplay-hello=9.9");
        assertThat(target.run("apt", "name", "nomatch-*").msg()).isEqualTo("No package(s) matching 'nomatch-*' available");
        assertThat(target.run("apt", "name", "jplay-hello", "state", "gone").msg())
                .isEqualTo("value of state must be one of: absent, build-dep, fixed, latest, present, got: gone");
        assertThat(target.run("apt", "name", "jplay-hello", "deb", "/x.deb").msg()).isEqualTo("parameters are mutually exclusive: deb|package|upgrade");
    }

    @Test
    void commandLinesAreAnsibles() {
        assertThat(AptModule.dpkgOptions("force-confdef,force-confold"))
                .isEqualTo("-o \"Dpkg::Options::=--force-confdef\" -o \"Dpkg::Options::=--force-confold\"");
        assertThat(AptModule.split("a>=1.2")).containsExactly("a", ">=", "1.2");
        assertThat(AptModule.split("a=1.*")).containsExactly("a", "=", "1.*");
        assertThat(DebVersion.compare("1.10", "1.9")).isPositive();
        assertThat(DebVersion.compare("1.0~rc1", "1.0")).isNegative();
        assertThat(DebVersion.compare("1:0.1", "2.0")).isPositive();
        assertThat(DebVersion.compare("1.0-1", "1.0-1")).isZero();
        assertThat(DebVersion.compare("1.0a", "1.0+")).isNegative();
        assertThat(AptModule.parseDiff("Reading package lists...\nReading state information...\nThe following NEW packages will be installed:\n  x\n"
                + "0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\nInst x\n"))
                .isEqualTo(Map.of("prepared", "The following NEW packages will be installed:\n  x\n0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded."));
    }
}
