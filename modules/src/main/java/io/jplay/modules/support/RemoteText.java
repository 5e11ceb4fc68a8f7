package io.jplay.modules.support;

import io.jplay.connection.Connection;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleFailure;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read-edit-write cycle of lineinfile, blockinfile and replace: one round trip fetches the file's stat,
 * real path and bytes; the module edits them in Java; a second round trip writes them back only if they
 * changed, with the common file attributes applied in the same script.
 */
public final class RemoteText {

    private final String path;
    private final RemoteStat stat;
    private final String realPath;
    private final byte[] content;
    private final boolean parentExists;
    private final int umask;

    private RemoteText(String path, RemoteStat stat, String realPath, byte[] content, boolean parentExists, int umask) {
        this.path = path;
        this.stat = stat;
        this.realPath = realPath;
        this.content = content;
        this.parentExists = parentExists;
        this.umask = umask;
    }

    public static RemoteText read(Connection connection, String path) {
        String p = Sh.q(path);
        String parent = path.contains("/") ? path.substring(0, Math.max(path.lastIndexOf('/'), 1)) : ".";
        Probe.Result r = FileFacts.probe(connection, Probe.stat("f", path, true, false) + Probe.stat("d", parent, true, false)
                + "if [ -e " + p + " ]; then printf 'R|%s\\n' \"$(readlink -f -- " + p + " 2>/dev/null || realpath -- " + p + " 2>/dev/null)\"; fi\n"
                + "if [ -f " + p + " ]; then " + Probe.content(path).strip() + "; fi\n");
        String real = r.record("R");
        return new RemoteText(path, r.stat("f"), real == null || real.isBlank() ? path : real.strip(),
                r.content() == null ? new byte[0] : r.content(), r.stat("d").exists(), r.umask());
    }

    public boolean exists() {
        return stat.exists();
    }

    public boolean isDirectory() {
        return stat.isDir();
    }

    public RemoteStat stat() {
        return stat;
    }

    public byte[] bytes() {
        return content;
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /**
     * Writes new content (creating missing parent directories for a new file), taking a backup when asked.
     * Validation failures are reported with these modules' wording: {@code failed to validate: rc:N error:...}.
     * @return the backup file name or null
     */
    public String write(Connection connection, byte[] data, ModuleArgs args, boolean backup) {
        if (!stat.exists() && !parentExists) {
            String parent = path.substring(0, Math.max(path.lastIndexOf('/'), 1));
            io.jplay.connection.ExecResult r = connection.sh("mkdir -p -- " + Sh.q(parent));
            if (r.rc() != 0) {
                throw new ModuleFailure("Error creating " + parent + " (" + r.stderrText().strip() + ")");
            }
        }
        FileAttributes.Plan plan = attributesPlan(args);
        try {
            return FileWriter.write(connection, realPath, data, stat, backup, args.string("validate"), plan).backupFile();
        } catch (ModuleFailure e) {
            if (e.getMessage().equals("failed to validate")) {
                Map<String, Object> extra = e.extra();
                throw new ModuleFailure("failed to validate: rc:" + extra.get("exit_status") + " error:" + extra.get("stderr"));
            }
            throw e;
        }
    }

    /** What mode/owner/group changes the file needs after a write (or now, when the content stays). */
    public FileAttributes.Plan attributesPlan(ModuleArgs args) {
        RemoteStat base = stat.exists() ? stat : new RemoteStat(true, 0100000 | (0666 & ~umask), -1, -1, null, null, 0, 0, 0, 0, 0, 1, 0, null, null);
        return FileAttributes.plan(args, realPath, base, umask, true);
    }

    /**
     * Fixes mode/owner/group of an unchanged file (check_file_attrs); returns the attribute diff's before/after
     * or null when nothing differs. Does nothing to the target in check mode.
     */
    public FileAttributes.Plan fixAttributes(Connection connection, ModuleArgs args, boolean checkMode) {
        if (!stat.exists()) {
            return null;
        }
        FileAttributes.Plan plan = FileAttributes.plan(args, realPath, stat, umask, true);
        if (!plan.changed()) {
            return null;
        }
        if (!checkMode) {
            FileFacts.change(connection, plan.commands(), realPath, true);
        }
        return plan;
    }

    /** The attribute half of the diff list lineinfile and blockinfile return. */
    public Map<String, Object> attributeDiff(FileAttributes.Plan plan) {
        Map<String, Object> diff = new LinkedHashMap<>();
        if (plan != null) {
            diff.put("before", plan.before());
            diff.put("after", plan.after());
        }
        diff.put("before_header", path + " (file attributes)");
        diff.put("after_header", path + " (file attributes)");
        return diff;
    }

    public static final String ATTRIBUTES_CHANGED = "ownership, perms or SE linux context changed";
}
