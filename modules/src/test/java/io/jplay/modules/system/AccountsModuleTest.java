package io.jplay.modules.system;

import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** user and group on target1; result keys as ansible-core 2.14's user.py/group.py build them. */
class AccountsModuleTest {

    private static final String HASH = "$6$saltsalt$qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/";

    @TempDir
    Path tmp;

    private Harness h() {
        return Harness.onTarget(tmp, "target1");
    }

    static String exec(String cmd) {
        return Testbed.instance().shell("target1", cmd);
    }

    @BeforeEach
    @AfterEach
    void clean() {
        exec("userdel -r jpuser 2>/dev/null; groupdel jpuser 2>/dev/null; groupdel jpgroup 2>/dev/null; groupdel jpextra 2>/dev/null; rm -rf /srv/homes; true");
    }

    @Test
    void groupCreatesChangesAndRemoves() {
        assertThat(h().check().run("group", "name", "jpgroup").toMap()).isEqualTo(java.util.Map.of("changed", true));
        assertThat(exec("getent group jpgroup || echo none")).isEqualTo("none");
        ModuleResult add = h().run("group", "name", "jpgroup", "gid", 4321);
        assertThat(add.toMap()).containsEntry("changed", true).containsEntry("name", "jpgroup").containsEntry("state", "present")
                .containsEntry("system", false).containsEntry("gid", 4321L);
        assertThat(exec("getent group jpgroup")).isEqualTo("jpgroup:x:4321:");
        assertThat(h().run("group", "name", "jpgroup", "gid", 4321).toMap()).containsEntry("changed", false).containsEntry("gid", 4321L);
        assertThat(h().check().run("group", "name", "jpgroup", "gid", 4322).toMap()).containsEntry("changed", true).containsEntry("gid", 4321L);
        assertThat(h().run("group", "name", "jpgroup", "gid", 4322).toMap()).containsEntry("changed", true).containsEntry("gid", 4322L);
        ModuleResult system = h().run("group", "name", "jpextra", "system", true);
        assertThat((Long) system.get("gid")).isLessThan(1000L);
        assertThat(h().run("group", "name", "jpgroup", "state", "absent").toMap()).containsEntry("changed", true)
                .containsEntry("state", "absent").doesNotContainKey("gid");
        assertThat(exec("getent group jpgroup || echo none")).isEqualTo("none");
        assertThat(h().run("group", "name", "jpgroup", "state", "absent").toMap()).containsEntry("changed", false);
        ModuleResult taken = h().run("group", "name", "jpgroup", "gid", 0);
        assertThat(taken.toMap()).containsEntry("failed", true).containsEntry("name", "jpgroup");
        assertThat(taken.msg()).isEqualTo("groupadd: GID '0' already exists\n");
        assertThat(h().run("group", "name", "jpgroup", "non_unique", true).msg()).isEqualTo("non_unique is True but all of the following are missing: gid");
    }

