package io.jplay.modules.packaging;

import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * package, yum, dnf and apt_repository against test bed target2 (Debian: apt, no yum/dnf); messages recorded from
 * ansible-core 2.14.18 (yum/dnf on this Debian machine, in check mode).
 */
class PackageModulesTest {

    @TempDir
    static Path tmp;
    static Harness target;

    @BeforeAll
    static void up() {
        target = new Harness(tmp, Testbed.instance().rootConnection("target2"), "/tmp");
        sh("dpkg --purge jplay-extra jplay-hello >/dev/null 2>&1; rm -f /etc/apt/sources.list.d/example_org_8080_debian.list /etc/apt/sources.list.d/custom.list; true");
    }

    private static String sh(String cmd) {
        return Testbed.instance().script("exec", "target2", "sh", "-c", cmd).strip();
    }

    @Test
    void packagePicksAptByProbeOrFactAndPassesOptionsThrough() {
        // check mode does not update the cache (as in Ansible), so the real update comes first
        sh("rm -f /var/lib/apt/lists/*_Packages; touch -d 2020-01-01 /var/lib/apt/lists");
        ModuleResult checkUpdate = target.check().run("package", "name", "jplay-hello", "state", "present", "update_cache", true);
        assertThat(checkUpdate.msg()).isEqualTo("No package matching 'jplay-hello' is available");
        ModuleResult installed = target.run("package", "name", "jplay-hello", "state", "present", "update_cache", true);
        assertThat(installed.toMap()).containsEntry("changed", true).containsEntry("cache_updated", true);
        assertThat(sh("jplay-hello")).startsWith("hello from jplay-hello");
        ModuleResult again = target.hostVar("ansible_pkg_mgr", "apt").run("package", "name", "jplay-hello", "state", "present");
        assertThat(again.toMap()).containsEntry("changed", false);
        assertThat(target.run("package", "name", "jplay-hello", "state", "absent").toMap()).containsEntry("changed", true);
        assertThat(target.run("package", "name", "jplay-hello", "state", "absent").toMap()).containsEntry("changed", false);

        assertThat(target.run("package", "name", "x", "state", "present", "use", "pkgng").msg()).isEqualTo("Could not find a module for pkgng.");
        assertThat(target.run("package", "name", "x").msg()).isEqualTo("missing required arguments: state");
        assertThat(target.run("package", "name", "x", "state", "present", "bogus", 1).msg())
                .startsWith("Unsupported parameters for (ansible.legacy.package) module: bogus. Supported parameters include: ");
        // the backend checks what it receives, naming itself as Ansible does
        assertThat(target.run("package", "name", "jplay-hello", "state", "present", "enablerepo", "x").msg())
                .startsWith("Unsupported parameters for (ansible.legacy.apt) module: enablerepo.");
    }

    @Test
    void pkgMgrProbeSaysAptOnDebian() {
        assertThat(Testbed.instance().script("exec", "target2", "sh", "-c", PkgMgr.probeScript()).strip()).isEqualTo("apt");
    }

    @Test
    void yumOnDebianFailsAsAnsiblesActionPluginDoes() {
        ModuleResult r = target.run("yum", "name", "jplay-hello");
        assertThat(r.toMap()).containsEntry("failed", true).containsEntry("changed", false)
                .containsEntry("ansible_facts", Map.of("pkg_mgr", "apt"))
                .containsEntry("msg", List.of("Could not detect which major revision of yum is in use, which is required to determine module backend.",
                        "You should manually specify use_backend to tell the module whether to use the yum (yum3) or dnf (yum4) backend})"));
        ModuleResult forced = target.run("yum", "name", "jplay-hello", "use_backend", "yum");
        assertThat(forced.msg()).isEqualTo("The Python 2 bindings for rpm are needed for this module. If you require Python 3 support use the `dnf`"
                + " Ansible module instead.. The Python 2 yum module is needed for this module. If you require Python 3 support use the `dnf` Ansible module instead.");
        assertThat(target.run("yum", "name", "x", "list", "installed").msg()).isEqualTo("parameters are mutually exclusive: name|list");
    }

    @Test
    void dnfOnDebianSaysDnfIsMissing() {
        ModuleResult r = target.check().run("dnf", "name", "jplay-hello");
        assertThat(r.toMap()).containsEntry("failed", true).containsEntry("results", List.of());
        assertThat(r.msg()).startsWith("Could not find the dnf command on the target.");
        assertThat(target.run("dnf", "name", "x", "autoremove", true, "state", "present").msg())
                .isEqualTo("Autoremove should be used alone or with state=absent");
        assertThat(target.run("dnf", "name", "x", "state", "gone").msg())
                .isEqualTo("value of state must be one of: absent, installed, latest, present, removed, got: gone");
    }

    @Test
    void yumDnfCommandLines() {
        ModuleArgs a = args("name", List.of("httpd"), "enablerepo", List.of("epel", "extras"), "disablerepo", List.of("*"),
                "disable_gpg_check", true, "install_weak_deps", false);
        List<String> base = YumDnfModule.baseCommand("dnf", a, "present");
        assertThat(base).containsExactly("dnf", "-y", "--disablerepo=*", "--enablerepo=epel,extras", "--setopt=install_weak_deps=False", "--nogpgcheck");
        assertThat(YumDnfModule.transaction(base, "present", a, false, List.of("httpd"))).endsWith("install", "httpd");
        assertThat(YumDnfModule.transaction(base, "latest", a, true, List.of("httpd"))).endsWith("upgrade", "httpd");
        assertThat(YumDnfModule.baseCommand("yum", a, "absent")).doesNotContain("--nogpgcheck");
        assertThat(YumDnfModule.transaction(YumDnfModule.baseCommand("yum", a, "absent"), "absent", a, true, List.of("httpd")))
                .endsWith("remove", "httpd");
        assertThat(YumDnfModule.words(List.of("\"$_jt\"", "-y", "--disablerepo=*"))).isEqualTo("\"$_jt\" -y '--disablerepo=*'");
        assertThat(YumDnfModule.state(args("name", List.of("x"), "autoremove", true))).isEqualTo("absent");
        assertThat(YumDnfModule.state(args("name", List.of("x"), "state", "installed"))).isEqualTo("present");
    }

