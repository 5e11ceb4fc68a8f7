package io.jplay.modules.files;

import io.jplay.connection.Command;
import io.jplay.connection.ExecResult;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.FileAttributes;
import io.jplay.modules.support.FileFacts;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.RemoteStat;
import io.jplay.modules.support.Sh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.unarchive with GNU tar (gz, plain, bz2, xz, zstd) or unzip on the target. One round trip
 * carries a controller-side archive on stdin, picks the handler as Ansible does (zip first, then the tar
 * compressions), lists the archive, asks {@code tar --diff} whether dest already holds it (filtered with the
 * module's own patterns), extracts only when it does not, and stats dest. mode/owner/group on the extracted
 * files cost one more round trip when something differs. Zip archives count as unpacked when every entry
 * exists with its size (Ansible also compares CRCs, times and permissions); like Ansible, check mode is
 * skipped for tar archives ("does not support check mode when using gtar").
 */
public final class UnarchiveModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("src", OptionType.PATH).required()
            .option("dest", OptionType.PATH).required()
            .option("remote_src", OptionType.BOOL).defaultValue(false)
            .option("creates", OptionType.PATH)
            .option("list_files", OptionType.BOOL).defaultValue(false)
            .option("keep_newer", OptionType.BOOL).defaultValue(false)
            .option("exclude", OptionType.LIST).elements(OptionType.STR).defaultValue(List.of())
            .option("include", OptionType.LIST).elements(OptionType.STR).defaultValue(List.of())
            .option("extra_opts", OptionType.LIST).elements(OptionType.STR).defaultValue(List.of())
            .option("validate_certs", OptionType.BOOL).defaultValue(true)
            .option("io_buffer_size", OptionType.INT).defaultValue(65536L)
            .option("copy", OptionType.BOOL).defaultValue(true)
            .option("decrypt", OptionType.BOOL).defaultValue(true)
            .mutuallyExclusive("include", "exclude")
            .include(FileAttributes.SPEC)
            .build();

    /** tar's compression flags in the order Ansible tries its handlers, with their class names. */
    private static final String[][] TAR_HANDLERS = {
            {"-z", "TgzArchive"}, {"", "TarArchive"}, {"-j", "TarBzipArchive"}, {"-J", "TarXzArchive"},
            {"--use-compress-program=zstd", "TarZstdArchive"}};

    @Override
    public String name() {
        return "unarchive";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String src = args.string("src");
        String dest = args.string("dest");
        boolean remote = args.bool("remote_src") || !args.bool("copy");
        byte[] upload = null;
        String archive = src;
        if (!remote) {
            Path local = ctx.sources().resolve("files", src);
            try {
                upload = Files.readAllBytes(local);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            archive = ctx.remoteTmp() + "/jplay-unarchive." + ProcessHandle.current().pid() + "." + System.nanoTime() + "."
                    + local.getFileName();
        }
        List<String> excludes = new ArrayList<>();
        for (String e : args.strings("exclude")) {
            excludes.add(e.replaceAll("/+$", ""));
        }
        List<String> includes = args.strings("include");
        List<String> opts = args.strings("extra_opts");
        String owner = args.string("owner");
        String group = args.string("group");
        boolean attributes = args.get("mode") != null || owner != null || group != null;

        String a = Sh.q(archive);
        String d = Sh.q(dest);
        StringBuilder s = new StringBuilder();
        if (args.string("creates") != null) {
            s.append("if [ -e ").append(Sh.q(args.string("creates"))).append(" ]; then echo 'Q|creates'; exit 0; fi\n");
        }
        s.append("umask 022\n_ja=").append(a).append("; _jl=").append(Sh.q(ctx.remoteTmp() + "/jplay-unarchive-list")).append(".$$\n");
        // an uploaded archive goes when the script ends, unless a zip still has to be extracted (_jkeep)
        s.append("_jkeep=\ntrap 'rm -f \"$_jl\" \"$_jl.err\" \"$_jl.diff\"").append(remote ? "" : "; [ -n \"$_jkeep\" ] || rm -f \"$_ja\"").append("' EXIT\n");
        if (upload != null) {
            s.append("cat > \"$_ja\" || exit 1\n");
        } else if (src.contains("://")) {
            s.append("_ja=").append(Sh.q(ctx.remoteTmp() + "/jplay-unarchive-src")).append(".$$; trap 'rm -f \"$_jl\" \"$_jl.err\" \"$_jl.diff\" \"$_ja\"' EXIT\n");
            s.append("curl -q -sSfL ").append(args.bool("validate_certs") ? "" : "-k ").append("-o \"$_ja\" ").append(Sh.q(src))
                    .append(" 2>\"$_jl.err\" || { printf 'Q|fetch|%s\\n' \"$(tr '\\n' ' ' < \"$_jl.err\")\"; exit 0; }\n");
            s.append("printf 'A|%s\\n' \"$_ja\"\n");
        }
        s.append("[ -e \"$_ja\" ] || { echo 'Q|nosrc'; exit 0; }\n");
        s.append("[ -r \"$_ja\" ] || { echo 'Q|unreadable'; exit 0; }\n");
        s.append("[ -s \"$_ja\" ] || { echo 'Q|empty'; exit 0; }\n");
        s.append("[ -d ").append(d).append(" ] || { echo 'Q|nodest'; exit 0; }\n");
        s.append("cd ").append(d).append(" || exit 1\n");
        s.append("[ \"$(id -u)\" = 0 ] && echo 'O|root'\n");

        // handler: zip first (unzip -Z lists it), then GNU tar with each compression
        s.append("_jh=\n");
        s.append("if command -v unzip >/dev/null 2>&1 && unzip -Z -1 \"$_ja\" > \"$_jl\" 2>\"$_jl.err\"; then _jh=zip\n");
        s.append("else\n");
        s.append("  if ! command -v tar >/dev/null 2>&1; then echo 'Q|notar'; exit 0; fi\n");
        s.append("  if ! tar --version 2>/dev/null | head -n 1 | grep -q GNU; then echo 'Q|notgnu'; exit 0; fi\n");
        String tarOpts = (opts.isEmpty() ? "" : " --show-transformed-names " + words(opts))
                + excludesAsTar(excludes);
        String tarTail = " -f \"$_ja\"" + (includes.isEmpty() ? "" : " " + words(includes));
        s.append("  for _jf in ");
        for (String[] h : TAR_HANDLERS) {
            s.append(h[0].isEmpty() ? "NONE" : h[0]).append(' ');
        }
        s.append("; do\n");
        s.append("    [ \"$_jf\" = NONE ] && _jf=\n");
        s.append("    if LC_ALL=C tar --list -C ").append(d).append(" $_jf").append(tarOpts).append(tarTail)
                .append(" > \"$_jl\" 2>\"$_jl.err\" && [ -s \"$_jl\" ]; then _jh=\"tar${_jf:-NONE}\"; break; fi\n");
        s.append("    printf 'N|%s\\n' \"$(tr '\\n' ' ' < \"$_jl.err\")\"\n");
        s.append("  done\n");
        s.append("fi\n");
        s.append("[ -n \"$_jh\" ] || { echo 'Q|nohandler'; exit 0; }\n");
        s.append("printf 'H|%s\\n' \"$_jh\"\n");
        s.append("sed 's/^/F|/' \"$_jl\"\n");
        s.append("if [ \"$_jh\" = zip ]; then\n").append(ZIP_CHECK);
        s.append("  if [ -s \"$_jl.diff\" ]; then sed 's/^/M|/' \"$_jl.diff\"; ").append(ctx.checkMode() ? "" : "_jkeep=1; echo 'K|kept'; ").append("fi\n");
        s.append("fi\n");
        s.append("if [ \"$_jh\" != zip ]; then\n");
        if (ctx.checkMode()) {
            s.append("  exit 0\n");
        }
        // is_unarchived: tar --diff, keeping only the differences the module counts
        String ownership = (owner == null ? "" : " --owner=" + Sh.q(owner)) + (group == null ? "" : " --group=" + Sh.q(group))
                + (args.bool("keep_newer") ? " --keep-newer-files" : "");
        s.append("  _jf=${_jh#tar}; [ \"$_jf\" = NONE ] && _jf=\n");
        s.append("  LC_ALL=C tar --diff -C ").append(d).append(" $_jf").append(tarOpts.replace(excludesAsTar(excludes), ""))
                .append(ownership).append(excludesAsTar(excludes)).append(tarTail).append(" > \"$_jl.diff\" 2>&1\n");
        List<String> patterns = new ArrayList<>(List.of(": Mod time differs$", ": Warning: Cannot stat: No such file or directory$",
                ": Invalid owner", ": Invalid group"));
        if (args.get("mode") == null) {
            patterns.add(": Mode differs$");
        }
        s.append("  _jp=\n");
        s.append("  if [ \"$(id -u)\" = 0 ]; then _jp='").append(owner == null ? ": Uid differs$" : "^$NEVER")
                .append("'; _jq='").append(group == null ? ": Gid differs$" : "^$NEVER").append("'; else _jp='^$NEVER'; _jq='^$NEVER'; fi\n");
        s.append("  _jd=$(grep -v -e ': : Warning: Cannot stat: No such file or directory$' \"$_jl.diff\" | grep -e \"$_jp\" -e \"$_jq\"");
        for (String p : patterns) {
            s.append(" -e ").append(Sh.q(p));
        }
        s.append(")\n");
        s.append("  if [ -n \"$_jd\" ]; then\n");
        s.append("    echo 'D|differs'\n");
        s.append("    LC_ALL=C tar --extract -C ").append(d).append(" $_jf").append(tarOpts.replace(excludesAsTar(excludes), ""))
                .append(ownership).append(excludesAsTar(excludes)).append(tarTail).append(" > \"$_jl.diff\" 2>\"$_jl.err\"; _jrc=$?\n");
        s.append("    printf 'X|%s\\n' \"$_jrc\"; sed 's/^/Y|/' \"$_jl.diff\"; sed 's/^/Z|/' \"$_jl.err\"\n");
        s.append("  fi\n");
        s.append("fi\n");
        if (attributes && !ctx.checkMode()) {
            s.append("_ji=0; while IFS= read -r _jn; do _jst \"f$_ji\" \"$_jn\" 0 0; _ji=$((_ji + 1)); done < \"$_jl\"\n");
        }
        s.append(Probe.stat("dest", dest, true, false));

        Command command = Command.shell(Probe.PREAMBLE + s);
        if (upload != null) {
            command = command.withStdin(upload);
        }
        ExecResult r = ctx.connection().exec(command);
        Probe.Result facts = Probe.parse(r.stdout());
        String reportedSrc = facts.record("A") != null ? facts.record("A").strip() : archive;
        String problem = facts.record("Q");
        if (problem != null) {
            String what = problem.strip();
            switch (what.contains("|") ? what.substring(0, what.indexOf('|')) : what) {
                case "creates" -> {
                    return ModuleResult.builder().skipped("skipped, since " + args.string("creates") + " exists").build();
                }
                case "nosrc" -> throw new ModuleFailure(remote ? "Source '" + src + "' does not exist" : "Source '" + archive + "' failed to transfer");
                case "unreadable" -> throw new ModuleFailure("Source '" + reportedSrc + "' not readable");
                case "empty" -> throw new ModuleFailure("Invalid archive '" + reportedSrc + "', the file is 0 bytes");
                case "nodest" -> throw new ModuleFailure("dest '" + dest + "' must be an existing dir");
                case "fetch" -> throw new ModuleFailure("Failure downloading " + src + ", " + what.substring(what.indexOf('|') + 1).strip());
                case "notar" -> throw new ModuleFailure("Failed to find handler for \"" + reportedSrc
                        + "\". Make sure the required command to extract the file is installed.\nUnable to find required 'gtar' or 'tar' binary in the path");
                case "notgnu" -> throw new ModuleFailure("Failed to find handler for \"" + reportedSrc
                        + "\". Make sure the required command to extract the file is installed.\nCommand \"tar\" detected as tar type bsd. GNU tar required.");
                default -> {
                    StringBuilder reasons = new StringBuilder();
                    for (String n : facts.records("N")) {
                        reasons.append("Command \"tar\" could not handle archive: Unable to list files in the archive: ").append(n.strip()).append('\n');
                    }
                    throw new ModuleFailure("Failed to find handler for \"" + reportedSrc
                            + "\". Make sure the required command to extract the file is installed.\n" + reasons);
                }
            }
        }
        if (facts.record("H") == null) {
            throw new ModuleFailure("unarchive failed on the target: " + r.stderrText().strip());
        }
        String handlerCode = facts.record("H").strip();
        boolean zip = handlerCode.equals("zip");
        String handler = zip ? "ZipArchive" : handlerName(handlerCode.substring(3));
        if (!zip && ctx.checkMode()) {
            return ModuleResult.builder().skipped("remote module (ansible.legacy.unarchive) does not support check mode when using gtar").build();
        }
        List<String> files = new ArrayList<>();
        for (String f : facts.records("F")) {
            String name = f.startsWith("/") ? f.substring(1) : f;
            if (excludes.stream().noneMatch(e -> java.util.regex.Pattern.compile(FindModule.fnmatchToRegex(e), java.util.regex.Pattern.DOTALL).matcher(name).matches())) {
                files.add(name);
            }
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("handler", handler);
        result.put("dest", dest);
        result.put("src", reportedSrc);
        boolean changed;
        if (zip) {
            changed = facts.records("M").stream().anyMatch(m -> files.contains(m.startsWith("/") ? m.substring(1) : m));
            if (changed && !ctx.checkMode()) {
                result.put("extract_results", unzip(ctx, archive, dest, opts, includes, excludes, upload != null));
            } else if (upload != null && facts.record("K") != null) {
                ctx.connection().sh("rm -f -- " + a);
            }
        } else {
            changed = facts.record("D") != null;
            if (changed) {
                Map<String, Object> extract = new LinkedHashMap<>();
                List<String> cmd = new ArrayList<>(List.of("tar", "--extract", "-C", dest));
                String flag = handlerCode.substring(3);
                if (!flag.equals("NONE")) {
                    cmd.add(flag);
                }
                if (!opts.isEmpty()) {
                    cmd.add("--show-transformed-names");
                    cmd.addAll(opts);
                }
                if (owner != null) {
                    cmd.add("--owner=" + owner);
                }
                if (group != null) {
                    cmd.add("--group=" + group);
                }
                if (args.bool("keep_newer")) {
                    cmd.add("--keep-newer-files");
                }
                excludes.forEach(e -> cmd.add("--exclude=" + e));
                cmd.add("-f");
                cmd.add(reportedSrc);
                cmd.addAll(includes);
                extract.put("cmd", cmd);
                long rc = Long.parseLong(facts.record("X").strip());
                extract.put("rc", rc);
                extract.put("out", joinLines(facts.records("Y")));
                extract.put("err", joinLines(facts.records("Z")));
                result.put("extract_results", extract);
                if (rc != 0) {
                    Map<String, Object> extra = new LinkedHashMap<>(result);
                    throw new ModuleFailure("failed to unpack " + reportedSrc + " to " + dest, extra);
                }
            }
        }
        result.put("changed", changed);
        if (attributes && !ctx.checkMode()) {
            if (fixAttributes(ctx, args, dest, files, facts, zip)) {
                result.put("changed", true);
            }
        }
        if (args.bool("list_files")) {
            result.put("files", files);
        }
        result.putAll(FileAttributes.pathInfo(facts.stat("dest")));
        return ModuleResult.builder().putAll(result).build();
    }

    /** set_fs_attributes_if_different for every extracted path and each top folder. */
    private static boolean fixAttributes(ModuleContext ctx, ModuleArgs args, String dest, List<String> files, Probe.Result facts, boolean zip) {
        Probe.Result stats = facts;
        if (zip) {
            // the zip path extracted in a later round trip: stat now
            StringBuilder probe = new StringBuilder("cd " + Sh.q(dest) + " || exit 1\n");
            for (int i = 0; i < files.size(); i++) {
                probe.append(Probe.stat("f" + i, files.get(i), false, false));
            }
            stats = FileFacts.probe(ctx.connection(), probe.toString());
        }
        StringBuilder commands = new StringBuilder();
        List<String> tops = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i);
            RemoteStat st = stats.stat("f" + i);
            if (st.exists()) {
                FileAttributes.Plan plan = FileAttributes.plan(args, dest + "/" + name, st, facts.umask(), false);
                if (plan.changed()) {
                    commands.append(plan.commands()).append(" && ");
                }
            }
            if (name.contains("/")) {
                String top = name.substring(0, name.indexOf('/'));
                if (!tops.contains(top) && !files.contains(top + "/")) {
                    tops.add(top);
                }
            }
        }
        if (!tops.isEmpty()) {
            StringBuilder probe = new StringBuilder();
            for (int i = 0; i < tops.size(); i++) {
                probe.append(Probe.stat("t" + i, dest + "/" + tops.get(i), false, false));
            }
            Probe.Result topStats = FileFacts.probe(ctx.connection(), probe.toString());
            for (int i = 0; i < tops.size(); i++) {
                FileAttributes.Plan plan = FileAttributes.plan(args, dest + "/" + tops.get(i), topStats.stat("t" + i), facts.umask(), false);
                if (plan.changed()) {
                    commands.append(plan.commands()).append(" && ");
                }
            }
        }
        if (commands.length() == 0) {
            return false;
        }
        FileFacts.change(ctx.connection(), commands.substring(0, commands.length() - 4), dest, true);
        return true;
    }

    /** Zip's is_unarchived, simplified: every entry present with the archive's size (directories as directories); misses to $_jl.diff. */
    private static final String ZIP_CHECK = "  unzip -Z -l \"$_ja\" | awk 'NF >= 10 && $1 ~ /^[-dl]/ { n=$0; for (i = 1; i <= 9; i++) sub(/^[^ ]+ +/, \"\", n);"
            + " print $4 \"|\" n }' | while IFS='|' read -r _js _jn; do\n"
            + "    case \"$_jn\" in */) [ -d \"$_jn\" ] || echo \"$_jn\";;\n"
            + "    *) if [ ! -f \"$_jn\" ] || [ \"$(wc -c < \"$_jn\" | tr -d ' ')\" != \"$_js\" ]; then echo \"$_jn\"; fi;; esac\n"
            + "  done > \"$_jl.diff\"\n";

    private static Map<String, Object> unzip(ModuleContext ctx, String archive, String dest, List<String> opts, List<String> includes,
                                             List<String> excludes, boolean uploaded) {
        List<String> cmd = new ArrayList<>(List.of("unzip", "-o", archive));
        cmd.addAll(opts);
        cmd.add("-d");
        cmd.add(dest);
        cmd.addAll(includes);
        if (!excludes.isEmpty()) {
            cmd.add("-x");
            cmd.addAll(excludes);
        }
        ExecResult r = ctx.connection().exec(Command.shell(words(cmd) + (uploaded ? "; _jrc=$?; rm -f -- " + Sh.q(archive) + "; exit $_jrc" : "")));
        Map<String, Object> extract = new LinkedHashMap<>();
        extract.put("cmd", cmd);
        extract.put("rc", (long) r.rc());
        extract.put("out", r.stdoutText());
        extract.put("err", r.stderrText());
        if (r.rc() != 0) {
            throw new ModuleFailure("failed to unpack " + archive + " to " + dest, Map.of("extract_results", extract, "handler", "ZipArchive",
                    "dest", dest, "src", archive));
        }
        return extract;
    }

    private static String handlerName(String flag) {
        for (String[] h : TAR_HANDLERS) {
            if ((h[0].isEmpty() ? "NONE" : h[0]).equals(flag)) {
                return h[1];
            }
        }
        return "TgzArchive";
    }

    private static String excludesAsTar(List<String> excludes) {
        StringBuilder s = new StringBuilder();
        for (String e : excludes) {
            s.append(" --exclude=").append(Sh.q(e));
        }
        return s.toString();
    }

    private static String words(List<String> words) {
        StringBuilder s = new StringBuilder();
        for (String w : words) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(Sh.q(w));
        }
        return s.toString();
    }

    private static String joinLines(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
