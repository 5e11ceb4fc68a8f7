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

/**
 * ansible.builtin.group with groupadd/groupmod/groupdel, in one round trip: the script looks the group up, runs
 * the one command needed (none in check mode) and prints the group's entry afterwards.
 */
public final class GroupModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("state", OptionType.STR).defaultValue("present").choices("absent", "present")
            .option("name", OptionType.STR).required()
            .option("gid", OptionType.INT)
            .option("system", OptionType.BOOL).defaultValue(false)
            .option("local", OptionType.BOOL).defaultValue(false)
            .option("non_unique", OptionType.BOOL).defaultValue(false)
            .requiredIf("non_unique", true, "gid")
            .build();

    @Override
    public String name() {
        return "group";
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
        Long gid = args.integer("gid");
        boolean check = ctx.checkMode();
        String n = Sh.q(name);
        String local = args.bool("local") ? "l" : "";
        StringBuilder s = new StringBuilder("PATH=$PATH:/usr/sbin:/sbin\n")
                .append("_g=$(getent group ").append(n).append(") && printf 'B|%s\\n' \"$_g\"\n");
        String uniq = args.bool("non_unique") ? " -o" : "";
        if ("absent".equals(state)) {
            s.append("if [ -n \"$_g\" ]; then echo 'CH|'\n");
            if (!check) {
                s.append(Captured.script("c", local + "groupdel " + n));
            }
            s.append("fi\n");
        } else {
            String add = local + "groupadd" + (gid != null ? " -g " + gid + uniq : "") + (args.bool("system") ? " -r" : "") + " " + n;
            s.append("if [ -z \"$_g\" ]; then echo 'CH|'\n");
            if (!check) {
                s.append(Captured.script("c", add));
            }
            if (gid != null) {
                s.append("elif [ \"$(printf '%s' \"$_g\" | cut -d: -f3)\" != ").append(gid).append(" ]; then echo 'CH|'\n");
                if (!check) {
                    s.append(Captured.script("c", local + "groupmod -g " + gid + uniq + " " + n));
                }
            }
            s.append("fi\n");
        }
        s.append("_g=$(getent group ").append(n).append(") && printf 'A|%s\\n' \"$_g\"\n");
        Probe.Result probe = Probe.parse(ctx.connection().sh(s.toString()).stdout());
        boolean changed = probe.record("CH") != null;
        if (check && changed && (probe.record("B") == null || "absent".equals(state))) {
            // Ansible's check mode returns at once when it would add or delete the group
            return ModuleResult.builder().changed(true).build();
        }
        Captured c = Captured.of(probe, "c");
        if (c != null && c.rc() != 0) {
            throw new ModuleFailure(c.stderr(), java.util.Map.of("name", name));
        }
        ModuleResult.Builder result = ModuleResult.builder().put("name", name).put("state", state).changed(changed);
        if (c != null && !c.stdout().isEmpty()) {
            result.put("stdout", c.stdout());
        }
        if (c != null && !c.stderr().isEmpty()) {
            result.put("stderr", c.stderr());
        }
        String after = probe.record("A");
        if (after != null) {
            result.put("system", args.bool("system"));
            result.put("gid", Long.parseLong(after.split(":")[2]));
        }
        return result.build();
    }
}
