package io.jplay.modules.net;

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

/** uri run with curl on a systemd target against the test bed's nginx; expected values recorded from ansible-core 2.14. */
class UriModuleTest {

    static Testbed bed;
    static String base;

    @TempDir
    Path tmp;

    @BeforeAll
    static void up() {
        bed = Testbed.instance();
        base = bed.httpUrl();
        bed.script("exec", "target1", "sh", "-c", "rm -rf /srv/uri && mkdir -p /srv/uri");
    }

    private Harness h() {
        return new Harness(tmp, bed.rootConnection("target1"), "/tmp");
    }

    @Test
    void getReturnsHeadersAsLowerCasedKeys() {
        ModuleResult r = h().run("uri", "url", base + "/files/hello.txt");
        assertThat(r.toMap()).containsEntry("changed", false).containsEntry("status", 200L).containsEntry("msg", "OK (30 bytes)")
                .containsEntry("content_length", "30").containsEntry("content_type", "text/plain").containsEntry("accept_ranges", "bytes")
                .containsEntry("connection", "close").containsEntry("redirected", false).containsEntry("url", base + "/files/hello.txt")
                .containsEntry("cookies", Map.of()).containsEntry("cookies_string", "")
                .containsKeys("date", "etag", "last_modified", "server", "elapsed").doesNotContainKeys("content", "json");
        ModuleResult content = h().run("uri", "url", base + "/files/hello.txt", "return_content", true);
        assertThat(content.get("content")).isEqualTo("hello from the jplay test bed\n");
    }

    @Test
    void postsJsonAndParsesAJsonAnswer() {
        ModuleResult r = h().run("uri", "url", base + "/api/echo", "method", "POST", "body_format", "json",
                "body", Map.of("a", 1L), "status_code", List.of(201L));
        assertThat(r.toMap()).containsEntry("status", 201L).containsEntry("json", Map.of("created", true, "method", "POST"))
                .containsEntry("content_type", "application/json").containsEntry("msg", "OK (36 bytes)");
    }

    @Test
    void followsRedirectsAndAuthenticates() {
        ModuleResult r = h().run("uri", "url", base + "/redirect");
        assertThat(r.toMap()).containsEntry("status", 200L).containsEntry("redirected", true).containsEntry("url", base + "/files/hello.txt");
        ModuleResult none = h().run("uri", "url", base + "/redirect", "follow_redirects", "none", "status_code", List.of(302L));
        assertThat(none.toMap()).containsEntry("status", 302L).containsEntry("location", base + "/files/hello.txt");
        ModuleResult auth = h().run("uri", "url", base + "/private/hello.txt", "url_username", "jplay", "url_password", "jplay-secret",
                "force_basic_auth", true);
        assertThat(auth.toMap()).containsEntry("status", 200L);
        ModuleResult challenged = h().run("uri", "url", base + "/private/hello.txt", "user", "jplay", "password", "jplay-secret");
        assertThat(challenged.toMap()).containsEntry("status", 200L);
        assertThat(challenged.toString()).doesNotContain("jplay-secret");
    }

    @Test
    void failuresNameTheStatus() {
        ModuleResult missing = h().run("uri", "url", base + "/files/nope.txt");
        assertThat(missing.toMap()).containsEntry("failed", true).containsEntry("status", 404L)
                .containsEntry("msg", "Status code was 404 and not [200]: HTTP Error 404: Not Found")
                .containsEntry("content_type", "text/html").doesNotContainKey("cookies");
        ModuleResult refused = h().run("uri", "url", "http://127.0.0.1:1/");
        assertThat(refused.toMap()).containsEntry("failed", true).containsEntry("status", -1L);
        assertThat(refused.msg()).startsWith("Status code was -1 and not [200]: Request failed: ");
        assertThat(h().run("uri", "url", base + "/", "method", "GE T").msg())
                .isEqualTo("Parameter 'method' needs to be a single word in uppercase, like GET or POST.");
    }

    @Test
    void destSavesTheBodyAndCreatesSkips() {
        ModuleResult saved = h().run("uri", "url", base + "/files/hello.txt", "dest", "/srv/uri/u.txt", "mode", "0600");
        assertThat(saved.toMap()).containsEntry("changed", true).containsEntry("path", "/srv/uri/u.txt").containsEntry("mode", "0600")
                .containsEntry("size", 30L).containsEntry("state", "file");
        assertThat(bed.script("exec", "target1", "cat", "/srv/uri/u.txt")).isEqualTo("hello from the jplay test bed\n");
        ModuleResult skipped = h().run("uri", "url", base + "/files/hello.txt", "creates", "/srv/uri/u.txt");
        assertThat(skipped.toMap()).containsEntry("changed", false).containsEntry("stdout", "skipped, since '/srv/uri/u.txt' exists");
        ModuleResult check = h().check().run("uri", "url", base + "/files/hello.txt");
        assertThat(check.toMap()).containsEntry("skipped", true);
        assertThat(bed.script("exec", "target1", "sh", "-c", "ls /tmp | grep -c jplay-http || true")).isEqualTo("0\n");
    }
}
