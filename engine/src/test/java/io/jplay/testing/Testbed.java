package io.jplay.testing;

import io.jplay.connection.BecomeConnection;
import io.jplay.connection.Connection;
import io.jplay.connection.ssh.SshConnection;
import io.jplay.connection.ssh.SshSettings;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The project's test bed (testbed/testbed.sh): real systemd Debian targets and plain sshd hosts on loopback,
 * an nginx mirror and an offline apt repository. {@link #instance()} brings it up once per test JVM (the
 * script is idempotent and serialises concurrent callers with a lock) and reads what it wrote to
 * {@code testbed.env}. The environment variables of testbed/README.md (TESTBED_DIR, ports ...) choose the
 * instance. A test bed that cannot come up fails the test: CI runs as root and must have it.
 */
public final class Testbed {

    private static Testbed instance;

    private final Path script;
    private final Properties env;

    private Testbed(Path script, Properties env) {
        this.script = script;
        this.env = env;
    }

    public static synchronized Testbed instance() {
        if (instance == null) {
            Path script = repoRoot().resolve("testbed/testbed.sh");
            run(script, "up");
            Path dir = Paths.get(System.getenv().getOrDefault("TESTBED_DIR", "/var/tmp/jplay-testbed"));
            Properties env = new Properties();
            try (Reader reader = Files.newBufferedReader(dir.resolve("testbed.env"))) {
                env.load(reader);
            } catch (IOException e) {
                throw new IllegalStateException("the test bed came up but " + dir.resolve("testbed.env") + " cannot be read", e);
            }
            instance = new Testbed(script, env);
        }
        return instance;
    }

    /** Reads testbed.env again, after a test changed the test bed (more sshd hosts ...); returns the new instance. */
    public static synchronized Testbed reload() {
        instance = null;
        return instance();
    }

    /** Runs {@code testbed.sh ARGS...}; fails with its output when it exits non-zero. */
    public String script(String... args) {
        return run(script, args);
    }

    private static String run(Path script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes());
            int rc = process.waitFor();
            if (rc != 0) {
                throw new IllegalStateException("testbed.sh " + String.join(" ", args) + " exited " + rc + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running testbed.sh", e);
        }
    }

    /** Runs a shell command as root inside a systemd target without SSH (for a test's setup and checks); its output, stripped. */
    public String shell(String target, String command) {
        return script("exec", target, "sh", "-c", command).strip();
    }

    /** A value of testbed.env, e.g. {@code TESTBED_HTTP_URL}. */
    public String env(String key) {
        String value = env.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("testbed.env has no " + key);
        }
        return value;
    }

    public Path inventory() {
        return Paths.get(env("TESTBED_INVENTORY"));
    }

    public Path key() {
        return Paths.get(env("TESTBED_KEY"));
    }

    public Path knownHosts() {
        return Paths.get(env("TESTBED_KNOWN_HOSTS"));
    }

    public String user() {
        return env("TESTBED_USER");
    }

    public String password() {
        return env("TESTBED_PASSWORD");
    }

    public String httpUrl() {
        return env("TESTBED_HTTP_URL");
    }

    /** The loopback port of {@code target1..} or {@code sshd1..}. */
    public int port(String host) {
        String key = host.startsWith("target") ? "TESTBED_TARGET_PORTS" : "TESTBED_SSHD_PORTS";
        int index = Integer.parseInt(host.replaceAll("\\D", "")) - 1;
        return Integer.parseInt(env(key).split(",")[index].trim());
    }

    /** SSH settings for logging in to a host as the test user with the test bed's key, host keys checked. */
    public SshSettings settings(String host) {
        return SshSettings.of("127.0.0.1", port(host), user())
                .withPrivateKeyFiles(List.of(key()))
                .withKnownHostsFiles(List.of(knownHosts()));
    }

    /** A connection to a host as the test user (not yet opened; the caller closes it). */
    public SshConnection userConnection(String host) {
        return new SshConnection(settings(host));
    }

    /** A connection to a systemd target as root (the test user through passwordless sudo), as modules run there. */
    public Connection rootConnection(String target) {
        return new BecomeConnection(userConnection(target), BecomeConnection.Method.SUDO, "root", null);
    }

    /** The repository root: the nearest folder up from here with testbed/testbed.sh. */
    public static Path repoRoot() {
        String repo = System.getProperty("jplay.repo");
        Path base = repo != null ? Paths.get(repo) : Paths.get("").toAbsolutePath();
        for (Path p = base.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("testbed/testbed.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find testbed/testbed.sh above " + base);
    }
}
