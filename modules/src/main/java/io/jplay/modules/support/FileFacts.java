package io.jplay.modules.support;

import io.jplay.connection.Connection;
import io.jplay.connection.ExecResult;

/** Runs probe scripts and change scripts over a connection. */
public final class FileFacts {
    private FileFacts() {
    }

    /** Runs {@link Probe#PREAMBLE} followed by {@code body} and parses the records. */
    public static Probe.Result probe(Connection connection, String body) {
        ExecResult r = connection.sh(Probe.PREAMBLE + body);
        return Probe.parse(r.stdout());
    }

    /**
     * Runs a change script under {@code set -e} semantics (each command joined with {@code &&} by the caller),
     * then stats {@code path} as tag {@code a}. Fails with the script's stderr when it exits non-zero.
     */
    public static Probe.Result change(Connection connection, String commands, String path, boolean follow) {
        String script = Probe.PREAMBLE + "{\n" + commands + "\n} || { _jrc=$?; exit $_jrc; }\n" + Probe.stat("a", path, follow, false);
        ExecResult r = connection.sh(script);
        if (r.rc() != 0) {
            throw new io.jplay.module.ModuleFailure(r.stderrText().strip().isEmpty() ? "command failed with rc " + r.rc() : r.stderrText().strip(),
                    java.util.Map.of("path", path));
        }
        return Probe.parse(r.stdout());
    }
}
