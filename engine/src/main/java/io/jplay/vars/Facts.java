package io.jplay.vars;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How facts become variables (vars/clean.py): all of them under {@code ansible_facts} without their
 * {@code ansible_} prefix, and each also as a top-level variable (INJECT_FACTS_AS_VARS), except those that
 * could override connection settings or internal keys.
 */
public final class Facts {

    /** C.MAGIC_VARIABLE_MAPPING's variable names and C.COMMON_CONNECTION_VARS. */
    private static final Set<String> CONNECTION_VARS = Set.of(
            "ansible_connection", "ansible_module_compression", "ansible_shell_type", "ansible_shell_executable",
            "ansible_ssh_host", "ansible_host", "ansible_ssh_user", "ansible_user", "ansible_ssh_pass",
            "ansible_password", "ansible_ssh_port", "ansible_port", "ansible_ssh_pipelining", "ansible_pipelining",
            "ansible_ssh_timeout", "ansible_timeout", "ansible_ssh_private_key_file", "ansible_private_key_file",
            "ansible_network_os", "ansible_connection_user", "ansible_ssh_executable", "ansible_ssh_common_args",
            "ansible_sftp_extra_args", "ansible_scp_extra_args", "ansible_ssh_extra_args",
            "ansible_ssh_transfer_method", "ansible_docker_extra_args", "ansible_become", "ansible_become_method",
            "ansible_become_user", "ansible_become_password", "ansible_become_pass", "ansible_become_exe",
            "ansible_become_flags");

    /** C.RESTRICTED_RESULT_KEYS + C.INTERNAL_RESULT_KEYS. */
    private static final Set<String> RESTRICTED = Set.of("ansible_rsync_path", "ansible_playbook_python",
            "ansible_facts", "add_host", "add_group");

    /** Connection plugins shipped with ansible-core: their ansible_NAME_* options are removed too. */
    private static final List<String> CONNECTION_PLUGINS = List.of("local", "paramiko_ssh", "psrp", "ssh", "winrm");

    private static final Pattern INTERPRETER = Pattern.compile("^ansible_.*_interpreter$");

    private Facts() {
    }

    /** namespace_facts: {@code {ansible_facts: {...}}} with the {@code ansible_} prefixes removed. */
    public static Map<String, Object> namespaced(Map<String, Object> facts) {
        Map<String, Object> deprefixed = new LinkedHashMap<>();
        facts.forEach((key, value) -> {
            boolean strip = key.startsWith("ansible_") && !key.equals("ansible_local");
            deprefixed.put(strip ? key.substring("ansible_".length()) : key, value);
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ansible_facts", deprefixed);
        return result;
    }

    /** clean_facts: the facts that may become top-level variables. */
    public static Map<String, Object> cleaned(Map<String, Object> facts) {
        Map<String, Object> clean = new LinkedHashMap<>();
        facts.forEach((key, value) -> {
            if (!isRestricted(key) && !key.startsWith("_ansible_")) {
                clean.put(key, value);
            }
        });
        return clean;
    }

    private static boolean isRestricted(String key) {
        if (key.startsWith("ansible_ssh_host_key_")) {
            return false;
        }
        if (CONNECTION_VARS.contains(key) || RESTRICTED.contains(key) || INTERPRETER.matcher(key).matches()
                || key.startsWith("ansible_become_")) {
            return true;
        }
        for (String plugin : CONNECTION_PLUGINS) {
            String prefix = "ansible_" + plugin + "_";
            if (key.startsWith(prefix) && !key.endsWith("_bridge") && !key.endsWith("_gwbridge")) {
                return true;
            }
        }
        return false;
    }
}
