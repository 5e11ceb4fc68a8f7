package io.jplay.modules.files;

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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.file. One probe round trip (stat of path, its target, src, and for a diff of absent the
 * directory listing), the decision in Java following file.py's ensure_* functions, and one change round trip
 * that also re-stats the path for the result. Nothing changes in check mode.
 */
public final class FileModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("path", OptionType.PATH).required().aliases("dest", "name")
            .option("state", OptionType.STR).choices("absent", "directory", "file", "hard", "link", "touch")
            .option("force", OptionType.BOOL).defaultValue(false)
            .option("follow", OptionType.BOOL).defaultValue(true)
            .option("recurse", OptionType.BOOL).defaultValue(false)
            .option("src", OptionType.PATH)
            .option("_original_basename", OptionType.STR)
            .option("_diff_peek", OptionType.BOOL)
            .option("modification_time", OptionType.STR)
            .option("modification_time_format", OptionType.STR).defaultValue("%Y%m%d%H%M.%S")
            .option("access_time", OptionType.STR)
            .option("access_time_format", OptionType.STR).defaultValue("%Y%m%d%H%M.%S")
            .include(FileAttributes.SPEC)
            .build();

    @Override
    public String name() {
        return "file";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String path = args.string("path");
        String state = args.string("state");
        String src = args.string("src");
        boolean follow = args.bool("follow");
        boolean recurse = args.bool("recurse");

        StringBuilder probe = new StringBuilder(Probe.stat("p", path, false, false)).append(Probe.stat("t", path, true, false));
        String linkBase = null;
        if (src != null) {
            // a relative symlink source is relative to the link's directory; a hard link's to the cwd
            String dir = path.contains("/") ? path.substring(0, Math.max(path.lastIndexOf('/'), 1)) : ".";
            linkBase = src.startsWith("/") || !"link".equals(state) ? src : dir + "/" + src;
            probe.append(Probe.stat("s", linkBase, true, false));
        }
        if ("absent".equals(state) && ctx.diffMode()) {
            String p = Sh.q(path);
            probe.append("if [ -d ").append(p).append(" ] && [ ! -h ").append(p).append(" ]; then find ").append(p)
                    .append(" ! -path ").append(p).append(" -type d -exec printf 'D|%s\\n' {} +; find ").append(p)
                    .append(" ! -path ").append(p).append(" ! -type d -exec printf 'F|%s\\n' {} +; fi\n");
        }
        Probe.Result facts = FileFacts.probe(ctx.connection(), probe.toString());
        RemoteStat current = facts.stat("p");

        // file.py's additional_parameter_handling: a directory path means "the file inside it"
        if (state != null && !"link".equals(state) && !"absent".equals(state) && facts.stat("t").isDir()) {
            String basename = args.string("_original_basename") != null ? args.string("_original_basename")
                    : src != null ? src.substring(src.lastIndexOf('/') + 1) : null;
            if (basename != null) {
                path = path.endsWith("/") ? path + basename : path + "/" + basename;
                facts = FileFacts.probe(ctx.connection(), Probe.stat("p", path, false, false) + Probe.stat("t", path, true, false)
                        + (linkBase == null ? "" : Probe.stat("s", linkBase, true, false)));
                current = facts.stat("p");
            }
        }
        String prevState = current.state();
        if (state == null) {
            state = !"absent".equals(prevState) ? prevState : recurse ? "directory" : "file";
        }
        if (recurse && !"directory".equals(state)) {
            throw new ModuleFailure("recurse option requires state to be 'directory'", Map.of("path", path));
        }
        if (src != null && !"link".equals(state) && !"hard".equals(state)) {
            throw new ModuleFailure("src option requires state to be 'link' or 'hard'", Map.of("path", path));
        }
        Context c = new Context(ctx, args, path, src, linkBase, follow, facts);
        return switch (state) {
            case "absent" -> absent(c);
            case "directory" -> directory(c, recurse);
            case "touch" -> touch(c);
            case "link" -> link(c);
            case "hard" -> hard(c);
            default -> file(c);
        };
    }

    private record Context(ModuleContext ctx, ModuleArgs args, String path, String src, String linkBase,
                           boolean follow, Probe.Result facts) {
        RemoteStat current() {
            return facts.stat("p");
        }
    }

    /** file.py's initial_diff: before/after name the path, and the states when they differ. */
    private static Map<String, Map<String, Object>> initialDiff(String path, String state, String prevState) {
        Map<String, Object> before = diffSide(path);
        Map<String, Object> after = diffSide(path);
        if (!state.equals(prevState)) {
            before.put("state", prevState);
            after.put("state", state);
        }
        return Map.of("before", before, "after", after);
    }

    private static Map<String, Object> diffSide(String path, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static ModuleResult absent(Context c) {
        RemoteStat st = c.current();
        Map<String, Object> before = diffSide(c.path, "state", st.state());
        Map<String, Object> after = diffSide(c.path, "state", "absent");
        if (st.isDir() && c.ctx.diffMode()) {
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("directories", new ArrayList<>(c.facts.records("D")));
            content.put("files", new ArrayList<>(c.facts.records("F")));
            before = diffSide(c.path, "path_content", content, "state", st.state());
        }
        ModuleResult.Builder b = ModuleResult.builder().put("path", c.path);
        if (!st.exists()) {
            return b.put("state", "absent").put("diff", Map.of("before", before, "after", after)).build();
        }
        b.changed(true).put("state", "absent").put("diff", Map.of("before", before, "after", after));
        if (c.ctx.checkMode()) {
            // the path is still there, so exit_json's path info describes it
            return b.putAll(FileAttributes.pathInfo(st)).build();
        }
        FileFacts.change(c.ctx.connection(), "rm -rf -- " + Sh.q(c.path), c.path, false);
        return b.build();
    }

    /** Applies mode/owner/group to {@code target}; returns the plan so callers can merge diffs. */
    private static FileAttributes.Plan attributes(Context c, String target, RemoteStat st, boolean follow) {
        return FileAttributes.plan(c.args, target, st, c.facts.umask(), follow);
    }

    private static ModuleResult finish(Context c, String key, String path, boolean changed, String commands,
                                       Map<String, Object> before, Map<String, Object> after, boolean followForInfo,
                                       Map<String, Object> extra) {
        RemoteStat info = followForInfo ? c.facts.stat("t") : c.current();
        if (changed && !c.ctx.checkMode() && !commands.isEmpty()) {
            info = FileFacts.change(c.ctx.connection(), commands, path, followForInfo).stat("a");
        }
        ModuleResult.Builder b = ModuleResult.builder().changed(changed).put(key, path);
        extra.forEach(b::put);
        b.put("diff", Map.of("before", before, "after", after));
        b.putAll(FileAttributes.pathInfo(info));
        return b.build();
    }

    private static ModuleResult file(Context c) {
        RemoteStat st = c.current();
        String target = c.path;
        boolean isLinkFollowed = st.isLink() && c.follow;
        if (isLinkFollowed) {
            st = c.facts.stat("t");
        }
        String prev = st.state();
        if (!st.exists()) {
            throw new ModuleFailure("file (" + c.path + ") is absent, cannot continue", Map.of("path", c.path, "state", "absent"));
        }
        if (!"file".equals(prev) && !"hard".equals(prev)) {
            throw new ModuleFailure("file (" + c.path + ") is " + prev + ", cannot continue", Map.of("path", c.path, "state", prev));
        }
        FileAttributes.Plan plan = attributes(c, target, st, true);
        Map<String, Map<String, Object>> initial = initialDiff(c.path, "file", c.current().state());
        Map<String, Object> before = initial.get("before");
        Map<String, Object> after = initial.get("after");
        before.putAll(plan.before());
        after.putAll(plan.after());
        return finish(c, "path", target, plan.changed(), plan.commands(), before, after, true, Map.of());
    }

    private static ModuleResult directory(Context c, boolean recurse) {
        RemoteStat st = c.follow ? c.facts.stat("t") : c.current();
        if (!st.exists() && c.current().isLink()) {
            st = c.current();
        }
        Map<String, Object> before = diffSide(c.path);
        Map<String, Object> after = diffSide(c.path);
        StringBuilder commands = new StringBuilder();
        boolean changed = false;
        if (!st.exists()) {
            before.put("state", "absent");
            after.put("state", "directory");
            changed = true;
            // like file.py, every directory created on the way gets the requested attributes (computed against
            // a fresh 0777 & ~umask directory); the function creates the missing ancestors first
            int fresh = 0777 & ~c.facts.umask();
            RemoteStat created = new RemoteStat(true, 0040000 | fresh, -2, -2, "", "", 0, 0, 0, 0, 0, 2, 0, null, null);
            String placeholder = "/jplay-created-directory";
            FileAttributes.Plan plan = attributes(c, placeholder, created, true);
            String apply = plan.changed() ? plan.commands().replace(Sh.q(placeholder), "\"$1\"") : ":";
            // as file.py: a directory that something else created meanwhile (EEXIST) is fine and left as it is;
            // any other mkdir failure is run again to show its message
            commands.append("_jmk() { [ -d \"$1\" ] && return 0; _jmk \"$(dirname -- \"$1\")\" || return 1;"
                    + " if mkdir -- \"$1\" 2>/dev/null; then ").append(apply)
                    .append("; else [ -d \"$1\" ] || mkdir -- \"$1\"; fi; }\n_jmk ").append(Sh.q(c.path));
            before.putAll(plan.before());
            after.putAll(plan.after());
            before.remove("owner");
            before.remove("group");
        } else if (!st.isDir()) {
            Map<String, Object> extra = new LinkedHashMap<>(FileAttributes.pathInfo(c.current()));
            extra.put("path", c.path);
            throw new ModuleFailure(c.path + " already exists as a " + c.current().state(), extra);
        } else {
            FileAttributes.Plan plan = attributes(c, c.path, st, true);
            if (plan.changed()) {
                changed = true;
                commands.append(plan.commands());
                before.putAll(plan.before());
                after.putAll(plan.after());
            }
        }
        if (recurse) {
            String tree = recursiveCommands(c);
            if (!tree.isEmpty()) {
                if (c.ctx.checkMode() || !st.exists()) {
                    changed |= st.exists() && recursionWouldChange(c);
                    if (!st.exists()) {
                        commands.append(" && ").append(tree);
                    }
                } else if (recursionWouldChange(c)) {
                    changed = true;
                    commands.append(commands.length() == 0 ? "" : " && ").append(tree);
                }
            }
        }
        return finish(c, "path", c.path, changed, commands.toString(), before, after, true, Map.of());
    }

    /** chmod/chown for everything below the directory (follow decides whether links are dereferenced). */
    private static String recursiveCommands(Context c) {
        List<String> parts = new ArrayList<>();
        String p = Sh.q(c.path);
        String owner = c.args.string("owner");
        String group = c.args.string("group");
        if (owner != null) {
            parts.add("find " + p + " ! -path " + p + " -exec chown " + (c.follow ? "" : "-h ") + Sh.q(owner) + " {} +");
        }
        if (group != null) {
            parts.add("find " + p + " ! -path " + p + " -exec chgrp " + (c.follow ? "" : "-h ") + Sh.q(group) + " {} +");
        }
        Object mode = c.args.get("mode");
        if (mode != null) {
            String m = mode instanceof Number n ? Integer.toOctalString(n.intValue()) : String.valueOf(mode);
            parts.add("find " + p + " ! -path " + p + " ! -type l -exec chmod " + Sh.q(m) + " {} +");
        }
        return String.join(" && ", parts);
    }

    /** Asks the target whether any entry below the directory differs from the requested owner, group or mode. */
    private static boolean recursionWouldChange(Context c) {
        String p = Sh.q(c.path);
        List<String> tests = new ArrayList<>();
        String owner = c.args.string("owner");
        String group = c.args.string("group");
        if (owner != null) {
            tests.add("! -user " + Sh.q(owner));
        }
        if (group != null) {
            tests.add("! -group " + Sh.q(group));
        }
        Object mode = c.args.get("mode");
        if (mode != null) {
            String m = mode instanceof Number n ? Integer.toOctalString(n.intValue()) : String.valueOf(mode);
            if (m.matches("[0-7]+")) {
                tests.add("! -type l ! -perm " + m);
            } else {
                // symbolic: compare with what chmod would produce by probing each entry is costly; assume a change
                return true;
            }
        }
        if (tests.isEmpty()) {
            return false;
        }
        String expr = String.join(" -o ", tests.stream().map(t -> "\\( " + t + " \\)").toList());
        String out = c.ctx.connection().sh("find " + p + " ! -path " + p + " " + expr + " -print | head -n 1").stdoutText();
        return !out.isBlank();
    }

    private static ModuleResult touch(Context c) {
        RemoteStat st = c.follow ? c.facts.stat("t") : c.current();
        if (!st.exists()) {
            st = c.current();
        }
        String mtime = c.args.string("modification_time") == null ? "now" : c.args.string("modification_time");
        String atime = c.args.string("access_time") == null ? "now" : c.args.string("access_time");
        String mStamp = touchStamp(mtime, c.args.string("modification_time_format"));
        String aStamp = touchStamp(atime, c.args.string("access_time_format"));
        Map<String, Map<String, Object>> initial = initialDiff(c.path, "touch", st.exists() ? st.state() : "absent");
        Map<String, Object> before = initial.get("before");
        Map<String, Object> after = initial.get("after");
        if (!st.exists() && c.ctx.checkMode()) {
            return ModuleResult.builder().changed(true).put("dest", c.path).build();
        }
        String p = Sh.q(c.path);
        boolean changed = !st.exists();
        RemoteStat base = st.exists() ? st
                : new RemoteStat(true, 0100000 | (0666 & ~c.facts.umask()), -1, -1, null, null, 0, 0, 0, 0, 0, 1, 0, null, null);
        FileAttributes.Plan plan = attributes(c, c.path, base, true);
        before.putAll(plan.before());
        after.putAll(plan.after());
        changed |= plan.changed();
        List<String> commands = new ArrayList<>();
        if (!st.exists()) {
            commands.add(": >> " + p);
        }
        if (plan.changed()) {
            commands.add(plan.commands());
        }
        // update_timestamp_for_file: "now" for both always counts as a change, "preserve" for both never does;
        // explicit times are applied with touch -t and reported as a change (jplay does not compare them)
        String h = c.follow ? "" : "-h ";
        if (mStamp != null && aStamp != null && mStamp.equals(aStamp)) {
            commands.add("touch " + h + (mStamp.isEmpty() ? "" : "-t " + mStamp + " ") + "-- " + p);
            changed = true;
        } else {
            if (mStamp != null) {
                commands.add("touch -m " + h + (mStamp.isEmpty() ? "" : "-t " + mStamp + " ") + "-- " + p);
                changed = true;
            }
            if (aStamp != null) {
                commands.add("touch -a " + h + (aStamp.isEmpty() ? "" : "-t " + aStamp + " ") + "-- " + p);
                changed = true;
            }
        }
        return finish(c, "dest", c.path, changed, String.join(" && ", commands), before, after, true, Map.of());
    }

    /**
     * A time option as touch(1) wants it: null for "preserve", "" for "now", otherwise {@code CCYYMMDDhhmm.SS}
     * converted from the strptime format (the default format is already that).
     */
    static String touchStamp(String value, String format) {
        if ("preserve".equals(value)) {
            return null;
        }
        if ("now".equals(value)) {
            return "";
        }
        String pattern = format.replace("%Y", "yyyy").replace("%m", "MM").replace("%d", "dd").replace("%H", "HH")
                .replace("%M", "mm").replace("%S", "ss").replace("%y", "yy");
        try {
            // strptime fills missing fields with 1900-01-01 00:00:00
            java.time.format.DateTimeFormatter parser = new java.time.format.DateTimeFormatterBuilder().appendPattern(pattern)
                    .parseDefaulting(java.time.temporal.ChronoField.YEAR_OF_ERA, 1900)
                    .parseDefaulting(java.time.temporal.ChronoField.MONTH_OF_YEAR, 1)
                    .parseDefaulting(java.time.temporal.ChronoField.DAY_OF_MONTH, 1)
                    .parseDefaulting(java.time.temporal.ChronoField.HOUR_OF_DAY, 0)
                    .parseDefaulting(java.time.temporal.ChronoField.MINUTE_OF_HOUR, 0)
                    .parseDefaulting(java.time.temporal.ChronoField.SECOND_OF_MINUTE, 0).toFormatter();
            java.time.LocalDateTime t = java.time.LocalDateTime.parse(value, parser);
            return java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm.ss").format(t);
        } catch (RuntimeException e) {
            throw new ModuleFailure("Error while obtaining timestamp for time " + value + " using format " + format + ": "
                    + "time data '" + value + "' does not match format '" + format + "'");
        }
    }

    private static ModuleResult link(Context c) {
        RemoteStat st = c.current();
        String prev = st.state();
        String src = c.src;
        if (src == null && c.follow && st.isLink()) {
            src = st.linkTarget();
        }
        if (!c.args.bool("force") && c.src != null && !c.facts.stat("s").exists()) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("path", c.path);
            extra.put("src", c.src);
            throw new ModuleFailure("src file does not exist, use \"force=yes\" if you really want to create the link: " + c.linkBase, extra);
        }
        if ("directory".equals(prev)) {
            if (!c.args.bool("force")) {
                throw new ModuleFailure("refusing to convert from directory to symlink for " + c.path, Map.of("path", c.path));
            }
        } else if (("file".equals(prev) || "hard".equals(prev)) && !c.args.bool("force")) {
            throw new ModuleFailure("refusing to convert from " + prev + " to symlink for " + c.path, Map.of("path", c.path));
        }
        Map<String, Object> before = diffSide(c.path);
        Map<String, Object> after = diffSide(c.path);
        boolean changed = false;
        String commands = "";
        String p = Sh.q(c.path);
        if (!"link".equals(prev)) {
            if (src == null) {
                throw new ModuleFailure("src is required for creating new symlinks");
            }
            before.put("state", prev);
            after.put("state", "link");
            changed = true;
            commands = ("directory".equals(prev) ? "rmdir -- " + p + " && " : "absent".equals(prev) ? "" : "rm -f -- " + p + " && ")
                    + "ln -s -- " + Sh.q(src) + " " + p;
        } else if (src != null && !src.equals(st.linkTarget())) {
            before.put("src", st.linkTarget());
            after.put("src", src);
            changed = true;
            // replace atomically: a new link beside it renamed over the old one
            String tmp = Sh.q(c.path + ".jplay-tmp");
            commands = "ln -s -- " + Sh.q(src) + " " + tmp + " && mv -f -- " + tmp + " " + p;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("src", src);
        if (c.ctx.checkMode() && !st.exists()) {
            return ModuleResult.builder().changed(changed).put("dest", c.path).put("src", src)
                    .put("diff", Map.of("before", before, "after", after)).build();
        }
        // with follow (the default) attributes go to the link's target, as load_file_common_arguments resolves
        // the path; without it owner and group apply to the link itself (chown -h) and Linux has no link modes
        RemoteStat target = "link".equals(prev) && (src == null || src.equals(st.linkTarget())) ? c.facts.stat("t") : c.facts.stat("s");
        FileAttributes.Plan plan;
        if (c.follow && target.exists()) {
            plan = FileAttributes.plan(c.args, c.path, target, c.facts.umask(), true);
        } else {
            if (c.follow && (c.args.isSet("mode") || c.args.isSet("owner") || c.args.isSet("group"))) {
                c.ctx.warn("Cannot set fs attributes on a non-existent symlink target. follow should be set to False to avoid this.");
            }
            RemoteStat linkStat = st.exists() ? st : new RemoteStat(true, 0120777, -2, -2, "", "", 0, 0, 0, 0, 0, 1, 0, src, null);
            plan = c.follow ? new FileAttributes.Plan("", Map.of(), Map.of(), null)
                    : FileAttributes.plan(c.args, c.path, linkStat, c.facts.umask(), false);
        }
        if (plan.changed()) {
            changed = true;
            before.putAll(plan.before());
            after.putAll(plan.after());
            commands = commands.isEmpty() ? plan.commands() : commands + " && " + plan.commands();
        }
        return finish(c, "dest", c.path, changed, commands, before, after, false, extra);
    }

    private static ModuleResult hard(Context c) {
        RemoteStat st = c.current();
        String prev = st.state();
        String src = c.src;
        if (!"hard".equals(prev) && src == null) {
            throw new ModuleFailure("src is required for creating new hardlinks");
        }
        RemoteStat source = c.facts.stat("s");
        if (src != null && !source.exists()) {
            throw new ModuleFailure("src does not exist", Map.of("dest", c.path, "src", src));
        }
        boolean force = c.args.bool("force");
        Map<String, Map<String, Object>> initial = initialDiff(c.path, "hard", prev);
        Map<String, Object> before = initial.get("before");
        Map<String, Object> after = initial.get("after");
        boolean changed = false;
        boolean sameInode = st.exists() && source.exists() && st.inode() == source.inode() && st.dev() == source.dev();
        switch (prev) {
            case "absent" -> changed = true;
            case "link" -> changed = true;
            case "hard" -> {
                if (src != null && !sameInode) {
                    changed = true;
                    if (!force) {
                        throw new ModuleFailure("Cannot link, different hard link exists at destination", failure(c, src));
                    }
                }
            }
            case "file" -> {
                // file.py does not compare inodes here: a plain file is always replaced (or refused)
                changed = true;
                if (!force) {
                    throw new ModuleFailure("Cannot link, file exists at destination", failure(c, src));
                }
            }
            default -> throw new ModuleFailure("Cannot link: different hard link exists at destination", Map.of("dest", c.path, "src", src));
        }
        String p = Sh.q(c.path);
        String commands = "";
        if (changed) {
            String tmp = Sh.q(c.path + ".jplay-tmp");
            commands = "absent".equals(prev) ? "ln -- " + Sh.q(src) + " " + p : "ln -- " + Sh.q(src) + " " + tmp + " && mv -f -- " + tmp + " " + p;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("src", src);
        if (c.ctx.checkMode() && !st.exists()) {
            return ModuleResult.builder().changed(changed).put("dest", c.path).put("src", src)
                    .put("diff", Map.of("before", before, "after", after)).build();
        }
        RemoteStat base = st.exists() && !changed ? st : source;
        FileAttributes.Plan plan = attributes(c, c.path, base, true);
        if (plan.changed()) {
            changed = true;
            commands = commands.isEmpty() ? plan.commands() : commands + " && " + plan.commands();
        }
        return finish(c, "dest", c.path, changed, commands, before, after, false, extra);
    }

    private static Map<String, Object> failure(Context c, String src) {
        Map<String, Object> extra = new LinkedHashMap<>(FileAttributes.pathInfo(c.current()));
        extra.put("dest", c.path);
        extra.put("src", src);
        return extra;
    }
}
