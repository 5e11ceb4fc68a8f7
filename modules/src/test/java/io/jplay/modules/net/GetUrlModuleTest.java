package io.jplay.modules.net;

import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * get_url against a systemd target downloading from the test bed's nginx; expected values recorded from
 * ansible-core 2.14 (same files, same server).
 */
class GetUrlModuleTest {

    static final String HELLO_SHA1 = "73e1035bec4877629bef34086ccdd8f1565d3349";
    static final String HELLO_MD5 = "284de896534886e03e6eacac5bfe51b9";
    static final String HELLO_SHA256 = "1b8996ac9b9638fb2d93ba61bfa3c5503199521dd653763fb7ee64bdf1e1631d";

    static Testbed bed;
    static String files;

    @TempDir
    Path tmp;

    @BeforeAll
    static void up() {
        bed = Testbed.instance();
        files = bed.httpUrl() + "/files";
        bed.script("exec", "target1", "sh", "-c", "rm -rf /srv/get && mkdir -p /srv/get");
    }

    private Harness h() {
        return new Harness(tmp, bed.rootConnection("target1"), "/tmp");
    }

    private String onTarget(String command) {
        return bed.script("exec", "target1", "sh", "-c", command);
    }

    @Test
    void downloadsOnceThenReportsOkWithAnsiblesKeys() {
        ModuleResult first = h().run("get_url", "url", files + "/hello.txt", "dest", "/srv/get/h.txt", "mode", "0640");
        assertThat(first.toMap()).containsEntry("changed", true).containsEntry("checksum_src", HELLO_SHA1)
                .containsEntry("checksum_dest", null).containsEntry("md5sum", HELLO_MD5).containsEntry("msg", "OK (30 bytes)")
                .containsEntry("status_code", 200L).containsEntry("size", 30L).containsEntry("mode", "0640")
                .containsEntry("state", "file").containsEntry("dest", "/srv/get/h.txt").containsEntry("url", files + "/hello.txt")
                .containsKeys("src", "elapsed", "owner", "group", "uid", "gid");
        assertThat(onTarget("cat /srv/get/h.txt; stat -c %a /srv/get/h.txt; ls /tmp | grep -c jplay-http || true"))
                .isEqualTo("hello from the jplay test bed\n640\n0\n");

        ModuleResult again = h().run("get_url", "url", files + "/hello.txt", "dest", "/srv/get/h.txt", "mode", "0640");
        assertThat(again.toMap()).containsEntry("changed", false).containsEntry("checksum_src", HELLO_SHA1)
                .containsEntry("checksum_dest", HELLO_SHA1).containsEntry("msg", "OK (30 bytes)").containsEntry("status_code", 200L);
    }

    @Test
    void checksumMatchSkipsTheDownloadAndFixesAttributes() {
        String sums = "sha256:" + files + "/SHA256SUMS";
        ModuleResult first = h().run("get_url", "url", files + "/hello.txt", "dest", "/srv/get/", "checksum", sums);
        assertThat(first.toMap()).containsEntry("changed", true).containsEntry("dest", "/srv/get/hello.txt")
                .containsEntry("checksum_src", HELLO_SHA1).containsEntry("msg", "OK (30 bytes)");
        ModuleResult attrs = h().run("get_url", "url", files + "/hello.txt", "dest", "/srv/get/hello.txt", "checksum", sums, "mode", "0600");
        assertThat(attrs.toMap()).containsEntry("changed", true).containsEntry("msg", "file already exists but file attributes changed")
                .containsEntry("checksum_src", null).containsEntry("checksum_dest", null).containsEntry("mode", "0600")
                .doesNotContainKey("status_code");
        ModuleResult same = h().run("get_url", "url", files + "/hello.txt", "dest", "/srv/get/hello.txt", "checksum", "sha256:" + HELLO_SHA256, "mode", "0600");
        assertThat(same.toMap()).containsEntry("changed", false).containsEntry("msg", "file already exists");
    }

