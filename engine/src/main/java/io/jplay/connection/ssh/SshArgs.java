package io.jplay.connection.ssh;

import io.jplay.connection.ConnectionException;
import io.jplay.inventory.PosixShlex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the OpenSSH command-line options that inventories pass through {@code ansible_ssh_common_args},
 * {@code ansible_ssh_extra_args} and ansible.cfg's {@code ssh_args}, and applies the ones that change how jplay
 * connects: {@code -o Key=Value} (StrictHostKeyChecking, UserKnownHostsFile, ProxyCommand, ProxyJump,
 * ConnectTimeout, ConnectionAttempts, ServerAliveInterval, Port, User, IdentityFile), {@code -i}, {@code -p},
 * {@code -l} and {@code -J}. Options that only tune OpenSSH's own process (ControlMaster, ControlPersist,
 * -C, ForwardAgent ...) have no meaning for a single in-process connection and are ignored.
 *
 * <p>As with OpenSSH, the first value given for an option wins, so callers add arguments in the order Ansible's
 * ssh plugin puts them on ssh's command line (ssh_args, host_key_checking, port, key, user, timeout, then
 * ssh_common_args and ssh_extra_args). IdentityFile is the exception: every one given is offered.
 */
public final class SshArgs {

    private SshSettings result;
    private final java.util.Set<String> decided = new java.util.HashSet<>();

    public SshArgs(SshSettings base) {
        this.result = base;
    }

    public SshSettings settings() {
        return result;
    }

    /** Adds {@code -o key=value}, ignored when the option already has a value. */
    public SshArgs option(String key, Object value) {
        if (value != null) {
            option(key + "=" + value);
        }
        return this;
    }

    /** Adds the options of {@code args}, a shell-quoted string as ssh would get it. */
    public SshArgs add(String args) {
        if (args == null || args.isBlank()) {
            return this;
        }
        List<String> words;
        try {
            words = PosixShlex.split(args);
        } catch (PosixShlex.ShlexException e) {
            throw new ConnectionException("cannot read the ssh arguments '" + args + "': " + e.getMessage());
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String value = i + 1 < words.size() ? words.get(i + 1) : null;
            switch (word) {
                case "-o" -> {
                    option(value);
                    i++;
                }
                case "-i" -> {
                    option("IdentityFile=" + value);
                    i++;
                }
                case "-p" -> {
                    option("Port=" + value);
                    i++;
                }
                case "-l" -> {
                    option("User=" + value);
                    i++;
                }
                case "-J" -> {
                    option("ProxyJump=" + value);
                    i++;
                }
                case "-F", "-c", "-m", "-b", "-E", "-L", "-R", "-D", "-W", "-S", "-O", "-Q", "-w", "-e", "-I", "-B" -> i++;
                default -> {
                    if (word.startsWith("-o") && word.length() > 2) {
                        option(word.substring(2));
                    } else if (word.startsWith("-i") && word.length() > 2) {
                        option("IdentityFile=" + word.substring(2));
                    }
                    // flags such as -C, -q, -A, -T, -v are about OpenSSH's own process
                }
            }
        }
        return this;
    }

    /** One {@code Key=Value} or {@code Key Value} option, keys case-insensitive as in ssh_config. */
    private void option(String option) {
        if (option == null) {
            return;
        }
        String[] parts = option.trim().split("\\s*=\\s*|\\s+", 2);
        if (parts.length < 2) {
            return;
        }
        String key = parts[0].toLowerCase(Locale.ROOT);
        String value = unquote(parts[1].trim());
        if (!key.equals("identityfile") && !decided.add(key)) {
            return;
        }
        try {
            result = apply(result, key, value);
        } catch (NumberFormatException e) {
            throw new ConnectionException("the ssh option " + parts[0] + " needs a number, not '" + value + "'");
        }
    }

    private static SshSettings apply(SshSettings settings, String key, String value) {
        return switch (key) {
            case "stricthostkeychecking" -> settings.withHostKeyChecking(switch (value.toLowerCase(Locale.ROOT)) {
                case "no", "off" -> SshSettings.HostKeyChecking.NO;
                case "accept-new" -> SshSettings.HostKeyChecking.ACCEPT_NEW;
                default -> SshSettings.HostKeyChecking.YES;
            });
            case "userknownhostsfile" -> settings.withKnownHostsFiles(knownHosts(value));
            case "proxycommand" -> settings.withProxyCommand("none".equalsIgnoreCase(value) ? null : value);
            case "proxyjump" -> settings.withProxyJump("none".equalsIgnoreCase(value) ? null : value);
            case "connecttimeout" -> settings.withConnectTimeoutSeconds(Integer.parseInt(value));
            case "connectionattempts" -> settings.withConnectionAttempts(Integer.parseInt(value));
            case "serveraliveinterval" -> settings.withKeepAliveSeconds(Integer.parseInt(value));
            case "port" -> settings.withPort(Integer.parseInt(value));
            case "user" -> settings.withUser(value);
            case "identityfile" -> settings.withPrivateKeyFiles(append(settings.privateKeyFiles(), value));
            default -> settings;
        };
    }

    /** UserKnownHostsFile takes several files; /dev/null means none (every key is unknown). */
    private static List<Path> knownHosts(String value) {
        List<Path> files = new ArrayList<>();
        for (String file : value.split("\\s+")) {
            if (!file.isEmpty() && !file.equals("/dev/null")) {
                files.add(Path.of(expandHome(file)));
            }
        }
        return files;
    }

    private static List<Path> append(List<Path> files, String file) {
        List<Path> result = new ArrayList<>(files);
        if (file != null) {
            result.add(Path.of(expandHome(file)));
        }
        return result;
    }

    static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
