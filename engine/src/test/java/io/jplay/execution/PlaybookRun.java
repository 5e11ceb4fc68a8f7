package io.jplay.execution;

import io.jplay.config.AnsibleConfig;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a playbook written by a test against a local-only inventory and keeps its output and exit code. */
final class PlaybookRun {

    final int rc;
    final String out;
    final String err;

    private PlaybookRun(int rc, String out, String err) {
        this.rc = rc;
        this.out = out;
        this.err = err;
    }

    static PlaybookRun run(Path dir, String playbook, String inventory, List<String> extraArgs) {
        try {
            Files.writeString(dir.resolve("playbook.yml"), playbook);
            Files.writeString(dir.resolve("hosts"), inventory);
            Map<String, String> env = Map.of("ANSIBLE_NOCOLOR", "1", "ANSIBLE_FORKS", "1");
            AnsibleConfig config = AnsibleConfig.load(env, dir, dir);
            ExecutorOptions options = new ExecutorOptions(List.of(dir.resolve("hosts").toString()), extraArgs, List.of(),
                    List.of(), List.of(), false, false, 1, 0, null, false, null, null, false, null, null, dir, env, ConnectionFlags.NONE);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int rc = new PlaybookExecutor(options, config, out, err).run(List.of("playbook.yml"));
            return new PlaybookRun(rc, out.toString(), err.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PlaybookRun run(Path dir, String playbook) {
        return run(dir, playbook, "localhost ansible_connection=local\n", List.of());
    }

    /** The PLAY RECAP line of a host, without its trailing spaces. */
    String recap(String host) {
        return out.lines().filter(l -> l.startsWith(host + " ") && l.contains(" : ok=")).findFirst().orElseThrow()
                .replaceAll("\\s+", " ").strip();
    }
}
