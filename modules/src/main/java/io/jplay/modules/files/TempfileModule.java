package io.jplay.modules.files;

import io.jplay.connection.ExecResult;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.FileAttributes;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.Sh;

import java.security.SecureRandom;

/**
 * ansible.builtin.tempfile: creates a uniquely named file (mode 0600, created with noclobber so an existing
 * name fails instead of being reused) or directory (mkdir, mode 0700) in one round trip. The name is chosen on
 * the controller like Python's tempfile (8 random characters), so the target needs no mktemp(1).
 */
public final class TempfileModule implements Module {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("state", OptionType.STR).defaultValue("file").choices("file", "directory")
            .option("path", OptionType.PATH)
            .option("prefix", OptionType.STR).defaultValue("ansible.")
            .option("suffix", OptionType.STR).defaultValue("")
            .build();

    @Override
    public String name() {
        return "tempfile";
    }

    @Override
    public boolean supportsCheckMode() {
        return false;
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        boolean directory = "directory".equals(args.string("state"));
        String dir = args.string("path");
        for (int attempt = 0; attempt < 10; attempt++) {
            String name = args.string("prefix") + randomName() + args.string("suffix");
            String parent = dir == null ? "\"${TMPDIR:-/tmp}\"" : Sh.q(dir);
            String script = Probe.PREAMBLE + "_jp=" + parent + "/" + Sh.q(name) + "\n"
                    + (directory ? "mkdir -m 700 -- \"$_jp\" 2>/dev/null || exit 17\n"
                    : "(umask 077; set -C; : > \"$_jp\") 2>/dev/null || { [ -e \"$_jp\" ] && exit 17; exit 1; }\n")
                    + "printf 'P|%s\\n' \"$_jp\"\n_jst a \"$_jp\" 0 0\n";
            ExecResult r = ctx.connection().sh(script);
            if (r.rc() == 17 && directory) {
                // mkdir fails the same way for an existing name and a missing parent: tell them apart
                ExecResult exists = ctx.connection().sh("[ -d " + (dir == null ? "\"${TMPDIR:-/tmp}\"" : Sh.q(dir)) + " ]");
                if (exists.rc() != 0) {
                    throw new ModuleFailure("[Errno 2] No such file or directory: '" + (dir == null ? "/tmp" : dir) + "/" + name + "'");
                }
                continue;
            }
            if (r.rc() == 17) {
                continue;
            }
            if (r.rc() != 0) {
                throw new ModuleFailure("[Errno 2] No such file or directory: '" + (dir == null ? "/tmp" : dir) + "/" + name + "'");
            }
            Probe.Result facts = Probe.parse(r.stdout());
            return ModuleResult.builder().changed(true).put("path", facts.record("P"))
                    .putAll(FileAttributes.pathInfo(facts.stat("a"))).build();
        }
        throw new ModuleFailure("No usable temporary file name found");
    }

    private static String randomName() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