    @Test
    void yumDnfScriptsAreValidShell() throws Exception {
        for (String state : new String[] {"present", "latest", "absent"}) {
            for (boolean check : new boolean[] {true, false}) {
                String script = new DnfModule().script(args("name", List.of("httpd", "it's"), "enablerepo", List.of("a b"),
                        "update_cache", true), state, check);
                Process sh = new ProcessBuilder("sh", "-n", "-c", script).redirectErrorStream(true).start();
                String out = new String(sh.getInputStream().readAllBytes());
                assertThat(sh.waitFor()).as(script + "\n" + out).isZero();
                assertThat(script).contains("'--enablerepo=a b'").contains("'it'\"'\"'s'");
            }
        }
    }

    private static ModuleArgs args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        new DnfModule().argumentSpec().options().values().forEach(o -> m.put(o.name(), o.defaultValue()));
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        m.putIfAbsent("state", null);
        return new ModuleArgs(m);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aptRepositoryWritesAnsiblesFileAndIsIdempotent() {
        String repo = "deb [trusted=yes] http://user:pw@example.org:8080/debian bookworm main";
        ModuleResult check = target.check().diff().run("apt_repository", "repo", repo, "update_cache", false);
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("repo", repo).containsEntry("state", "present");
        // as in Ansible, the diff lists every sources file, changed or not
        assertThat((List<Object>) check.get("diff")).contains((Object) Map.of("before", "", "after", repo + "\n",
                "before_header", "/dev/null", "after_header", "/etc/apt/sources.list.d/example_org_8080_debian.list"));
        assertThat(sh("ls /etc/apt/sources.list.d/")).doesNotContain("example_org_8080_debian.list");

        ModuleResult added = target.run("apt_repository", "repo", repo, "update_cache", false, "mode", "0600");
        assertThat(added.toMap()).containsEntry("changed", true).containsEntry("diff", Map.of());
        assertThat(sh("cat /etc/apt/sources.list.d/example_org_8080_debian.list; stat -c %a /etc/apt/sources.list.d/example_org_8080_debian.list"))
                .isEqualTo(repo + "\n600");
        assertThat(target.run("apt_repository", "repo", "deb  [trusted=yes]   http://user:pw@example.org:8080/debian bookworm main", "update_cache", false)
                .toMap()).containsEntry("changed", false);

        // commented out by hand, present enables it again where it is
        sh("sed -i 's/^/# /' /etc/apt/sources.list.d/example_org_8080_debian.list");
        assertThat(target.run("apt_repository", "repo", repo, "update_cache", false).toMap()).containsEntry("changed", true);
        assertThat(sh("cat /etc/apt/sources.list.d/example_org_8080_debian.list")).isEqualTo(repo);

        ModuleResult removed = target.diff().run("apt_repository", "repo", repo, "state", "absent", "update_cache", false);
        assertThat(removed.toMap()).containsEntry("changed", true);
        assertThat(sh("ls /etc/apt/sources.list.d/")).doesNotContain("example_org_8080_debian.list");
        assertThat(target.run("apt_repository", "repo", repo, "state", "absent", "update_cache", false).toMap()).containsEntry("changed", false);
    }

    @Test
    void aptRepositoryUpdatesTheCacheAndRevertsWhenTheUpdateFails() {
        String good = sh("cat /etc/apt/sources.list.d/*.list /etc/apt/sources.list 2>/dev/null | grep -m1 '^deb '").replace("deb ", "deb-src ");
        ModuleResult r = target.run("apt_repository", "repo", good, "filename", "custom");
        assertThat(r.toMap()).containsEntry("changed", true).doesNotContainKey("failed");
        assertThat(sh("cat /etc/apt/sources.list.d/custom.list")).isEqualTo(good);
        assertThat(target.run("apt_repository", "repo", good, "filename", "custom", "state", "absent").toMap()).containsEntry("changed", true);

        ModuleResult bad = target.run("apt_repository", "repo", "deb http://127.0.0.1:9/nothing ./", "update_cache_retries", 1);
        assertThat(bad.msg()).startsWith("Failed to update apt cache: ");
        assertThat(sh("ls /etc/apt/sources.list.d/")).doesNotContain("127_0_0_1_9_nothing.list");

        assertThat(target.run("apt_repository", "repo", "foo bar").msg()).isEqualTo("Invalid repository string: foo bar");
        assertThat(target.run("apt_repository", "repo", "").msg()).isEqualTo("Please set argument 'repo' to a non-empty value");
    }

    @Test
    void suggestedFilenamesAreAnsibles() {
        assertThat(AptRepositoryModule.suggestFilename("deb http://dl.google.com/linux/chrome/deb/ stable main", null)).isEqualTo("dl_google_com_linux_chrome_deb.list");
        assertThat(AptRepositoryModule.suggestFilename("deb [arch=amd64] https://u:p@download.docker.com/linux/debian bookworm stable", null))
                .isEqualTo("download_docker_com_linux_debian.list");
        assertThat(AptRepositoryModule.suggestFilename("deb http://x/y ./", "mine")).isEqualTo("mine.list");
        assertThat(AptRepositoryModule.parse("#deb   http://a  b # note").render()).isEqualTo("# deb http://a b # note\n");
    }
}
