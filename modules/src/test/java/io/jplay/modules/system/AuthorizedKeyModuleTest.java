package io.jplay.modules.system;

import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** authorized_key for a fresh user on a systemd target; file texts and messages recorded from ansible.posix under ansible-core 2.14. */
class AuthorizedKeyModuleTest {

    static final String KEY1 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyOne one@example";
    static final String KEY2 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyTwo";

    static Testbed bed;

    @TempDir
    Path tmp;

    @BeforeAll
    static void up() {
        bed = Testbed.instance();
        bed.script("exec", "target1", "sh", "-c", "id keyuser >/dev/null 2>&1 && userdel -r keyuser >/dev/null 2>&1; useradd -m -s /bin/sh keyuser");
    }

    private Harness h() {
        return new Harness(tmp, bed.rootConnection("target1"), "/tmp");
    }

    private String onTarget(String command) {
        return bed.script("exec", "target1", "sh", "-c", command);
    }

    @Test
    void addsKeysOnceWithCheckModeDiffAndExclusive() {
        ModuleResult check = h().check().run("authorized_key", "user", "keyuser", "key", KEY1);
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("keyfile", "/home/keyuser/.ssh/authorized_keys");
        assertThat(onTarget("test -e /home/keyuser/.ssh && echo there || echo absent")).isEqualTo("absent\n");

        ModuleResult first = h().diff().run("authorized_key", "user", "keyuser", "key", KEY1 + "\n# a comment line\n" + KEY2);
        assertThat(first.toMap()).containsEntry("changed", true).containsEntry("user", "keyuser").containsEntry("exclusive", false)
                .containsEntry("manage_dir", true).containsEntry("keyfile", "/home/keyuser/.ssh/authorized_keys")
                .containsEntry("diff", Map.of("before_header", "/home/keyuser/.ssh/authorized_keys",
                        "after_header", "/home/keyuser/.ssh/authorized_keys", "before", "", "after", KEY1 + "\n" + KEY2 + " \n"));
        assertThat(onTarget("cat /home/keyuser/.ssh/authorized_keys; stat -c '%a %U' /home/keyuser/.ssh /home/keyuser/.ssh/authorized_keys"))
                .isEqualTo(KEY1 + "\n" + KEY2 + " \n700 keyuser\n600 keyuser\n");

        assertThat(h().run("authorized_key", "user", "keyuser", "key", KEY1).isChanged()).isFalse();

        ModuleResult options = h().run("authorized_key", "user", "keyuser", "key", KEY2, "key_options", "no-pty,from=\"10.0.0.1\"");
        assertThat(options.isChanged()).isTrue();
        assertThat(onTarget("cat /home/keyuser/.ssh/authorized_keys"))
                .isEqualTo(KEY1 + "\nno-pty,from=\"10.0.0.1\" " + KEY2 + " \n");
        assertThat(h().run("authorized_key", "user", "keyuser", "key", KEY2, "key_options", "no-pty,from=\"10.0.0.1\"").isChanged()).isFalse();

        ModuleResult exclusive = h().run("authorized_key", "user", "keyuser", "key", KEY1, "exclusive", true);
        assertThat(exclusive.isChanged()).isTrue();
        assertThat(onTarget("cat /home/keyuser/.ssh/authorized_keys")).isEqualTo(KEY1 + "\n");

        ModuleResult absent = h().run("authorized_key", "user", "keyuser", "key", KEY1, "state", "absent");
        assertThat(absent.isChanged()).isTrue();
        assertThat(onTarget("cat /home/keyuser/.ssh/authorized_keys")).isEmpty();
        assertThat(h().run("authorized_key", "user", "keyuser", "key", KEY1, "state", "absent").isChanged()).isFalse();
    }

    @Test
    void explicitPathGetsPathInformation() {
        onTarget("rm -rf /srv/ak");
        ModuleResult r = h().run("authorized_key", "user", "root", "key", KEY1, "path", "/srv/ak/keys", "manage_dir", false);
        assertThat(r.toMap()).containsEntry("changed", true).containsEntry("path", "/srv/ak/keys").containsEntry("mode", "0600")
                .containsEntry("owner", "root").containsEntry("state", "file").containsEntry("size", 60L);
    }

    @Test
    void errorsReadAsInAnsible() {
        assertThat(h().run("authorized_key", "user", "nosuchuser", "key", KEY1).msg())
                .isEqualTo("Failed to lookup user nosuchuser: \"getpwnam(): name not found: 'nosuchuser'\"");
        assertThat(h().check().run("authorized_key", "user", "nosuchuser", "key", KEY1).msg())
                .isEqualTo("Either user must exist or you must provide full path to key file in check mode");
        assertThat(h().check().run("authorized_key", "user", "nosuchuser", "key", KEY1, "path", "/srv/x/keys").toMap())
                .containsEntry("changed", true).containsEntry("keyfile", "/srv/x/keys");
        assertThat(h().run("authorized_key", "user", "keyuser", "key", "garbage").msg()).isEqualTo("invalid key specified: garbage");
    }
}
