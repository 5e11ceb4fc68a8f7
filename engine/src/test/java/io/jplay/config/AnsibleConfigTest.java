package io.jplay.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Expectations checked with `ansible-config dump --only-changed` of ansible-core 2.14.18. */
class AnsibleConfigTest {

    @TempDir
    Path project;
    @TempDir
    Path home;

    /** An excerpt of kubespray's own ansible.cfg. */
    private static final String KUBESPRAY_CFG = """
            [ssh_connection]
            pipelining=True
            ssh_args = -o ControlMaster=auto -o ControlPersist=30m -o ConnectionAttempts=100 -o UserKnownHostsFile=/dev/null
            #control_path = ~/.ssh/ansible-%%r@%%h:%%p
            [defaults]
            # https://github.com/ansible/ansible/issues/56930 (to ignore group names with - and .)
            force_valid_group_names = ignore

            host_key_checking=False
            gathering = smart
            fact_caching = jsonfile
            fact_caching_connection = /tmp
            fact_caching_timeout = 86400
            stdout_callback = default
            display_skipped_hosts = no
            library = ./library
            callbacks_enabled = profile_tasks,ara_default
            roles_path = roles:$VIRTUAL_ENV/usr/local/share/kubespray/roles:/usr/share/kubespray/roles
            deprecation_warnings=False
            inventory_ignore_extensions = ~, .orig, .bak, .ini, .cfg, .retry, .pyc, .pyo, .creds, .gpg
            [inventory]
            ignore_patterns = artifacts, credentials
            """;

    @Test
    void readsKubesprayAnsibleCfgFromTheWorkingDirectory() throws IOException {
        Files.writeString(project.resolve("ansible.cfg"), KUBESPRAY_CFG);
        AnsibleConfig config = AnsibleConfig.load(Map.of(), project, home);

        assertThat(config.configFile()).contains(project.resolve("ansible.cfg"));
        assertThat(config.getBoolean(Setting.ANSIBLE_PIPELINING)).isTrue();
        assertThat(config.getBoolean(Setting.HOST_KEY_CHECKING)).isFalse();
        assertThat(config.getBoolean(Setting.DISPLAY_SKIPPED_HOSTS)).isFalse();
        assertThat(config.getString(Setting.DEFAULT_GATHERING)).isEqualTo("smart");
        assertThat(config.getString(Setting.CACHE_PLUGIN)).isEqualTo("jsonfile");
        assertThat(config.getInt(Setting.CACHE_PLUGIN_TIMEOUT)).isEqualTo(86400);
        assertThat(config.getInt(Setting.DEFAULT_FORKS)).isEqualTo(5);
        assertThat(config.getString(Setting.SSH_ARGS)).startsWith("-o ControlMaster=auto -o ControlPersist=30m");
        // relative entries resolve against the config file's folder; unknown $VARS stay as written
        assertThat(config.getPaths(Setting.DEFAULT_ROLES_PATH)).containsExactly(
                project.resolve("roles"),
                project.resolve("$VIRTUAL_ENV/usr/local/share/kubespray/roles"),
                Path.of("/usr/share/kubespray/roles"));
        assertThat(config.getList(Setting.INVENTORY_IGNORE_PATTERNS)).containsExactly("artifacts", "credentials");
        assertThat(config.getList(Setting.INVENTORY_IGNORE_EXTS)).contains(".creds", ".gpg", "~");
    }

    @Test
    void environmentBeatsTheFileAndLaterNamesWin() throws IOException {
        Files.writeString(project.resolve("ansible.cfg"), "[defaults]\nforks = 20\nnocolor = no\n");
        AnsibleConfig config = AnsibleConfig.load(
                Map.of("ANSIBLE_FORKS", "7", "ANSIBLE_NOCOLOR", "0", "NO_COLOR", "1", "ANSIBLE_ROLES_PATH", "~/r:/x"),
                project, home);
        assertThat(config.getInt(Setting.DEFAULT_FORKS)).isEqualTo(7);
        assertThat(config.getBoolean(Setting.ANSIBLE_NOCOLOR)).isTrue();
        assertThat(config.getPaths(Setting.DEFAULT_ROLES_PATH)).containsExactly(home.resolve("r"), Path.of("/x"));
    }

    @Test
    void ansibleConfigVariablePointsAtAFileOrFolder() throws IOException {
        Path elsewhere = Files.createDirectories(project.resolve("conf"));
        Files.writeString(elsewhere.resolve("ansible.cfg"), "[defaults]\ntimeout = 30 ; seconds\n");
        Files.writeString(project.resolve("ansible.cfg"), "[defaults]\ntimeout = 5\n");
        AnsibleConfig config = AnsibleConfig.load(Map.of("ANSIBLE_CONFIG", "conf"), project, home);
        assertThat(config.configFile()).contains(elsewhere.resolve("ansible.cfg"));
        assertThat(config.getInt(Setting.DEFAULT_TIMEOUT)).isEqualTo(30);
    }

    @Test
    void defaultsWithoutAnyFile() {
        AnsibleConfig config = AnsibleConfig.load(Map.of(), project, home);
        assertThat(config.getInt(Setting.DEFAULT_FORKS)).isEqualTo(5);
        assertThat(config.getString(Setting.DEFAULT_BECOME_USER)).isEqualTo("root");
        assertThat(config.getBoolean(Setting.RETRY_FILES_ENABLED)).isFalse();
        assertThat(config.getPaths(Setting.DEFAULT_ROLES_PATH)).startsWith(home.resolve(".ansible/roles"));
    }
}
