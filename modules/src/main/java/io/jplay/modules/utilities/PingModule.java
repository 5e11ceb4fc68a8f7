package io.jplay.modules.utilities;

import io.jplay.connection.ExecResult;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;

/**
 * ansible.builtin.ping: proves the host runs commands (a {@code true} round trip over the connection) and echoes
 * {@code data}; {@code data=crash} fails as Ansible's ping raises.
 */
public final class PingModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("data", OptionType.STR).defaultValue("pong")
            .build();

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        String data = ctx.args().string("data");
        if ("crash".equals(data)) {
            throw new ModuleFailure("boom");
        }
        ExecResult r = ctx.connection().sh("true");
        if (r.rc() != 0) {
            throw new ModuleFailure("the target could not run /bin/sh: " + r.stderrText().strip());
        }
        return ModuleResult.builder().put("ping", data).build();
    }
}
