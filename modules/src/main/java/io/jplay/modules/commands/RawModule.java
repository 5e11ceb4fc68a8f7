package io.jplay.modules.commands;

import io.jplay.connection.Command;
import io.jplay.connection.ExecResult;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.Sh;

/**
 * ansible.builtin.raw: sends the free form to the connection as it is, output unstripped. Always changed;
 * skipped in check mode, as Ansible's raw action does.
 */
public final class RawModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("_raw_params", OptionType.STR).required()
            .option("executable", OptionType.STR)
            .build();

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        if (ctx.checkMode()) {
            return ModuleResult.builder().put("skipped", true).build();
        }
        String raw = ctx.args().string("_raw_params");
        String executable = ctx.args().string("executable");
        Command command = executable == null ? Command.shell(raw) : Command.shell(Sh.q(executable) + " -c " + Sh.q(raw));
        ExecResult r = ctx.connection().exec(command);
        ModuleResult result = ModuleResult.builder().changed(true).output(r.rc(), r.stdoutText(), r.stderrText()).build();
        if (r.rc() != 0) {
            throw new ModuleFailure("non-zero return code", result.toMap());
        }
        return result;
    }
}
