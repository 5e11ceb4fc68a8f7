package io.jplay.connection;

import java.nio.charset.StandardCharsets;

/** What a command left behind: exit status and the raw bytes it wrote. Text views decode UTF-8 leniently. */
public record ExecResult(int rc, byte[] stdout, byte[] stderr) {

    public ExecResult {
        stdout = stdout == null ? new byte[0] : stdout;
        stderr = stderr == null ? new byte[0] : stderr;
    }

    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    public boolean succeeded() {
        return rc == 0;
    }
}