    @Test
    void userCreatesModifiesAndRemoves() {
        exec("groupadd jpgroup; groupadd jpextra");
        assertThat(h().check().run("user", "name", "jpuser").toMap()).isEqualTo(java.util.Map.of("changed", true));
        assertThat(exec("getent passwd jpuser || echo none")).isEqualTo("none");

        ModuleResult add = h().run("user", "name", "jpuser", "uid", 2345, "comment", "J Play", "shell", "/bin/sh",
                "groups", List.of("jpgroup"), "home", "/srv/homes/jpuser", "password", HASH);
        assertThat(add.toMap()).containsEntry("changed", true).containsEntry("name", "jpuser").containsEntry("state", "present")
                .containsEntry("system", false).containsEntry("create_home", true).containsEntry("password", "NOT_LOGGING_PASSWORD")
                .containsEntry("uid", 2345L).containsEntry("comment", "J Play").containsEntry("home", "/srv/homes/jpuser")
                .containsEntry("shell", "/bin/sh").containsEntry("groups", "jpgroup").containsKey("group").doesNotContainKey("warnings");
        assertThat(exec("getent passwd jpuser")).isEqualTo("jpuser:x:2345:" + add.get("group") + ":J Play:/srv/homes/jpuser:/bin/sh");
        assertThat(exec("getent shadow jpuser | cut -d: -f2")).isEqualTo(HASH);
        assertThat(exec("stat -c '%U %a' /srv/homes/jpuser; ls -A /srv/homes/jpuser")).contains("jpuser 755", ".profile");
        assertThat(exec("id -nG jpuser")).isEqualTo("jpuser jpgroup");

        ModuleResult again = h().run("user", "name", "jpuser", "uid", 2345, "comment", "J Play", "shell", "/bin/sh",
                "groups", List.of("jpgroup"), "home", "/srv/homes/jpuser", "password", HASH);
        assertThat(again.toMap()).containsEntry("changed", false).containsEntry("append", false).containsEntry("move_home", false)
                .containsEntry("uid", 2345L).doesNotContainKey("stdout");

        ModuleResult checkMod = h().check().run("user", "name", "jpuser", "shell", "/bin/bash");
        assertThat(checkMod.toMap()).containsEntry("changed", true).containsEntry("shell", "/bin/sh");
        assertThat(exec("getent passwd jpuser | cut -d: -f7")).isEqualTo("/bin/sh");

        ModuleResult append = h().run("user", "name", "jpuser", "groups", List.of("jpextra"), "append", true, "shell", "/bin/bash");
        assertThat(append.toMap()).containsEntry("changed", true).containsEntry("append", true).containsEntry("shell", "/bin/bash")
                .containsEntry("groups", "jpextra");
        assertThat(exec("id -nG jpuser")).isEqualTo("jpuser jpgroup jpextra");
        assertThat(h().run("user", "name", "jpuser", "groups", List.of("jpextra"), "append", true).toMap()).containsEntry("changed", false);
        assertThat(h().run("user", "name", "jpuser", "groups", List.of("jpextra")).toMap()).containsEntry("changed", true);
        assertThat(exec("id -nG jpuser")).isEqualTo("jpuser jpextra");

        ModuleResult plain = h().run("user", "name", "jpuser", "password", "secret");
        assertThat(plain.toMap()).containsEntry("changed", true).containsEntry("warnings", List.of(
                "The input password appears not to have been hashed. The 'password' argument must be encrypted for this module to work properly."));

        assertThat(h().run("user", "name", "jpuser", "group", "nosuchgroup").msg()).isEqualTo("Group nosuchgroup does not exist");
        assertThat(h().check().run("user", "name", "jpuser", "state", "absent").toMap()).isEqualTo(java.util.Map.of("changed", true));
        ModuleResult del = h().run("user", "name", "jpuser", "state", "absent", "remove", true);
        assertThat(del.toMap()).containsEntry("changed", true).containsEntry("force", false).containsEntry("remove", true)
                .containsEntry("state", "absent");
        assertThat(exec("getent passwd jpuser || echo none; [ -e /srv/homes/jpuser ] || echo gone")).isEqualTo("none\ngone");
        assertThat(h().run("user", "name", "jpuser", "state", "absent").toMap()).containsEntry("changed", false)
                .doesNotContainKeys("force", "remove");
    }

    @Test
    void userRecreatesAMissingHomeAndMakesSystemAccounts() {
        ModuleResult sys = h().run("user", "name", "jpuser", "system", true, "create_home", false);
        assertThat(sys.toMap()).containsEntry("changed", true).containsEntry("system", true).containsEntry("create_home", false);
        assertThat((Long) sys.get("uid")).isLessThan(1000L);
        assertThat(exec("[ -e /home/jpuser ] && echo there || echo missing")).isEqualTo("missing");
        assertThat(h().run("user", "name", "jpuser", "create_home", false).toMap()).containsEntry("changed", false);
        // the default create_home=true makes the missing home directory, once
        assertThat(h().run("user", "name", "jpuser", "system", true).toMap()).containsEntry("changed", true);
        assertThat(exec("stat -c %U /home/jpuser")).isEqualTo("jpuser");
        assertThat(h().run("user", "name", "jpuser", "system", true).toMap()).containsEntry("changed", false);
        assertThat(h().run("user", "name", "jpuser", "generate_ssh_key", true).msg()).isEqualTo("jplay's user module does not support 'generate_ssh_key' yet");
        exec("rm -rf /home/jpuser");
    }
}
