package io.jplay.modules.support;

import io.jplay.connection.Command;
import io.jplay.connection.Connection;
import io.jplay.connection.ExecResult;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleFailure;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replaces a remote file's content in one round trip, the way AnsibleModule.atomic_move does: bytes go on
 * stdin into a temp file beside the destination, an existing file's mode and ownership are carried over,
 * an optional {@code validate} command checks the temp file, an optional backup is taken, the temp file is
 * renamed over the destination, the requested attributes are applied and the result is stat'ed.
 */
public final class FileWriter {

    /** What happened: the final stat and the backup's name if one was taken. */
    public record Written(RemoteStat stat, String backupFile) {
    }

    private FileWriter() {
    }

    /**
     * @param existing the destination's current stat (absent for a new file)
     * @param validate the validate option ({@code %s} becomes the temp file) or null
     */
    public static Written write(Connection connection, String dest, byte[] content, RemoteStat existing, boolean backup,
                                String validate, FileAttributes.Plan attributes) {
        String d = Sh.q(dest);
        StringBuilder s = new StringBuilder(Probe.PREAMBLE);
        s.append("_jt=").append(Sh.q(dest + ".jplay-tmp")).append(".$$\n");
        s.append("trap 'rm -f \"$_jt\"' EXIT\n");
        s.append("cat > \"$_jt\" || exit 1\n");
        if (existing.exists() && existing.isFile()) {
            s.append("chmod ").append(Integer.toOctalString(existing.permissions())).append(" \"$_jt\" || exit 1\n");
            s.append("chown ").append(existing.uid()).append(':').append(existing.gid()).append(" \"$_jt\" 2>/dev/null\n");
        }
        if (validate != null) {
            if (!validate.contains("%s")) {
                throw new ModuleFailure("validate must contain %s: " + validate);
            }
            // the validator's stderr goes to a file beside the temp file, removed with it
            s.append("trap 'rm -f \"$_jt\" \"$_jt.err\"' EXIT\n")
                    .append("_jv=$( ").append(validate.replace("%s", "\"$_jt\"")).append(" 2>\"$_jt.err\" ); _jrc=$?\n")
                    .append("if [ $_jrc -ne 0 ]; then printf 'V|%s\\n' \"$_jrc\"; printf '%s' \"$_jv\" | sed 's/^/O|/'; ")
                    .append("sed 's/^/E|/' \"$_jt.err\"; exit 0; fi\n");
        }
        String backupName = null;
        if (backup && existing.exists()) {
            backupName = dest + "." + ProcessHandle.current().pid() + "." + DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss").format(LocalDateTime.now()) + "~";
            s.append("cp -p -- ").append(d).append(' ').append(Sh.q(backupName)).append(" || exit 1\n");
        }
        s.append("mv -f -- \"$_jt\" ").append(d).append(" || exit 1\n");
        if (attributes != null && attributes.changed()) {
            s.append(attributes.commands()).append(" || exit 1\n");
        }
        s.append(Probe.stat("a", dest, false, false));
        ExecResult r = connection.exec(Command.shell(s.toString()).withStdin(content));
        if (r.rc() != 0) {
            throw new ModuleFailure("failed to write " + dest + ": " + r.stderrText().strip(), Map.of("dest", dest));
        }
        Probe.Result result = Probe.parse(r.stdout());
        if (result.record("V") != null) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("exit_status", Long.parseLong(result.record("V").strip()));
            extra.put("stdout", String.join("\n", result.records("O")));
            extra.put("stderr", String.join("\n", result.records("E")));
            throw new ModuleFailure("failed to validate", extra);
        }
        return new Written(result.stat("a"), backupName);
    }
}