    @Test
    void checkModeChangesNothing() {
        ModuleResult check = h().check().run("get_url", "url", files + "/hello.txt", "dest", "/srv/get/check.txt");
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("checksum_src", "da39a3ee5e6b4b0d3255bfef95601890afd80709")
                .containsEntry("checksum_dest", null).containsEntry("msg", "OK (30 bytes)");
        assertThat(onTarget("test -e /srv/get/check.txt && echo there || echo absent")).isEqualTo("absent\n");
    }

    @Test
    void contentDispositionNamesTheFileInADirectory() {
        ModuleResult named = h().run("get_url", "url", bed.httpUrl() + "/download", "dest", "/srv/get");
        assertThat(named.toMap()).containsEntry("changed", true).containsEntry("dest", "/srv/get/named.txt");
        assertThat(onTarget("cat /srv/get/named.txt")).isEqualTo("hello from the jplay test bed\n");
    }

    @Test
    void basicAuthCredentialsGoThroughStdinNotTheCommandLine() {
        ModuleResult denied = h().run("get_url", "url", bed.httpUrl() + "/private/hello.txt", "dest", "/srv/get/p.txt");
        assertThat(denied.toMap()).containsEntry("failed", true).containsEntry("msg", "Request failed")
                .containsEntry("status_code", 401L).containsEntry("response", "HTTP Error 401: Unauthorized");
        ModuleResult ok = h().run("get_url", "url", bed.httpUrl() + "/private/hello.txt", "dest", "/srv/get/p.txt",
                "url_username", "jplay", "url_password", "jplay-secret", "force_basic_auth", true);
        assertThat(ok.toMap()).containsEntry("changed", true).containsEntry("checksum_src", HELLO_SHA1);
        assertThat(ok.toString()).doesNotContain("jplay-secret");
    }

    @Test
    void errorsReadAsInAnsible() {
        ModuleResult missing = h().run("get_url", "url", files + "/nope.txt", "dest", "/srv/get/n.txt");
        assertThat(missing.toMap()).containsEntry("failed", true).containsEntry("msg", "Request failed").containsEntry("status_code", 404L)
                .containsEntry("response", "HTTP Error 404: Not Found").containsEntry("dest", "/srv/get/n.txt");
        ModuleResult badSum = h().run("get_url", "url", files + "/hello.txt", "dest", "/srv/get/h2.txt", "checksum", "sha256:abc");
        assertThat(badSum.toMap()).containsEntry("failed", true).containsEntry("changed", true)
                .containsEntry("msg", "The checksum for /srv/get/h2.txt did not match abc; it was " + HELLO_SHA256 + ".");
        assertThat(onTarget("test -e /srv/get/h2.txt && echo there || echo absent")).isEqualTo("absent\n");
        ModuleResult md5 = h().run("get_url", "url", files + "/hello.txt", "dest", "/srv/get/h6.txt", "checksum", "md5:0000");
        assertThat(md5.msg()).isEqualTo("The checksum for /srv/get/h6.txt did not match 0000; it was " + HELLO_MD5 + ".");
        assertThat(h().run("get_url", "url", files + "/hello.txt", "dest", "/srv/get/h7.txt", "checksum", "sha256").msg())
                .isEqualTo("The checksum parameter has to be in format <algorithm>:<checksum>");
        ModuleResult noSums = h().run("get_url", "url", files + "/hello.txt", "dest", "/srv/get/h3.txt", "checksum", "sha256:" + files + "/nosuch");
        assertThat(noSums.toMap()).containsEntry("msg", "Request failed").containsEntry("status_code", 404L).containsEntry("url", files + "/nosuch");
        ModuleResult refused = h().run("get_url", "url", "http://127.0.0.1:1/x", "dest", "/srv/get/h4.txt");
        assertThat(refused.msg()).startsWith("Request failed: ");
        assertThat(h().run("get_url", "dest", "/srv/get/x").msg()).isEqualTo("missing required arguments: url");
    }
}
