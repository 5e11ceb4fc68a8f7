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
import io.jplay.modules.support.PyTime;
import io.jplay.modules.support.Sh;
import io.jplay.modules.support.ShellWords;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.command: runs argv (free form split like shlex, or {@code argv}) without a shell.
 * One round trip: a small wrapper script does chdir, the creates/removes globs and the "command not found"
 * check, then {@code exec}s the command so its stdout, stderr and rc are the command's own.
 */
public class CommandModule implements Module {

    static final String SKIP_MARK = "@@JPLAY_SKIP";
    static final String NOCHDIR_MARK = "@@JPLAY_NOCHDIR";
    static final String ENOENT_MARK = "@@JPLAY_ENOENT";

    static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("_raw_params", OptionType.STR).aliases("cmd")
            .option("_uses_shell", OptionType.BOOL).defaultValue(false)
            .option("argv", OptionType.LIST).elements(OptionType.STR)
            .option("chdir", OptionType.PATH)
            .option("executable", OptionType.STR)
            .option("creates", OptionType.PATH)
            .option("removes", OptionType.PATH)
            .option("stdin", OptionType.STR)
            .option("stdin_add_newline", OptionType.BOOL).defaultValue(true)
            .option("strip_empty_ends", OptionType.BOOL).defaultValue(true)
            .build();

