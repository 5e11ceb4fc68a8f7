package io.jplay.modules.utilities;

import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * wait_for on ports from a systemd target, which has neither nc nor /dev/tcp in its sh: its own listening sockets
 * from /proc/net/tcp*, other addresses through curl, drained from the connection table. The target shares the
 * machine's network, so the test bed's nginx and the target's own sshd port are there to wait for.
 */
class WaitForTargetTest {

    static Testbed bed;
    static int http;
    static int ssh;

    @TempDir
    Path tmp;

    @BeforeAll
    static void up() {
        bed = Testbed.instance();
        http = URI.create(bed.httpUrl()).getPort();
        ssh = bed.port("target1");
    }

    private Harness h() {
        return new Harness(tmp, bed.rootConnection("target1"), "/tmp");
    }

    @Test
    void startedAndStoppedPorts() {
        ModuleResult open = h().run("wait_for", "port", (long) http, "timeout", 5L);
        assertThat(open.toMap()).containsEntry("changed", false).containsEntry("state", "started").containsEntry("port", (long) http)
                .containsEntry("elapsed", 0L).doesNotContainKey("failed");
        assertThat(h().run("wait_for", "host", "127.1", "port", (long) http, "timeout", 5L).toMap()).doesNotContainKey("failed");
        assertThat(h().run("wait_for", "port", 1L, "state", "stopped", "timeout", 2L).toMap()).doesNotContainKey("failed");
        ModuleResult closed = h().run("wait_for", "port", 1L, "timeout", 1L);
        assertThat(closed.toMap()).containsEntry("failed", true).containsEntry("msg", "Timeout when waiting for 127.0.0.1:1");
        ModuleResult elsewhere = h().run("wait_for", "host", "127.0.0.2", "port", (long) http, "timeout", 1L);
        assertThat(elsewhere.msg()).isEqualTo("Timeout when waiting for 127.0.0.2:" + http);
        ModuleResult stillOpen = h().run("wait_for", "port", (long) http, "state", "stopped", "timeout", 1L, "msg", "nginx is still up");
        assertThat(stillOpen.toMap()).containsEntry("failed", true).containsEntry("msg", "nginx is still up");
    }

    @Test
    void searchRegexReadsTheBanner() {
        ModuleResult banner = h().run("wait_for", "port", (long) ssh, "search_regex", "OpenSSH_(?P<version>[0-9.]+)", "timeout", 10L);
        assertThat(banner.toMap()).doesNotContainKey("failed").containsEntry("search_regex", "OpenSSH_(?P<version>[0-9.]+)");
        assertThat((List<?>) banner.get("match_groups")).hasSize(1);
        ModuleResult nothing = h().run("wait_for", "port", (long) ssh, "search_regex", "not-in-a-banner", "timeout", 1L);
        assertThat(nothing.toMap()).containsEntry("failed", true);
    }

    @Test
    void drainedWaitsForActiveConnections() {
        ModuleResult busy = h().run("wait_for", "port", (long) ssh, "state", "drained", "timeout", 1L);
        assertThat(busy.toMap()).containsEntry("failed", true).containsEntry("msg", "Timeout when waiting for 127.0.0.1:" + ssh + " to drain");
        ModuleResult excluded = h().run("wait_for", "port", (long) ssh, "state", "drained", "timeout", 2L, "exclude_hosts", List.of("127.0.0.1"));
        assertThat(excluded.toMap()).doesNotContainKey("failed").containsEntry("state", "drained");
        assertThat(h().run("wait_for", "port", 1L, "state", "drained", "timeout", 1L).toMap()).doesNotContainKey("failed");
        assertThat(h().run("wait_for", "port", 1L, "exclude_hosts", List.of("10.0.0.1")).msg()).isEqualTo("exclude_hosts should only be with state=drained");
    }
}
