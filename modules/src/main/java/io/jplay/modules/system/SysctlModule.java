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
import java.util.regex.Pattern;

/**
 * ansible.posix.sysctl (Linux). One round trip reads the live value ({@code sysctl -e -n}) and the file; the
 * decisions and the file's new lines are Ansible's, worked out here; a second round trip, only when something
 * changes, writes the file (in place of the old one, keeping its mode and owner), sets the value with
 * {@code sysctl -w} and reloads with {@code sysctl -p FILE}. The result is only {@code changed}, as in Ansible.
 */
public final class SysctlModule implements Module {

    private static final Pattern SET_FAILED = Pattern.compile("^sysctl: setting key \"[^\"]+\": (Invalid argument|Read-only file system)$", Pattern.MULTILINE);
    private static final List<String> TRUE_WORDS = List.of("y", "yes", "on", "1", "true", "t");
    private static final List<String> FALSE_WORDS = List.of("n", "no", "off", "0", "false", "f");

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("name", OptionType.STR).required().aliases("key")
            .option("value", OptionType.STR).aliases("val")
            .option("state", OptionType.STR).defaultValue("present").choices("present", "absent")
            .option("reload", OptionType.BOOL).defaultValue(true)
            .option("sysctl_set", OptionType.BOOL).defaultValue(false)
            .option("ignoreerrors", OptionType.BOOL).defaultValue(false)
            .option("sysctl_file", OptionType.PATH).defaultValue("/etc/sysctl.conf")
            .requiredIf("state", "present", "value")
            .build();

