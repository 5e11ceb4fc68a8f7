package io.jplay.modules.files;

import io.jplay.connection.ExecResult;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.Sh;

import java.util.Base64;

/**
 * ansible.builtin.slurp: reads a remote file and returns it base64-encoded. The bytes come back raw over the
 * connection and are encoded on the controller, so the target needs no base64(1).
 */
public final class SlurpModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("src", OptionType.PATH).required().aliases("path")
            .build();

    @Override
    public String name() {
        return "slurp";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        String src = ctx.args().string("src");
        String p = Sh.q(src);
        // distinguish Ansible's error cases before cat so stdout carries only file bytes
        ExecResult r = ctx.connection().sh("if [ ! -e " + p + " ]; then printf ENOENT >&2; exit 3; fi\n"
                + "if [ -d " + p + " ]; then printf EISDIR >&2; exit 3; fi\n"
                + "if [ ! -r " + p + " ]; then printf EACCES >&2; exit 3; fi\n"
                + "exec cat -- " + p);
        if (r.rc() != 0) {
            String why = r.stderrText();
            switch (why) {
                case "ENOENT" -> throw new ModuleFailure("file not found: " + src);
                case "EISDIR" -> throw new ModuleFailure("source is a directory and must be a file: " + src);
                case "EACCES" -> throw new ModuleFailure("file is not readable: " + src);
                default -> throw new ModuleFailure("unable to slurp file: " + why.strip());
            }
        }
        return ModuleResult.builder()
                .put("content", Base64.getEncoder().encodeToString(r.stdout()))
                .put("source", src)
                .put("encoding", "base64")
                .build();
    }
}
