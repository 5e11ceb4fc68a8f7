package io.jplay.execution;

import io.jplay.config.AnsibleConfig;
import io.jplay.config.Setting;
import io.jplay.connection.ssh.SshArgs;
import io.jplay.connection.ssh.SshSettings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Works out how to reach one host over SSH from its variables, the task's {@code remote_user}, the command line
 * and ansible.cfg, with the precedence of ansible-core 2.14's ssh connection plugin: a host variable wins over the
 * keyword, the keyword over the command line, the command line over ansible.cfg. The ssh options are then
 * layered in the order that plugin writes them on ssh's command line, where the first value of an option wins.
 */
final class SshSettingsResolver {

    private final ConnectionFlags flags;
    private final String cliUser;
    private final String configUser;
    private final String configKey;
    private final int configTimeout;
    private final boolean configHostKeyChecking;
    private final String configSshArgs;
    private final String configCommonArgs;
    private final String configExtraArgs;
    private final int configRetries;
    private final String agentSocket;

    SshSettingsResolver(ExecutorOptions options, AnsibleConfig config) {
        this.flags = options.connectionFlags();
        this.cliUser = options.remoteUser();
        this.configUser = config.getString(Setting.DEFAULT_REMOTE_USER);
        Path key = config.getPath(Setting.DEFAULT_PRIVATE_KEY_FILE);
        this.configKey = key == null ? null : key.toString();
        this.configTimeout = config.getInt(Setting.DEFAULT_TIMEOUT);
        this.configHostKeyChecking = config.getBoolean(Setting.HOST_KEY_CHECKING);
        this.configSshArgs = config.getString(Setting.SSH_ARGS);
        this.configCommonArgs = config.getString(Setting.SSH_COMMON_ARGS);
        this.configExtraArgs = config.getString(Setting.SSH_EXTRA_ARGS);
        this.configRetries = config.getInt(Setting.SSH_RETRIES);
        this.agentSocket = options.environment().get("SSH_AUTH_SOCK");
    }

    /**
     * @param address           host and port to connect to (ansible_host / ansible_port, already resolved)
     * @param vars              the host's variables (values are templated through {@code template})
     * @param remoteUserKeyword the task's or play's {@code remote_user}, or null
     */
    SshSettings resolve(String[] address, Map<String, Object> vars, UnaryOperator<Object> template, Object remoteUserKeyword) {
        String user = text(first(vars, template, "ansible_user", "ansible_ssh_user"));
        if (user == null && remoteUserKeyword != null) {
            user = text(template.apply(remoteUserKeyword));
        }
        if (user == null) {
            user = cliUser != null ? cliUser : configUser;
        }
        String key = text(first(vars, template, "ansible_ssh_private_key_file", "ansible_private_key_file"));
        if (key == null) {
            key = flags.privateKeyFile() != null ? flags.privateKeyFile() : configKey;
        }
        String password = text(first(vars, template, "ansible_password", "ansible_ssh_pass", "ansible_ssh_password"));
        if (password == null) {
            password = flags.connectionPassword();
        }
        Object checking = first(vars, template, "ansible_ssh_host_key_checking", "ansible_host_key_checking");
        boolean hostKeyChecking = checking == null ? configHostKeyChecking : io.jplay.config.Booleans.isTrue(checking);
        Object timeoutVar = first(vars, template, "ansible_ssh_timeout");
        int timeout = timeoutVar != null ? Integer.parseInt(text(timeoutVar).trim())
                : flags.timeout() != null ? flags.timeout() : configTimeout;
        Object retriesVar = first(vars, template, "ansible_ssh_retries");
        int retries = retriesVar != null ? Integer.parseInt(text(retriesVar).trim()) : configRetries;
        String sshArgs = orElse(text(first(vars, template, "ansible_ssh_args")), configSshArgs);
        String commonArgs = orElse(text(first(vars, template, "ansible_ssh_common_args")),
                orElse(flags.sshCommonArgs(), configCommonArgs));
        String extraArgs = orElse(text(first(vars, template, "ansible_ssh_extra_args")),
                orElse(flags.sshExtraArgs(), configExtraArgs));

        SshSettings base = SshSettings.of(address[0], Integer.parseInt(address[1]), null)
                .withPassword(password)
                .withConnectionAttempts(retries + 1)
                .withAgentSocket(agentSocket);
        SshArgs args = new SshArgs(base).add(sshArgs);
        if (!hostKeyChecking) {
            args.option("StrictHostKeyChecking", "no");
        }
        args.option("Port", address[1]);
        if (key != null) {
            args.option("IdentityFile", expandHome(key));
        }
        args.option("User", user);
        args.option("ConnectTimeout", timeout);
        return args.add(commonArgs).add(extraArgs).settings();
    }

    private static Object first(Map<String, Object> vars, UnaryOperator<Object> template, String... names) {
        for (String name : names) {
            Object value = vars.get(name);
            if (value != null) {
                return template.apply(value);
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String orElse(String value, String fallback) {
        return value != null && !value.isEmpty() ? value : fallback;
    }


    private static String expandHome(String path) {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home")).resolve(path.substring(2)).toString() : path;
    }
}
