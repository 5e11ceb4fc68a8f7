package io.jplay.modules.system;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.ShellWords;
import io.jplay.modules.support.Sh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * community.general.modprobe (name, state, params) in one round trip: loaded means listed in /proc/modules
 * (dashes as underscores) or built in ({@code modules.builtin} of the running kernel); {@code modprobe [-n]}
 * loads, {@code modprobe -r [-n]} unloads. As in Ansible, a load counts as a change only when the module is
 * loaded afterwards (or in check mode). {@code persistent} other than {@code disabled} is refused.
 */
public final class ModprobeModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("name", OptionType.STR).required()
            .option("state", OptionType.STR).defaultValue("present").choices("absent", "present")
            .option("params", OptionType.STR).defaultValue("")
            .option("persistent", OptionType.STR).defaultValue("disabled").choices("disabled", "present", "absent")
            .build();

    @Override
    public String name() {
        return "modprobe";
    }

    @Override
    public List<String> aliases() {
        return List.of("community.general.modprobe", "ansible.builtin.modprobe", "ansible.legacy.modprobe");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String name = args.string("name");
        String state = args.string("state");
        String params = args.string("params");
        if (!"disabled".equals(args.string("persistent"))) {
            throw new ModuleFailure("jplay's modprobe module does not support persistent=" + args.string("persistent") + " yet");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("changed", false);
        result.put("name", name);
        result.put("params", params);
        result.put("state", state);

        StringBuilder words = new StringBuilder();
        for (String w : ShellWords.split(params)) {
            words.append(' ').append(Sh.q(w));
        }
        String n = Sh.q(name);
        String dry = ctx.checkMode() ? " -n" : "";
        String s = "PATH=$PATH:/sbin:/usr/sbin:/usr/local/sbin\n"
                + "command -v modprobe >/dev/null 2>&1 || { echo 'X|'; exit 0; }\n"
                + "loaded() {\n"
                + "  _m=$(printf '%s' " + n + " | tr - _)\n"
                + "  [ -r /proc/modules ] || { printf 'F|[Errno 2] No such file or directory: %s\\n' \"'/proc/modules'\"; exit 0; }\n"
                + "  grep -q \"^$_m \" /proc/modules && return 0\n"
                + "  _b=/lib/modules/$(uname -r)/modules.builtin\n"
                + "  [ -r \"$_b\" ] || { printf 'F|[Errno 2] No such file or directory: %s\\n' \"'$_b'\"; exit 0; }\n"
                + "  grep -q \"/\"" + n + "\"\\.ko\\$\" \"$_b\"\n"
                + "}\n"
                + ("present".equals(state)
                ? "if ! loaded; then echo 'A|load'\n"
                + Captured.script("l", "modprobe" + dry + " " + n + words)
                + (ctx.checkMode() ? "" : "  if loaded; then echo 'K|1'; else _w=$(modprobe -n --first-time " + n + words
                + " 2>&1 >/dev/null) || printf 'W|%s\\n' \"$(printf '%s' \"$_w\" | tr '\\n' ' ')\"; fi\n")
                + "fi\n"
                : "if loaded; then echo 'A|unload'\n"
                + Captured.script("l", "modprobe -r " + n + dry)
                + "fi\n");
        Probe.Result probe = Probe.parse(ctx.connection().sh(s).stdout());
        if (probe.record("X") != null) {
            throw new ModuleFailure("Failed to find required executable \"modprobe\" in paths: /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        }
        if (probe.record("F") != null) {
            throw new ModuleFailure(probe.record("F"), result);
        }
        Captured run = Captured.of(probe, "l");
        if (run != null && run.rc() != 0) {
            Map<String, Object> extra = new LinkedHashMap<>(result);
            extra.put("rc", (long) run.rc());
            extra.put("stdout", run.stdout());
            extra.put("stderr", run.stderr());
            throw new ModuleFailure(run.stderr(), extra);
        }
        if (probe.record("W") != null) {
            ctx.warn(probe.record("W").strip());
        }
        if (run != null) {
            boolean changed = "absent".equals(state) || ctx.checkMode() || probe.record("K") != null;
            result.put("changed", changed);
        }
        return ModuleResult.builder().putAll(result).build();
    }
}
