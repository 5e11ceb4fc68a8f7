package io.jplay.modules.commands;

import io.jplay.connection.Command;
import io.jplay.connection.ExecResult;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.Sh;
import io.jplay.modules.support.ShellWords;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.script: a controller-side script, found like copy's src, is sent on stdin to a wrapper that
 * checks creates/removes, stores it in the remote temp dir, runs it with the rest of the free form as
 * arguments and removes it again: one round trip.
 */
public final class ScriptModule implements Module {

    private static final String SKIP_MARK = "@@JPLAY_SKIP";

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("_raw_params", OptionType.STR).aliases("cmd")
            .option("creates", OptionType.STR)
            .option("removes", OptionType.STR)
            .option("chdir", OptionType.STR)
            .option("executable", OptionType.STR)
            .option("decrypt", OptionType.BOOL).defaultValue(true)
            .build();

    @Override
    public String name() {
        return "script";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String raw = args.string("_raw_params");
        if (raw == null || raw.isBlank()) {
            throw new ModuleFailure("script requires a script path and optional arguments");
        }
        String chdir = args.string("chdir");
        if (chdir != null && !chdir.startsWith("/")) {
            throw new ModuleFailure("chdir " + chdir + " must be an absolute path for a Unix-aware remote node");
        }
        List<String> parts = ShellWords.split(raw.strip());
        Path source = ctx.sources().resolve("files", parts.get(0));
        byte[] body;
        try {
            body = Files.readAllBytes(source);
        } catch (IOException e) {
            throw new ModuleFailure("Could not find or access '" + parts.get(0) + "' on the Ansible Controller.");
        }
        String creates = args.string("creates");
        String removes = args.string("removes");

        StringBuilder script = new StringBuilder();
        if (creates != null) {
            script.append("if [ -e ").append(Sh.q(creates)).append(" ]; then printf '").append(SKIP_MARK).append("creates'; exit 0; fi\n");
        }
        if (removes != null) {
            script.append("if [ ! -e ").append(Sh.q(removes)).append(" ]; then printf '").append(SKIP_MARK).append("removes'; exit 0; fi\n");
        }
        boolean run = !ctx.checkMode();
        if (run) {
            String remote = ctx.remoteTmp() + "/jplay-script-$$-" + source.getFileName();
            // the rest of the free form keeps the user's quoting, as Ansible's replace(parts[0], tmp_src) does
            String rest = raw.strip().substring(raw.strip().indexOf(parts.get(0)) + parts.get(0).length());
            String executable = args.string("executable");
            script.append("_js=\"").append(remote.replace("\"", "\\\"")).append("\"\n")
                    .append("(umask 077 && cat > \"$_js\") && chmod 700 \"$_js\" || exit 1\n")
                    .append(chdir == null ? "" : "cd -- " + Sh.q(chdir) + " || { rm -f \"$_js\"; exit 1; }\n")
                    .append(executable == null ? "" : Sh.q(executable) + " ").append("\"$_js\"").append(rest).append(" </dev/null\n")
                    .append("_jrc=$?; rm -f \"$_js\"; exit $_jrc\n");
        }
        ExecResult r = ctx.connection().exec(Command.shell(script.toString()).withStdin(run ? body : null));
        String out = r.stdoutText();
        if (out.startsWith(SKIP_MARK)) {
            boolean created = out.endsWith("creates");
            return ModuleResult.builder().skipped(created
                    ? creates + " exists, matching creates option"
                    : removes + " does not exist, matching removes option").build();
        }
        if (!run) {
            if (creates != null || removes != null) {
                return ModuleResult.builder().changed(true).build();
            }
            return ModuleResult.builder().skipped("Check mode is not supported for this task.").build();
        }
        ModuleResult result = ModuleResult.builder().changed(true).output(r.rc(), out, r.stderrText()).build();
        if (r.rc() != 0) {
            throw new ModuleFailure("non-zero return code", result.toMap());
        }
        return result;
    }

}
