package io.jplay.modules.system;

import io.jplay.connection.Command;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.Sh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.posix.mount on Linux. One round trip reads the fstab file and whether the path is a mount point
 * ({@code /proc/self/mountinfo}); the fstab rewrite is Ansible's, done here; a second round trip, only when
 * something changes, writes the file and mounts, unmounts or remounts (restoring the old fstab when the mount
 * fails, as Ansible does). The result echoes the effective arguments, as Ansible's does.
 */
public final class MountModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("boot", OptionType.BOOL).defaultValue(true)
            .option("dump", OptionType.STR).defaultValue("0")
            .option("fstab", OptionType.STR)
            .option("fstype", OptionType.STR)
            .option("path", OptionType.PATH).required().aliases("name")
            .option("opts", OptionType.STR)
            .option("passno", OptionType.STR).defaultValue("0")
            .option("src", OptionType.PATH)
            .option("backup", OptionType.BOOL).defaultValue(false)
            .option("state", OptionType.STR).required()
            .choices("absent", "absent_from_fstab", "mounted", "present", "unmounted", "remounted", "ephemeral")
            .requiredIf("state", "mounted", "src", "fstype")
            .requiredIf("state", "present", "src", "fstype")
            .requiredIf("state", "ephemeral", "src", "fstype")
            .build();

    @Override
    public String name() {
        return "mount";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.posix.mount", "ansible.builtin.mount", "ansible.legacy.mount");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs params = ctx.args();
        String state = params.string("state");
        String name = params.string("path");
        boolean check = ctx.checkMode();
        List<String> warnings = new ArrayList<>();

        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", name);
        args.put("opts", "defaults");
        args.put("dump", "0");
        args.put("passno", "0");
        args.put("fstab", params.string("fstab") == null ? "/etc/fstab" : params.string("fstab"));
        args.put("boot", "yes");
        for (String key : List.of("src", "fstype", "passno", "opts", "dump", "fstab")) {
            if (params.get(key) != null) {
                args.put(key, params.string(key));
            }
        }
        List<String> opts = new ArrayList<>(List.of(((String) args.get("opts")).split(",", -1)));
        if (opts.contains("noauto")) {
            warnings.add("Ignore the 'boot' due to 'opts' contains 'noauto'.");
        } else if (!params.bool("boot")) {
            args.put("boot", "no");
            if (opts.contains("defaults")) {
                warnings.add("Ignore the 'boot' due to 'opts' contains 'defaults'.");
            } else {
                opts.add("noauto");
                args.put("opts", String.join(",", opts));
            }
        }
        String fstab = (String) args.get("fstab");
        String n = Sh.q(name);
        String probeScript = "PATH=$PATH:/sbin:/usr/sbin\n"
                + "awk -v p=" + Sh.q(mountinfoEscape(name).replace("\\", "\\\\")) + " '$5 == p { f = 1 } END { exit !f }' /proc/self/mountinfo && echo 'M|1'\n"
                + "[ -e " + n + " ] && echo 'E|1'\n"
                + (state.equals("ephemeral") ? "" : "[ -f " + Sh.q(fstab) + " ] && { " + Probe.content(fstab).strip() + "; }\n");
        Probe.Result probe = Probe.parse(ctx.connection().sh(probeScript).stdout());
        boolean mounted = probe.record("M") != null;
        boolean exists = probe.record("E") != null;
        String oldText = probe.content() == null ? "" : new String(probe.content(), StandardCharsets.UTF_8);

        boolean changed = false;
        String newText = null;
        StringBuilder action = new StringBuilder();
        String fstabArgs = "/etc/fstab".equals(fstab) || params.get("fstab") == null ? "" : " -T " + Sh.q(fstab);
        switch (state) {
            case "absent_from_fstab", "absent" -> {
                newText = unset(oldText, name, args);
                changed = newText != null;
                if (changed && state.equals("absent")) {
                    if (mounted) {
                        action.append("_o=$(umount ").append(n).append(" 2>&1) || { printf 'F|Error unmounting %s: %s\\n' ").append(n)
                                .append(" \"$_o\"; exit 0; }\n");
                    }
                    action.append("if [ -e ").append(n).append(" ]; then _o=$(rmdir ").append(n)
                            .append(" 2>&1) || { printf 'F|Error rmdir %s: %s\\n' ").append(n).append(" \"$_o\"; exit 0; }; fi\n");
                }
            }
            case "unmounted" -> {
                if (mounted) {
                    changed = true;
                    action.append("_o=$(umount ").append(n).append(" 2>&1) || { printf 'F|Error unmounting %s: %s\\n' ").append(n)
                            .append(" \"$_o\"; exit 0; }\n");
                }
            }
            case "mounted", "ephemeral" -> {
                if (!exists) {
                    action.append("mkdir -p ").append(n).append(" 2>/dev/null || { printf 'F|Error making dir %s\\n' ").append(n).append("; exit 0; }\n");
                }
                if (state.equals("mounted")) {
                    newText = set(oldText, args);
                    changed = newText != null;
                }
                String ephemeral = state.equals("ephemeral") ? " -t " + Sh.q((String) args.get("fstype"))
                        + ("defaults".equals(args.get("opts")) ? "" : " -o " + Sh.q((String) args.get("opts"))) + " " + Sh.q((String) args.get("src")) : "";
                if (mounted) {
                    if (changed || state.equals("ephemeral")) {
                        changed = true;
                        action.append(remount(n, fstabArgs + ephemeral, false, null));
                    }
                } else {
                    changed = true;
                    action.append("_o=$(mount").append(state.equals("ephemeral") ? "" : fstabArgs).append(ephemeral).append(' ').append(n)
                            .append(" 2>&1) || { echo 'RB|1'; printf 'F|Error mounting %s: %s\\n' ").append(n).append(" \"$(printf '%s' \"$_o\" | tr '\\n' ' ')\"; exit 0; }\n");
                }
            }
            case "present" -> {
                newText = set(oldText, args);
                changed = newText != null;
            }
            case "remounted" -> {
                changed = true;
                String o = (String) args.get("opts");
                action.append(remount(n, fstabArgs, true, "defaults".equals(o) ? null : o));
            }
            default -> throw new ModuleFailure("Unexpected position reached");
        }
        args.put("backup_file", "");
        if (changed && !check && (newText != null || action.length() > 0)) {
            StringBuilder s = new StringBuilder("PATH=$PATH:/sbin:/usr/sbin\n");
            String f = Sh.q(fstab);
            if (newText != null) {
                s.append("_old=$(mktemp) || exit 1; [ -f ").append(f).append(" ] && cat ").append(f).append(" > \"$_old\"\n");
                if (params.bool("backup")) {
                    s.append("_b=").append(f).append(".$$.$(date +%Y-%m-%d@%H:%M:%S~); cp -p ").append(f).append(" \"$_b\" && printf 'B|%s\\n' \"$_b\"\n");
                }
                s.append("mkdir -p \"$(dirname ").append(f).append(")\"; cat > ").append(f).append(" || { echo 'F|Failed to write ").append(fstab.replace("'", "")).append("'; exit 0; }\n");
            }
            // a failed mount puts the old fstab back (ansible/ansible#59183)
            s.append(action.toString().replace("echo 'RB|1';", newText != null ? "cat \"$_old\" > " + f + ";" : ""));
            if (newText != null) {
                s.append("rm -f \"$_old\"\n");
            }
            Probe.Result done = Probe.parse(ctx.connection().exec(Command.shell(s.toString())
                    .withStdin((newText == null ? "" : newText).getBytes(StandardCharsets.UTF_8))).stdout());
            if (done.record("B") != null) {
                args.put("backup_file", done.record("B"));
            }
            if (done.record("F") != null) {
                throw new ModuleFailure(done.record("F"));
            }
        }
        ModuleResult.Builder result = ModuleResult.builder().changed(changed).putAll(args);
        if (!warnings.isEmpty()) {
            result.put("warnings", warnings);
        }
        return result.build();
    }

    /** Ansible's remount(): mount -o remount, else umount + mount (not when options were given to remounted). */
    private static String remount(String n, String extra, boolean remountedState, String opts) {
        String o = opts == null ? "remount" : "remount," + opts;
        String fallback = remountedState && opts != null
                ? "printf 'F|%s\\n' 'Options were specified with remounted, but the remount command failed. Failing in order to prevent an unexpected mount result. Try replacing this command with a \"state: unmounted\" followed by a \"state: mounted\" using the full desired mount options instead.'; exit 0"
                : "_o=$(umount " + n + " 2>&1) && _o=$(mount" + extra + " " + n + " 2>&1) || { printf 'F|Error " + (remountedState ? "remounting" : "mounting")
                + " %s: %s\\n' " + n + " \"$(printf '%s' \"$_o\" | tr '\\n' ' ')\"; exit 0; }";
        return "if ! mount -o " + Sh.q(o) + extra + " " + n + " >/dev/null 2>&1; then " + fallback + "; fi\n";
    }

    /** Ansible's _set_mount_save_old: the new fstab text, or null when the entry is already right. */
    private static String set(String oldText, Map<String, Object> args) {
        List<String> out = new ArrayList<>();
        boolean exists = false;
        boolean changed = false;
        Map<String, String> esc = new LinkedHashMap<>();
        for (String k : List.of("src", "name", "fstype", "opts", "dump", "passno")) {
            esc.put(k, escape(String.valueOf(args.get(k))));
        }
        for (String line : lines(oldText)) {
            if (line.strip().isEmpty() || line.strip().startsWith("#")) {
                out.add(line);
                continue;
            }
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 4 || fields.length > 6) {
                out.add(line);
                continue;
            }
            Map<String, String> ld = new LinkedHashMap<>();
            List<String> labels = List.of("src", "name", "fstype", "opts", "dump", "passno");
            ld.put("dump", "0");
            ld.put("passno", "0");
            for (int i = 0; i < fields.length; i++) {
                ld.put(labels.get(i), fields[i]);
            }
            if (!ld.get("name").equals(esc.get("name")) || ("none".equals(ld.get("name")) && "swap".equals(ld.get("fstype"))
                    && !ld.get("src").equals(args.get("src")))) {
                out.add(line);
                continue;
            }
            exists = true;
            for (String t : List.of("src", "fstype", "opts", "dump", "passno")) {
                if (!ld.get(t).equals(esc.get(t))) {
                    ld.put(t, esc.get(t));
                    changed = true;
                }
            }
            out.add(changed ? entry(ld) : line);
        }
        if (!exists) {
            out.add(entry(esc));
            changed = true;
        }
        return changed ? String.join("", out) : null;
    }

    /** Ansible's unset_mount: the fstab text without the path's entries, or null when there was none. */
    private static String unset(String oldText, String name, Map<String, Object> args) {
        List<String> out = new ArrayList<>();
        boolean changed = false;
        String escaped = escape(name);
        for (String line : lines(oldText)) {
            String[] fields = line.strip().split("\\s+");
            if (line.strip().isEmpty() || line.strip().startsWith("#") || fields.length != 6) {
                out.add(line);
                continue;
            }
            if (!fields[1].equals(escaped) || ("none".equals(fields[1]) && "swap".equals(fields[2]) && args.get("src") != null
                    && !fields[0].equals(args.get("src")))) {
                out.add(line);
                continue;
            }
            changed = true;
        }
        return changed ? String.join("", out) : null;
    }

    private static String entry(Map<String, String> ld) {
        return ld.get("src") + " " + ld.get("name") + " " + ld.get("fstype") + " " + ld.get("opts") + " " + ld.get("dump") + " " + ld.get("passno") + "\n";
    }

    /** The file's lines, each ending with a newline (Ansible adds one to a last line without). */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                out.add(text.substring(start) + "\n");
                break;
            }
            out.add(text.substring(start, nl + 1));
            start = nl + 1;
        }
        return out;
    }

    private static String escape(String v) {
        return v.replace("\\", "\\134").replace(" ", "\\040").replace("&", "\\046");
    }

    /** The kernel's escaping of mount points in mountinfo (space, tab, newline, backslash as octal). */
    private static String mountinfoEscape(String path) {
        return path.replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011").replace("\n", "\\012");
    }
}
