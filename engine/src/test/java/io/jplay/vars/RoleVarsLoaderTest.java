package io.jplay.vars;

import io.jplay.error.JplayException;
import io.jplay.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** defaults/ and vars/ of a role; the layouts below were run through ansible-core 2.14.18. */
class RoleVarsLoaderTest {

    @TempDir
    Path dir;

    private void write(String path, String text) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aMainFolderMergesItsFilesInNameOrderSkippingHiddenBackupAndForeignFiles() throws Exception {
        write("a/defaults/main/10.yml", "x: from_10\ny: from_10\n");
        write("a/defaults/main/20.yaml", "x: from_20\nz: from_20\n");
        write("a/defaults/main/sub/s.yml", "z: from_sub\n");
        write("a/defaults/main/.hidden.yml", "w: from_hidden\n");
        write("a/defaults/main/30.yml~", "w: from_backup\n");
        write("a/defaults/main/40.txt", "w: from_txt\n");
        write("a/defaults/main/50", "v: from_noext\n");

        RoleVars role = new RoleVarsLoader().load(dir.resolve("a"));

        // ansible printed [x, y, z, w|default('U'), v] as [from_20, from_10, from_sub, U, from_noext]
        assertThat(role.defaults()).containsEntry("x", "from_20").containsEntry("y", "from_10")
                .containsEntry("z", "from_sub").containsEntry("v", "from_noext").doesNotContainKey("w");
        assertThat(role.vars()).isEmpty();
        assertThat(role.roleName()).isEqualTo("a");
    }

    @Test
    void mainYmlWinsOverAMainFolderAndVarsMayBeMainYaml() throws Exception {
        write("b/defaults/main.yml", "x: b_main_yml\n");
        write("b/defaults/main/a.yml", "x: b_main_dir\n");
        write("b/vars/main.yaml", "bv: b_vars_yaml\n");

        RoleVars role = new RoleVarsLoader().load(dir.resolve("b"));

        assertThat(role.defaults()).containsExactly(java.util.Map.entry("x", "b_main_yml"));
        assertThat(role.vars()).containsExactly(java.util.Map.entry("bv", "b_vars_yaml"));
    }

    @Test
    void upstreamKubesprayDefaultsFolderIsReadWhole() {
        RoleVars role = new RoleVarsLoader().load(SharedData.resolve("kubespray-upstream-data/roles/kubespray_defaults"));
        // download.yml comes first, main.yml's keys are added after it
        assertThat(List.copyOf(role.defaults().keySet()).get(0)).isEqualTo("local_release_dir");
        assertThat(role.defaults()).containsEntry("preinstall_selinux_state", "permissive")
                .containsEntry("typha_enabled", false).containsKey("ansible_ssh_common_args");
    }

    @Test
    void defaultsFromNamesAFileThatMustExist() throws Exception {
        write("c/defaults/main.yml", "x: main\n");
        write("c/defaults/other.yml", "x: other\n");
        assertThat(new RoleVarsLoader().load(dir.resolve("c"), "other", null).defaults()).containsEntry("x", "other");
        assertThatThrownBy(() -> new RoleVarsLoader().load(dir.resolve("c"), "missing", null))
                .isInstanceOf(JplayException.class).hasMessage("Could not find specified file in role: defaults/missing");
    }

    @Test
    void defaultsThatAreNotADictionaryAreAnError() throws Exception {
        write("d/defaults/main.yml", "- a\n- b\n");
        assertThatThrownBy(() -> new RoleVarsLoader().load(dir.resolve("d")))
                .isInstanceOf(JplayException.class)
                .hasMessage("The defaults/main.yml file for role 'd' must contain a dictionary of variables");
    }
}
