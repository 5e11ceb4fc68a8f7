package io.jplay.config;

import io.jplay.error.JplayException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's configuration: defaults, overridden by the first ansible.cfg found (ANSIBLE_CONFIG, ./ansible.cfg
 * unless the folder is world-writable, ~/.ansible.cfg, /etc/ansible/ansible.cfg), overridden by ANSIBLE_*
 * environment variables. Command-line flags are applied on top by the CLI.
 */
public final class AnsibleConfig {


    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$(\\w+)|\\$\\{(\\w+)}");

    private final Optional<IniFile> file;
    private final Map<String, String> env;
    private final Path cwd;
    private final Path home;

    private AnsibleConfig(Optional<IniFile> file, Map<String, String> env, Path cwd, Path home) {
        this.file = file;
        this.env = env;
        this.cwd = cwd;
        this.home = home;
    }

    /** The configuration of this process: its environment, working directory and home. */
    public static AnsibleConfig load() {
        return load(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
    }

    public static AnsibleConfig load(Map<String, String> env, Path cwd, Path home) {
        return new AnsibleConfig(findConfigFile(env, cwd, home).map(IniFile::read), Map.copyOf(env), cwd, home);
    }

    /** The config file in use, as {@code ansible-playbook --version} shows it ("config file = ..."). */
    public Optional<Path> configFile() {
        return file.map(IniFile::path);
    }

    static Optional<Path> findConfigFile(Map<String, String> env, Path cwd, Path home) {
        List<Path> candidates = new ArrayList<>();
        String fromEnv = env.get("ANSIBLE_CONFIG");
        if (fromEnv != null) {
            Path path = cwd.resolve(expandUser(fromEnv, home)).normalize();
            candidates.add(Files.isDirectory(path) ? path.resolve("ansible.cfg") : path);
        }
        if (!isWorldWritable(cwd)) {
            candidates.add(cwd.resolve("ansible.cfg"));
        }
        candidates.add(home.resolve(".ansible.cfg"));
        candidates.add(Path.of("/etc/ansible/ansible.cfg"));
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    private static boolean isWorldWritable(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    public boolean getBoolean(Setting setting) {
        return (Boolean) get(setting, Setting.Type.BOOLEAN);
    }

    public int getInt(Setting setting) {
        return (Integer) get(setting, Setting.Type.INTEGER);
    }

    public String getString(Setting setting) {
        return (String) get(setting, Setting.Type.STRING);
    }

    public Path getPath(Setting setting) {
        return (Path) get(setting, Setting.Type.PATH);
    }

    @SuppressWarnings("unchecked")
    public List<Path> getPaths(Setting setting) {
        if (setting.type() != Setting.Type.PATHSPEC && setting.type() != Setting.Type.PATHLIST) {
            throw new IllegalArgumentException(setting + " is not a list of paths");
        }
        return (List<Path>) value(setting);
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(Setting setting) {
        return (List<String>) get(setting, Setting.Type.LIST);
    }

    private Object get(Setting setting, Setting.Type expected) {
        if (setting.type() != expected) {
            throw new IllegalArgumentException(setting + " is of type " + setting.type() + ", not " + expected);
        }
        return value(setting);
    }

    /** The typed value: environment over ini file over default; paths resolved against their origin. */
    private Object value(Setting setting) {
        for (String name : reversed(setting.envNames())) {
            String raw = env.get(name);
            if (raw != null) {
                return convert(setting, raw, cwd, "environment variable " + name);
            }
        }
        if (file.isPresent()) {
            for (String[] key : reversed(setting.iniKeys())) {
                Optional<String> raw = file.get().get(key[0], key[1]);
                if (raw.isPresent()) {
                    return convert(setting, raw.get(), file.get().path().getParent(),
                            "'" + key[1] + "' in section [" + key[0] + "] of " + file.get().path());
                }
            }
        }
        Object fallback = setting.defaultValue();
        return fallback instanceof String text ? convert(setting, text, cwd, "default") : fallback;
    }

    private Object convert(Setting setting, String raw, Path baseDir, String origin) {
        switch (setting.type()) {
            case STRING:
                return raw;
            case BOOLEAN:
                // ensure_type uses boolean(strict=False): anything not truthy is False.
                return Booleans.isTrue(raw);
            case INTEGER:
                try {
                    return Integer.parseInt(raw.strip());
                } catch (NumberFormatException e) {
                    throw new JplayException("Invalid type for configuration option " + setting + " (from " + origin
                            + "): invalid literal for int() with base 10: '" + raw + "'");
                }
            case LIST:
                return raw.isBlank() ? List.of() : Arrays.stream(raw.split(",")).map(s -> unquote(s.strip())).toList();
            case PATH:
                return resolvePath(raw, baseDir);
            case PATHSPEC:
                return Arrays.stream(raw.split(":")).map(p -> resolvePath(p, baseDir)).toList();
            case PATHLIST:
                return Arrays.stream(raw.split(",")).map(p -> resolvePath(p.strip(), baseDir)).toList();
            default:
                throw new IllegalStateException("unknown setting type " + setting.type());
        }
    }

    /** Ansible's unfrackpath: expand $VARS (unknown ones stay) and ~, make absolute against the origin, normalise. */
    private Path resolvePath(String raw, Path baseDir) {
        String expanded = expandUser(expandVars(raw), home);
        return baseDir.resolve(expanded).normalize();
    }

    private String expandVars(String text) {
        Matcher m = ENV_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = env.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String expandUser(String path, Path home) {
        if (path.equals("~")) {
            return home.toString();
        }
        return path.startsWith("~/") ? home.resolve(path.substring(2)).toString() : path;
    }

    private static String unquote(String s) {
        if (s.length() > 1 && s.charAt(0) == s.charAt(s.length() - 1) && (s.charAt(0) == '"' || s.charAt(0) == '\'')) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