    @Override
    public String name() {
        return "sysctl";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.posix.sysctl", "ansible.builtin.sysctl", "ansible.legacy.sysctl");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String state = args.string("state");
        if ("present".equals(state) && args.get("value") == null) {
            throw new ModuleFailure("value cannot be None");
        }
        if (args.string("name").isEmpty()) {
            throw new ModuleFailure("name cannot be blank");
        }
        if ("present".equals(state) && "".equals(args.string("value"))) {
            throw new ModuleFailure("value cannot be blank");
        }
        String name = args.string("name").strip();
        String value = parseValue(args.string("value"));
        String file = args.string("sysctl_file");
        boolean reload = args.bool("reload");
        boolean ignoreErrors = args.bool("ignoreerrors");

        String probeScript = "command -v sysctl >/dev/null 2>&1 || PATH=$PATH:/sbin:/usr/sbin; command -v sysctl >/dev/null 2>&1 || { echo 'X|'; exit 0; }\n"
                + "_v=$(LANG=C LC_ALL=C sysctl -e -n " + Sh.q(name) + " 2>/dev/null) && printf 'V|%s\\n' \"$_v\"\n"
                + "if [ -f " + Sh.q(file) + " ]; then " + Probe.content(file).strip() + "; fi\n";
        Probe.Result probe = Probe.parse(ctx.connection().sh(probeScript).stdout());
        if (probe.record("X") != null) {
            throw new ModuleFailure("Failed to find required executable \"sysctl\" in paths: /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        }
        // sysctl -e -n prints nothing (rc 0) for an unknown key; Ansible's value is then the empty output
        String procValue = probe.record("V") == null ? null : probe.record("V");
        String text = probe.content() == null ? "" : new String(probe.content(), StandardCharsets.UTF_8);

        List<String> fileLines = new ArrayList<>();
        Map<String, String> fileValues = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            if (text.isEmpty()) {
                break;
            }
            String line = raw.strip();
            fileLines.add(line);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || !line.contains("=")) {
                continue;
            }
            int eq = line.indexOf('=');
            fileValues.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        List<String> fixed = fixLines(fileLines, name, value, state);
        String fileValue = fileValues.get(name);

        boolean changed = false;
        boolean writeFile = false;
        boolean setProc = false;
        if (fileValue == null && "present".equals(state)) {
            changed = true;
            writeFile = true;
        } else if (fileValue == null) {
            changed = false;
        } else if (!fileValue.isEmpty() && "absent".equals(state)) {
            changed = true;
            writeFile = true;
        } else if (!fileValue.equals(value)) {
            changed = true;
            writeFile = true;
        } else if (reload) {
            if (procValue == null || !valuesEqual(procValue, value)) {
                changed = true;
            }
        }
        if (args.bool("sysctl_set") && "present".equals(state)) {
            if (procValue == null) {
                changed = true;
            } else if (!valuesEqual(procValue, value)) {
                changed = true;
                setProc = true;
            }
        }
        if (ctx.checkMode() || !changed) {
            return ModuleResult.builder().changed(changed).build();
        }

        StringBuilder s = new StringBuilder("command -v sysctl >/dev/null 2>&1 || PATH=$PATH:/sbin:/usr/sbin\nexport LANG=C LC_ALL=C LC_MESSAGES=C\n");
        if (setProc) {
            s.append(Captured.script("w", "sysctl" + (ignoreErrors ? " -e" : "") + " -w " + Sh.q(name + "=" + value)));
        }
        StringBuilder content = new StringBuilder();
        if (writeFile) {
            for (String l : fixed) {
                content.append(l.strip()).append('\n');
            }
            String f = Sh.q(file);
            // the new text comes on stdin; cp -p first so the replacement keeps the file's mode and owner
            s.append("_d=$(dirname ").append(f).append("); _t=$(mktemp \"$_d/.ansible_m_sysctl_XXXXXXXX\") || { echo 'WF|'; exit 0; }\n")
                    .append("[ -f ").append(f).append(" ] && cp -p ").append(f).append(" \"$_t\"; [ -f ").append(f).append(" ] || chmod 0644 \"$_t\"\n")
                    .append("cat > \"$_t\" && mv -f \"$_t\" ").append(f).append(" || { rm -f \"$_t\"; echo 'WF|'; exit 0; }\n");
        }
        if (reload) {
            s.append(Captured.script("p", "sysctl" + (ignoreErrors ? " -e" : "") + " -p " + Sh.q(file)));
        }
        Probe.Result done = Probe.parse(ctx.connection().exec(Command.shell(s.toString())
                .withStdin(content.toString().getBytes(StandardCharsets.UTF_8))).stdout());
        Captured w = Captured.of(done, "w");
        if (w != null && (w.rc() != 0 || SET_FAILED.matcher(w.stderr()).find())) {
            throw new ModuleFailure("setting " + name + " failed: " + w.stdout() + w.stderr());
        }
        if (done.record("WF") != null) {
            throw new ModuleFailure("Failed to write to file " + file);
        }
        Captured p = Captured.of(done, "p");
        if (p != null && (p.rc() != 0 || SET_FAILED.matcher(p.stderr()).find())) {
            throw new ModuleFailure("Failed to reload sysctl: " + p.stdout() + p.stderr());
        }
        return ModuleResult.builder().changed(true).build();
    }

    /** Ansible's fix_lines: the key's first line rewritten (or dropped when absent), later duplicates dropped. */
    private static List<String> fixLines(List<String> lines, String name, String value, String state) {
        List<String> checked = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (String line : lines) {
            if (line.strip().isEmpty() || line.strip().startsWith("#") || line.strip().startsWith(";") || !line.contains("=")) {
                fixed.add(line);
                continue;
            }
            String t = line.strip();
            int eq = t.indexOf('=');
            String k = t.substring(0, eq).strip();
            String v = t.substring(eq + 1).strip();
            if (!checked.contains(k)) {
                checked.add(k);
                if (k.equals(name)) {
                    if ("present".equals(state)) {
                        fixed.add(k + "=" + value);
                    }
                } else {
                    fixed.add(k + "=" + v);
                }
            }
        }
        if (!checked.contains(name) && "present".equals(state)) {
            fixed.add(name + "=" + value);
        }
        return fixed;
    }

    private static String parseValue(String value) {
        if (value == null) {
            return "";
        }
        if (TRUE_WORDS.contains(value.toLowerCase())) {
            return "1";
        }
        if (FALSE_WORDS.contains(value.toLowerCase())) {
            return "0";
        }
        return value.strip();
    }

    private static boolean valuesEqual(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return List.of(a.strip().split("\\s+")).equals(List.of(b.strip().split("\\s+")));
    }
}
