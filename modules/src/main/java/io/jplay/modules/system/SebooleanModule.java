package io.jplay.modules.system;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.Sh;

import java.util.List;

/**
 * ansible.posix.seboolean with getsebool/setsebool ({@code -P} when persistent) in one round trip. Where SELinux is
 * not enabled (Debian) it is a no-op with Ansible's "SELinux is disabled on this host." as its msg instead of
 * Ansible's failure, unless ignore_selinux_state asks to go on regardless.
 */
public final class SebooleanModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("ignore_selinux_state", OptionType.BOOL).defaultValue(false)
            .option("name", OptionType.STR).required()
            .option("persistent", OptionType.BOOL).defaultValue(false)
            .option("state", OptionType.BOOL).required()
            .build();

    @Override
    public String name() {
        return "seboolean";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.posix.seboolean", "ansible.builtin.seboolean", "ansible.legacy.seboolean");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String name = args.string("name");
        boolean persistent = args.bool("persistent");
        boolean state = args.bool("state");
        String n = Sh.q(name);
        String s = "PATH=$PATH:/usr/sbin:/sbin\n"
                + "if [ -r /sys/fs/selinux/enforce ] || [ " + args.bool("ignore_selinux_state") + " = true ]; then echo 'E|1'; else exit 0; fi\n"
                + "command -v getsebool >/dev/null 2>&1 || { echo 'X|'; exit 0; }\n"
                + "_v=$(getsebool " + n + " 2>/dev/null) || { echo 'N|'; exit 0; }; printf 'V|%s\\n' \"$_v\"\n"
                + "case $_v in *'--> on'*) _c=true;; *) _c=false;; esac\n"
                + "if [ $_c != " + state + " ]; then echo 'CH|'\n"
                + (ctx.checkMode() ? "" : "  setsebool " + (persistent ? "-P " : "") + n + " " + (state ? "on" : "off") + " >/dev/null 2>&1 || echo 'F|'\n")
                + "fi\n";
        Probe.Result probe = Probe.parse(ctx.connection().sh(s).stdout());
        ModuleResult.Builder result = ModuleResult.builder().put("name", name).put("persistent", persistent).put("state", state);
        if (probe.record("E") == null) {
            return result.changed(false).msg("SELinux is disabled on this host.").build();
        }
        if (probe.record("X") != null) {
            throw new ModuleFailure("Failed to import the required Python library (libselinux-python): getsebool/setsebool are not installed on the target");
        }
        if (probe.record("N") != null) {
            throw new ModuleFailure("SELinux boolean " + name + " does not exist.");
        }
        if (probe.record("F") != null) {
            throw new ModuleFailure("Failed to set boolean " + name + " to " + (state ? "True" : "False"));
        }
        return result.changed(probe.record("CH") != null).build();
    }
}
