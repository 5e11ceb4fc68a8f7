package io.jplay.config;

import java.util.List;

/**
 * The ansible.cfg settings jplay honours (those kubespray and its operators set), with ansible-core 2.14's
 * names, types, defaults, environment variables and ini keys (ansible/config/base.yml). Later entries of
 * {@code env} and {@code ini} win over earlier ones, as in Ansible.
 */
public enum Setting {
    DEFAULT_FORKS(Type.INTEGER, 5, envs("ANSIBLE_FORKS"), ini("defaults", "forks")),
    DEFAULT_ROLES_PATH(Type.PATHSPEC, "~/.ansible/roles:/usr/share/ansible/roles:/etc/ansible/roles",
            envs("ANSIBLE_ROLES_PATH"), ini("defaults", "roles_path")),
    DEFAULT_MODULE_PATH(Type.PATHSPEC, "~/.ansible/plugins/modules:/usr/share/ansible/plugins/modules",
            envs("ANSIBLE_LIBRARY"), ini("defaults", "library")),
    DEFAULT_HOST_LIST(Type.PATHLIST, "/etc/ansible/hosts", envs("ANSIBLE_INVENTORY"), ini("defaults", "inventory")),
    HOST_KEY_CHECKING(Type.BOOLEAN, true, envs("ANSIBLE_HOST_KEY_CHECKING"), ini("defaults", "host_key_checking")),
    DEFAULT_REMOTE_USER(Type.STRING, null, envs("ANSIBLE_REMOTE_USER"), ini("defaults", "remote_user")),
    DEFAULT_PRIVATE_KEY_FILE(Type.PATH, null, envs("ANSIBLE_PRIVATE_KEY_FILE"), ini("defaults", "private_key_file")),
    DEFAULT_BECOME(Type.BOOLEAN, false, envs("ANSIBLE_BECOME"), ini("privilege_escalation", "become")),
    DEFAULT_BECOME_METHOD(Type.STRING, "sudo", envs("ANSIBLE_BECOME_METHOD"), ini("privilege_escalation", "become_method")),
    DEFAULT_BECOME_USER(Type.STRING, "root", envs("ANSIBLE_BECOME_USER"), ini("privilege_escalation", "become_user")),
    DEFAULT_BECOME_ASK_PASS(Type.BOOLEAN, false, envs("ANSIBLE_BECOME_ASK_PASS"), ini("privilege_escalation", "become_ask_pass")),
    DEFAULT_BECOME_FLAGS(Type.STRING, "", envs("ANSIBLE_BECOME_FLAGS"), ini("privilege_escalation", "become_flags")),
    DEFAULT_ASK_PASS(Type.BOOLEAN, false, envs("ANSIBLE_ASK_PASS"), ini("defaults", "ask_pass")),
    DEFAULT_TIMEOUT(Type.INTEGER, 10, envs("ANSIBLE_TIMEOUT"), ini("defaults", "timeout")),
    DISPLAY_SKIPPED_HOSTS(Type.BOOLEAN, true, envs("ANSIBLE_DISPLAY_SKIPPED_HOSTS"), ini("defaults", "display_skipped_hosts")),
    DISPLAY_OK_HOSTS(Type.BOOLEAN, true, envs("ANSIBLE_DISPLAY_OK_HOSTS"), ini("defaults", "display_ok_hosts")),
    DEFAULT_GATHERING(Type.STRING, "implicit", envs("ANSIBLE_GATHERING"), ini("defaults", "gathering")),
    DEFAULT_GATHER_SUBSET(Type.LIST, null, envs("ANSIBLE_GATHER_SUBSET"), ini("defaults", "gather_subset")),
    ANSIBLE_PIPELINING(Type.BOOLEAN, false, envs("ANSIBLE_PIPELINING"),
            ini("defaults", "pipelining", "connection", "pipelining", "ssh_connection", "pipelining")),
    DEFAULT_FORCE_HANDLERS(Type.BOOLEAN, false, envs("ANSIBLE_FORCE_HANDLERS"), ini("defaults", "force_handlers")),
    ANY_ERRORS_FATAL(Type.BOOLEAN, false, envs("ANSIBLE_ANY_ERRORS_FATAL"), ini("defaults", "any_errors_fatal")),
    DEFAULT_STRATEGY(Type.STRING, "linear", envs("ANSIBLE_STRATEGY"), ini("defaults", "strategy")),
    RETRY_FILES_ENABLED(Type.BOOLEAN, false, envs("ANSIBLE_RETRY_FILES_ENABLED"), ini("defaults", "retry_files_enabled")),
    DEFAULT_STDOUT_CALLBACK(Type.STRING, "default", envs("ANSIBLE_STDOUT_CALLBACK"), ini("defaults", "stdout_callback")),
    DEPRECATION_WARNINGS(Type.BOOLEAN, true, envs("ANSIBLE_DEPRECATION_WARNINGS"), ini("defaults", "deprecation_warnings")),
    LOCALHOST_WARNING(Type.BOOLEAN, true, envs("ANSIBLE_LOCALHOST_WARNING"), ini("defaults", "localhost_warning")),
    INVENTORY_IGNORE_EXTS(Type.LIST, ".pyc, .pyo, .swp, .bak, ~, .rpm, .md, .txt, .rst, .orig, .ini, .cfg, .retry",
            envs("ANSIBLE_INVENTORY_IGNORE"), ini("defaults", "inventory_ignore_extensions", "inventory", "ignore_extensions")),
    INVENTORY_IGNORE_PATTERNS(Type.LIST, "", envs("ANSIBLE_INVENTORY_IGNORE_REGEX"),
            ini("defaults", "inventory_ignore_patterns", "inventory", "ignore_patterns")),
    CACHE_PLUGIN(Type.STRING, "memory", envs("ANSIBLE_CACHE_PLUGIN"), ini("defaults", "fact_caching")),
    CACHE_PLUGIN_CONNECTION(Type.STRING, null, envs("ANSIBLE_CACHE_PLUGIN_CONNECTION"), ini("defaults", "fact_caching_connection")),
    CACHE_PLUGIN_TIMEOUT(Type.INTEGER, 86400, envs("ANSIBLE_CACHE_PLUGIN_TIMEOUT"), ini("defaults", "fact_caching_timeout")),
    DEFAULT_HASH_BEHAVIOUR(Type.STRING, "replace", envs("ANSIBLE_HASH_BEHAVIOUR"), ini("defaults", "hash_behaviour")),
    ANSIBLE_NOCOLOR(Type.BOOLEAN, false, envs("ANSIBLE_NOCOLOR", "NO_COLOR"), ini("defaults", "nocolor")),
    ANSIBLE_FORCE_COLOR(Type.BOOLEAN, false, envs("ANSIBLE_FORCE_COLOR"), ini("defaults", "force_color")),
    DEFAULT_VAULT_PASSWORD_FILE(Type.PATH, null, envs("ANSIBLE_VAULT_PASSWORD_FILE"), ini("defaults", "vault_password_file")),
    DEFAULT_LOG_PATH(Type.PATH, null, envs("ANSIBLE_LOG_PATH"), ini("defaults", "log_path")),
    DEFAULT_UNDEFINED_VAR_BEHAVIOR(Type.BOOLEAN, true, envs("ANSIBLE_ERROR_ON_UNDEFINED_VARS"), ini("defaults", "error_on_undefined_vars")),
    DEFAULT_PRIVATE_ROLE_VARS(Type.BOOLEAN, false, envs("ANSIBLE_PRIVATE_ROLE_VARS"), ini("defaults", "private_role_vars")),
    DISPLAY_ARGS_TO_STDOUT(Type.BOOLEAN, false, envs("ANSIBLE_DISPLAY_ARGS_TO_STDOUT"), ini("defaults", "display_args_to_stdout")),
    SHOW_CUSTOM_STATS(Type.BOOLEAN, false, envs("ANSIBLE_SHOW_CUSTOM_STATS"), ini("defaults", "show_custom_stats")),
    MAX_FILE_SIZE_FOR_DIFF(Type.INTEGER, 104448, envs("ANSIBLE_MAX_DIFF_SIZE"), ini("defaults", "max_diff_size")),
    // The ssh connection plugin's options, as kubespray's ansible.cfg sets them.
    SSH_ARGS(Type.STRING, "-C -o ControlMaster=auto -o ControlPersist=60s", envs("ANSIBLE_SSH_ARGS"), ini("ssh_connection", "ssh_args")),
    SSH_COMMON_ARGS(Type.STRING, "", envs("ANSIBLE_SSH_COMMON_ARGS"), ini("ssh_connection", "ssh_common_args")),
    SSH_EXTRA_ARGS(Type.STRING, "", envs("ANSIBLE_SSH_EXTRA_ARGS"), ini("ssh_connection", "ssh_extra_args")),
    SSH_RETRIES(Type.INTEGER, 0, envs("ANSIBLE_SSH_RETRIES"), ini("connection", "retries", "ssh_connection", "retries")),
    SSH_TRANSFER_METHOD(Type.STRING, "smart", envs("ANSIBLE_SSH_TRANSFER_METHOD"), ini("ssh_connection", "transfer_method"));

    /** How a raw text value is converted (ansible/config/manager.py ensure_type). */
    public enum Type { STRING, BOOLEAN, INTEGER, LIST, PATH, PATHSPEC, PATHLIST }

    private final Type type;
    private final Object defaultValue;
    private final List<String> envNames;
    private final List<String[]> iniKeys;

    Setting(Type type, Object defaultValue, List<String> envNames, List<String[]> iniKeys) {
        this.type = type;
        this.defaultValue = defaultValue;
        this.envNames = envNames;
        this.iniKeys = iniKeys;
    }

    public Type type() {
        return type;
    }

    Object defaultValue() {
        return defaultValue;
    }

    List<String> envNames() {
        return envNames;
    }

    /** Pairs of (section, key). */
    List<String[]> iniKeys() {
        return iniKeys;
    }

    private static List<String> envs(String... names) {
        return List.of(names);
    }

    private static List<String[]> ini(String... sectionKeyPairs) {
        java.util.ArrayList<String[]> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < sectionKeyPairs.length; i += 2) {
            pairs.add(new String[]{sectionKeyPairs[i], sectionKeyPairs[i + 1]});
        }
        return List.copyOf(pairs);
    }
}
