package io.jplay.modules.packaging;

import io.jplay.connection.Connection;
import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * apt_key on a target without gpg or apt-key. The key (ed25519 + cv25519 subkey) was made for these tests with gpg;
 * the expected results (id, short_id, fp, key_id, before, after) were recorded from ansible-core 2.14.18 with apt-key
 * and a keyring under /tmp on this machine. gpgv (which apt uses, and the target has) proves the written keyring works.
 */
class AptKeyModuleTest {

    static final String KEY = "D3AAB44FE83182A7";
    static final String SUB = "FDF0A8AAB673C513";
    static final String RING = "/etc/apt/trusted.gpg.d/jplay.gpg";

    @TempDir
    static Path tmp;
    static Harness target;
    static Connection root;

    @BeforeAll
    static void up() throws IOException {
        root = Testbed.instance().rootConnection("target1");
        target = new Harness(tmp, root, "/tmp");
        root.put(resource("jplay-test-key.asc"), "/root/jplay-test-key.asc", 0644);
        root.put(resource("jplay-test-key.gpg"), "/root/jplay-test-key.gpg", 0644);
        root.put(resource("signed.txt"), "/root/signed.txt", 0644);
        root.put(resource("signed.txt.sig"), "/root/signed.txt.sig", 0644);
        // the test key in no keyring (the CLI playbook test adds it to jplay-cli.gpg)
        root.sh("rm -f /etc/apt/trusted.gpg.d/jplay*.gpg /etc/apt/trusted.gpg /tmp/other.gpg");
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = AptKeyModuleTest.class.getResourceAsStream("/packaging/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String sh(String cmd) {
        return root.sh(cmd).stdoutText().strip();
    }

    @Test
    void fileIntoKeyringThenIdempotentThenRemoved() {
        ModuleResult check = target.check().run("apt_key", "file", "/root/jplay-test-key.asc", "keyring", RING);
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("id", KEY).containsEntry("short_id", "E83182A7")
                .containsEntry("fp", KEY).containsEntry("key_id", KEY).containsEntry("before", List.of()).doesNotContainKey("after");
        assertThat(sh("ls " + RING + " 2>&1")).contains("No such file");

        ModuleResult added = target.run("apt_key", "file", "/root/jplay-test-key.asc", "keyring", RING);
        assertThat(added.toMap()).containsEntry("changed", true).containsEntry("before", List.of()).containsEntry("after", List.of(KEY, SUB));
        assertThat(sh("gpgv --keyring " + RING + " /root/signed.txt.sig /root/signed.txt 2>&1; stat -c %a " + RING))
                .contains("Good signature from \"jplay test key <test@jplay.invalid>\"").endsWith("644");

        assertThat(target.run("apt_key", "file", "/root/jplay-test-key.gpg", "keyring", RING).toMap())
                .containsEntry("changed", false).containsEntry("before", List.of(KEY, SUB)).doesNotContainKey("after");

        ModuleResult removeCheck = target.check().run("apt_key", "id", "E83182A7", "keyring", RING, "state", "absent");
        assertThat(removeCheck.toMap()).containsEntry("changed", true).containsEntry("before", List.of("E83182A7", "B673C513"));
        ModuleResult removed = target.run("apt_key", "id", "E83182A7", "keyring", RING, "state", "absent");
        assertThat(removed.toMap()).containsEntry("changed", true).containsEntry("fp", "E83182A7").containsEntry("after", List.of());
        assertThat(sh("stat -c %s " + RING)).isEqualTo("0");
        assertThat(target.run("apt_key", "id", KEY, "keyring", RING, "state", "absent").toMap()).containsEntry("changed", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void dataAndUrlWithoutKeyringUseTrustedGpgBesideTheDebianKeys() throws IOException {
        Path www = Paths.get(System.getenv().getOrDefault("TESTBED_DIR", "/var/tmp/jplay-testbed"), "www/files/jplay-test-key.asc");
        Files.write(www, resource("jplay-test-key.asc"));
        String url = Testbed.instance().httpUrl() + "/files/jplay-test-key.asc";
        ModuleResult viaUrl = target.run("apt_key", "url", url, "id", KEY);
        assertThat(viaUrl.toMap()).containsEntry("changed", true);
        List<String> before = (List<String>) viaUrl.get("before");
        assertThat(before).isNotEmpty().doesNotContain(KEY).allMatch(id -> id.matches("[0-9A-F]{16}"));
        assertThat((List<String>) viaUrl.get("after")).contains(KEY, SUB).hasSize(before.size() + 2);
        assertThat(sh("gpgv --keyring /etc/apt/trusted.gpg /root/signed.txt.sig /root/signed.txt 2>&1")).contains("Good signature");
        String data = new String(resource("jplay-test-key.asc"), StandardCharsets.US_ASCII);
        assertThat(target.run("apt_key", "data", data).toMap()).containsEntry("changed", false).containsEntry("id", KEY);
        assertThat(target.run("apt_key", "id", "0x" + KEY.toLowerCase(), "state", "absent").toMap()).containsEntry("changed", true);
        assertThat(target.run("apt_key", "data", data, "keyring", "/tmp/other.gpg").toMap()).containsEntry("changed", true);
    }

    @Test
    void messages() {
        ModuleResult bad = target.run("apt_key", "id", "XYZ", "keyring", RING);
        assertThat(bad.toMap()).containsEntry("failed", true).containsEntry("id", "XYZ").containsEntry("msg", "Invalid key_id");
        assertThat(target.run("apt_key", "id", "ABCDEF", "keyring", RING).msg()).isEqualTo("Invalid key_id");
        assertThat(target.run("apt_key", "keyserver", "keyserver.ubuntu.com").msg()).isEqualTo("Missing key_id, required with keyserver.");
        assertThat(target.run("apt_key", "id", KEY, "keyring", "/tmp/none.gpg").msg()).isEqualTo("No key to add ... how did i get here?!?!");
        assertThat(target.run("apt_key", "url", "http://127.0.0.1:9/k.asc").msg()).startsWith("Failed to download key at http://127.0.0.1:9/k.asc: ");
        assertThat(target.run("apt_key", "file", "/root/signed.txt").msg()).isEqualTo("Unable to extract key from '/root/signed.txt'");
        assertThat(target.run("apt_key", "file", "/x", "data", "y").msg()).isEqualTo("parameters are mutually exclusive: data|file|keyserver|url");
    }
}