    @Override
    public String name() {
        return "command";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    /** Whether this module runs its command through a shell (shell sets it, command lets the task decide). */
    protected boolean usesShell(ModuleArgs args) {
        return args.bool("_uses_shell");
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        boolean shell = usesShell(args);
        String executable = args.string("executable");
        if (!shell && executable != null) {
            ctx.warn("As of Ansible 2.4, the parameter 'executable' is no longer supported with the 'command' module. Not using '" + executable + "'.");
            executable = null;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("stdout", "");
        r.put("stderr", "");
        r.put("rc", null);
        r.put("cmd", null);
        r.put("start", null);
        r.put("end", null);
        r.put("delta", null);
        r.put("msg", "");
        String raw = args.string("_raw_params");
        List<String> argv = args.strings("argv");
        if ((raw == null || raw.isBlank()) && (argv == null || argv.isEmpty())) {
            r.put("rc", 256L);
            r.put("msg", "no command given");
            return fail(r);
        }
        if (raw != null && argv != null) {
            r.put("rc", 256L);
            r.put("msg", "only command or argv can be given, not both");
            return fail(r);
        }
        Object cmd;
        String commandLine;
        if (shell && raw != null) {
            cmd = raw;
            commandLine = Sh.q(executable == null ? "/bin/sh" : executable) + " -c " + Sh.q(raw);
        } else {
            List<String> words = raw != null ? ShellWords.split(raw) : argv;
            cmd = words;
            commandLine = shell ? Sh.q(executable == null ? "/bin/sh" : executable) + " -c " + Sh.q(io.jplay.connection.ShellQuote.join(words))
                    : "command -v " + Sh.q(words.get(0)) + " >/dev/null 2>&1 || { printf " + ENOENT_MARK + " >&2; exit 2; }\nexec "
                    + io.jplay.connection.ShellQuote.join(words);
        }
        r.put("cmd", cmd);

        String verb = ctx.checkMode() ? "Would" : "Did";
        String creates = args.string("creates");
        String removes = args.string("removes");
        StringBuilder script = new StringBuilder();
        script.append("_jglob() { IFS=; for _f in $1; do if [ -e \"$_f\" ] || [ -h \"$_f\" ]; then return 0; fi; done; return 1; }\n");
        String chdir = args.string("chdir");
        if (chdir != null) {
            script.append("cd -- ").append(Sh.q(chdir)).append(" 2>/dev/null || { printf ").append(NOCHDIR_MARK).append(" >&2; exit 1; }\n");
        }
        if (creates != null) {
            script.append("if _jglob ").append(Sh.q(creates)).append("; then printf '").append(SKIP_MARK).append("creates'; exit 0; fi\n");
        }
        if (removes != null) {
            script.append("if ! _jglob ").append(Sh.q(removes)).append("; then printf '").append(SKIP_MARK).append("removes'; exit 0; fi\n");
        }
        boolean willRun = !ctx.checkMode();
        if (willRun) {
            script.append("unset _f\n").append(commandLine).append('\n');
        }
        if (!willRun && chdir == null && creates == null && removes == null) {
            return checkModeSkip(r);
        }

        byte[] stdin = null;
        if (willRun && args.isSet("stdin")) {
            String data = args.string("stdin") + (args.bool("stdin_add_newline") ? "\n" : "");
            stdin = data.getBytes(StandardCharsets.UTF_8);
        }
        LocalDateTime start = LocalDateTime.now();
        long t0 = System.nanoTime();
        ExecResult result = ctx.connection().exec(Command.shell(script.toString()).withStdin(stdin));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        LocalDateTime end = LocalDateTime.now();
        String stdout = result.stdoutText();
        String stderr = result.stderrText();

        if (stderr.equals(NOCHDIR_MARK)) {
            r.put("msg", "Unable to change directory before execution: [Errno 2] No such file or directory: b'" + chdir + "'");
            return fail(r);
        }
        if (stdout.startsWith(SKIP_MARK)) {
            boolean created = stdout.endsWith("creates");
            String what = created ? creates : removes;
            r.put("msg", verb + " not run command since '" + what + "' " + (created ? "exists" : "does not exist"));
            r.put("stdout", "skipped, since " + what + (created ? " exists" : " does not exist"));
            r.put("rc", 0L);
            return done(r);
        }
        if (!willRun) {
            r.put("changed", true);
            r.put("rc", 0L);
            r.put("msg", "Command would have run if not in check mode");
            return done(r);
        }
        if (result.rc() == 2 && stderr.equals(ENOENT_MARK)) {
            @SuppressWarnings("unchecked")
            List<String> words = (List<String>) cmd;
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("cmd", String.join(" ", words));
            f.put("rc", 2L);
            f.put("stdout", "");
            f.put("stderr", "");
            f.put("msg", "[Errno 2] No such file or directory: b'" + words.get(0) + "'");
            return fail(f);
        }
        r.put("changed", true);
        r.put("start", PyTime.datetime(start));
        r.put("end", PyTime.datetime(end));
        r.put("delta", PyTime.delta(elapsed));
        r.put("rc", (long) result.rc());
        if (args.bool("strip_empty_ends")) {
            stdout = stripNewlines(stdout);
            stderr = stripNewlines(stderr);
        }
        r.put("stdout", stdout);
        r.put("stderr", stderr);
        if (result.rc() != 0) {
            r.put("msg", "non-zero return code");
            return fail(r);
        }
        return done(r);
    }

    private static String stripNewlines(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static ModuleResult checkModeSkip(Map<String, Object> r) {
        r.put("rc", 0L);
        r.put("msg", "Command would have run if not in check mode");
        r.put("skipped", true);
        return done(r);
    }

    private static ModuleResult done(Map<String, Object> r) {
        return withLines(ModuleResult.builder().putAll(r)).build();
    }

    private static ModuleResult fail(Map<String, Object> r) {
        String msg = (String) r.remove("msg");
        ModuleResult.Builder b = ModuleResult.builder().putAll(r);
        withLines(b);
        throw new ModuleFailure(msg, b.build().toMap());
    }

    private static ModuleResult.Builder withLines(ModuleResult.Builder b) {
        Map<String, Object> m = b.build().toMap();
        if (m.get("stdout") instanceof String out) {
            b.put("stdout_lines", ModuleResult.splitLines(out));
        }
        if (m.get("stderr") instanceof String err) {
            b.put("stderr_lines", ModuleResult.splitLines(err));
        }
        return b;
    }
}
