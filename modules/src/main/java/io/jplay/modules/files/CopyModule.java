package io.jplay.modules.files;

import io.jplay.connection.ExecResult;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.Digests;
import io.jplay.modules.support.FileAttributes;
import io.jplay.modules.support.FileFacts;
import io.jplay.modules.support.FileMode;
import io.jplay.modules.support.FileWriter;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.RemoteStat;
import io.jplay.modules.support.Sh;
import io.jplay.python.PythonJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * ansible.builtin.copy (action plugin and module in one). For one file: a probe round trip (dest stat with
 * checksum, and its content when a diff is wanted), then, only if the checksum differs, one write round trip
 * (content on stdin, atomic rename, attributes, stat). An unchanged file still gets its attributes fixed, like
 * Ansible's fallback to the file module. A directory src is mirrored file by file.
 */
public final class CopyModule implements Module {

    static final int MAX_DIFF_SIZE = 104448;

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("src", OptionType.PATH)
            .option("content", OptionType.RAW).noLog()
            .option("dest", OptionType.PATH).required()
            .option("backup", OptionType.BOOL).defaultValue(false)
            .option("force", OptionType.BOOL).defaultValue(true)
            .option("validate", OptionType.STR)
            .option("directory_mode", OptionType.RAW)
            .option("remote_src", OptionType.BOOL).defaultValue(false)
            .option("local_follow", OptionType.BOOL).defaultValue(true)
            .option("checksum", OptionType.STR)
            .option("follow", OptionType.BOOL).defaultValue(false)
            .option("_original_basename", OptionType.STR)
            .include(FileAttributes.SPEC)
            .build();

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String src = args.string("src");
        Object content = args.get("content");
        String dest = args.string("dest");
        if (src == null && content == null) {
            throw new ModuleFailure("src (or content) is required");
        }
        if (src != null && content != null) {
            throw new ModuleFailure("src and content are mutually exclusive");
        }
        if (content != null) {
            if (dest.endsWith("/")) {
                throw new ModuleFailure("can not use content with a dir as dest");
            }
            String text = content instanceof String s ? s : PythonJson.dumps(content);
            // Ansible writes content to a controller temp file and names it in the diff header
            return copyBytes(ctx, text.getBytes(StandardCharsets.UTF_8), null, dest, null, LocalTemp.contentFile());
        }
        if (args.bool("remote_src")) {
            return remoteCopy(ctx, src, dest);
        }
        Path local = ctx.sources().resolve("files", src);
        if (Files.isDirectory(local)) {
            return copyDirectory(ctx, local, src, dest);
        }
        if (dest.endsWith("/")) {
            dest = dest + local.getFileName();
        }
        try {
            Integer preserve = "preserve".equals(args.string("mode")) ? permissions(local) : null;
            return copyBytes(ctx, Files.readAllBytes(local), local.getFileName().toString(), dest, preserve,
                    local.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new ModuleFailure("could not read source file " + local + ": " + e.getMessage());
        }
    }

    /**
     * Puts bytes at dest with copy's rules (force, backup, validate, attributes, diff); template reuses it.
     * @param basename    the source's file name, used when dest is a directory (null for content)
     * @param diffSource  what the diff's after_header names
     */
    ModuleResult copyBytes(ModuleContext ctx, byte[] data, String basename, String dest, Integer preserveMode, String diffSource) {
        ModuleArgs args = ctx.args();
        String d = Sh.q(dest);
        String parent = dest.contains("/") ? dest.substring(0, Math.max(dest.lastIndexOf('/'), 1)) : ".";
        StringBuilder probe = new StringBuilder(Probe.stat("d", dest, true, true)).append(Probe.stat("p", parent, true, false));
        if (basename != null) {
            probe.append("if [ -d ").append(d).append(" ]; then ").append(Probe.stat("i", dest + "/" + basename, true, true).strip()).append("; fi\n");
        }
        if (ctx.diffMode()) {
            probe.append("if [ -f ").append(d).append(" ]; then ").append(Probe.content(dest).strip()).append("; ")
                    .append("elif [ -d ").append(d).append(" ] && [ -f ").append(Sh.q(dest + "/" + (basename == null ? "" : basename)))
                    .append(" ]; then ").append(Probe.content(dest + "/" + basename).strip()).append("; fi\n");
        }
        Probe.Result facts = FileFacts.probe(ctx.connection(), probe.toString());
        RemoteStat target = facts.stat("d");
        if (target.isDir() && basename != null) {
            dest = dest + "/" + basename;
            target = facts.stat("i");
        } else if (target.isDir()) {
            throw new ModuleFailure("can not use content with a dir as dest");
        } else if (!facts.stat("p").exists()) {
            throw new ModuleFailure("Destination directory " + parent + " does not exist", Map.of("checksum", Digests.sha1(data)));
        }
        String checksum = Digests.sha1(data);
        if (target.exists() && !args.bool("force")) {
            return ModuleResult.builder().put("dest", dest).build();
        }
        Map<String, Object> mode = new LinkedHashMap<>(args.asMap());
        if (preserveMode != null) {
            mode.put("mode", (long) preserveMode);
        }
        ModuleArgs effective = new ModuleArgs(mode);
        if (target.exists() && checksum.equals(target.checksum())) {
            // unchanged content: only attributes may need fixing (Ansible hands over to the file module)
            FileAttributes.Plan plan = FileAttributes.plan(effective, dest, target, facts.umask(), true);
            RemoteStat after = target;
            if (plan.changed() && !ctx.checkMode()) {
                after = FileFacts.change(ctx.connection(), plan.commands(), dest, true).stat("a");
            }
            Map<String, Object> before = new LinkedHashMap<>(Map.of("path", dest));
            Map<String, Object> afterDiff = new LinkedHashMap<>(Map.of("path", dest));
            before.putAll(plan.before());
            afterDiff.putAll(plan.after());
            return ModuleResult.builder().changed(plan.changed()).put("checksum", checksum).put("dest", dest)
                    .put("diff", Map.of("before", before, "after", afterDiff))
                    .putAll(FileAttributes.pathInfo(after)).put("path", dest).build();
        }
        ModuleResult.Builder result = ModuleResult.builder().changed(true);
        if (ctx.diffMode()) {
            // the copy action returns its diffs as a list (one per file)
            result.put("diff", List.of(diff(facts.content(), target, dest, data, diffSource)));
        }
        if (ctx.checkMode()) {
            return result.build();
        }
        RemoteStat written = target.exists() ? target
                : new RemoteStat(true, 0100000 | (0666 & ~facts.umask()), -1, -1, null, null, 0, 0, 0, 0, 0, 1, 0, null, null);
        FileAttributes.Plan plan = FileAttributes.plan(effective, dest, written, facts.umask(), true);
        FileWriter.Written w = FileWriter.write(ctx.connection(), dest, data, target, args.bool("backup"), args.string("validate"), plan);
        if (w.backupFile() != null) {
            result.put("backup_file", w.backupFile());
        }
        return result.put("checksum", checksum).put("dest", dest).put("md5sum", Digests.md5(data))
                .putAll(FileAttributes.pathInfo(w.stat())).build();
    }

    /** Ansible's _get_diff_data: before/after text unless binary or larger than max_file_size_for_diff. */
    static Map<String, Object> diff(byte[] before, RemoteStat target, String dest, byte[] after, String source) {
        Map<String, Object> diff = new LinkedHashMap<>();
        if (target.exists() && target.size() > MAX_DIFF_SIZE) {
            diff.put("dst_larger", (long) MAX_DIFF_SIZE);
        } else if (before != null && isBinary(before)) {
            diff.put("dst_binary", 1L);
        } else {
            // Ansible names the destination only when there was one to read
            if (target.exists()) {
                diff.put("before_header", dest);
            }
            diff.put("before", before == null ? "" : new String(before, StandardCharsets.UTF_8));
        }
        if (after.length > MAX_DIFF_SIZE) {
            diff.put("src_larger", (long) MAX_DIFF_SIZE);
        } else if (isBinary(after)) {
            diff.put("src_binary", 1L);
        } else {
            if (source != null) {
                diff.put("after_header", source);
            }
            diff.put("after", new String(after, StandardCharsets.UTF_8));
        }
        return diff;
    }

    static boolean isBinary(byte[] data) {
        for (byte b : data) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static Integer permissions(Path local) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(local);
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    /** remote_src: both files are on the target; compare checksums there and cp only when they differ. */
    private ModuleResult remoteCopy(ModuleContext ctx, String src, String dest) {
        Probe.Result facts = FileFacts.probe(ctx.connection(), Probe.stat("s", src, true, true) + Probe.stat("d", dest, true, true));
        RemoteStat source = facts.stat("s");
        if (!source.exists()) {
            throw new ModuleFailure("Source " + src + " not found");
        }
        if (source.isDir()) {
            throw new ModuleFailure("remote_src with a directory src is not supported by jplay yet");
        }
        RemoteStat target = facts.stat("d");
        if (target.isDir()) {
            dest = dest + "/" + src.substring(src.lastIndexOf('/') + 1);
            target = FileFacts.probe(ctx.connection(), Probe.stat("d", dest, true, true)).stat("d");
        }
        boolean same = target.exists() && source.checksum() != null && source.checksum().equals(target.checksum());
        if (same || (target.exists() && !ctx.args().bool("force"))) {
            FileAttributes.Plan plan = FileAttributes.plan(ctx.args(), dest, target, facts.umask(), true);
            RemoteStat after = target;
            if (plan.changed() && !ctx.checkMode()) {
                after = FileFacts.change(ctx.connection(), plan.commands(), dest, true).stat("a");
            }
            return ModuleResult.builder().changed(plan.changed()).put("checksum", source.checksum()).put("dest", dest)
                    .putAll(FileAttributes.pathInfo(after)).build();
        }
        if (ctx.checkMode()) {
            return ModuleResult.builder().changed(true).build();
        }
        RemoteStat written = target.exists() ? target : source;
        FileAttributes.Plan plan = FileAttributes.plan(ctx.args(), dest, written, facts.umask(), true);
        String tmp = Sh.q(dest + ".jplay-tmp");
        String backup = ctx.args().bool("backup") && target.exists() ? "cp -p -- " + Sh.q(dest) + " " + Sh.q(dest + ".jplay-backup~") + " && " : "";
        String commands = backup + "cp -- " + Sh.q(src) + " " + tmp + " && mv -f -- " + tmp + " " + Sh.q(dest)
                + (plan.changed() ? " && " + plan.commands() : "");
        RemoteStat after = FileFacts.change(ctx.connection(), commands, dest, true).stat("a");
        return ModuleResult.builder().changed(true).put("checksum", source.checksum()).put("dest", dest).put("src", src)
                .putAll(FileAttributes.pathInfo(after)).build();
    }

    /**
     * A directory src: {@code src/} copies the contents into dest, {@code src} copies the directory itself.
     * One probe lists the checksums of everything under the destination; changed files are then written one
     * per round trip.
     */
    private ModuleResult copyDirectory(ModuleContext ctx, Path local, String src, String dest) {
        String root = dest.endsWith("/") ? dest : dest + "/";
        if (!src.endsWith("/")) {
            root = root + local.getFileName() + "/";
        }
        List<Path> files = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(local)) {
            walk.sorted().forEach(p -> {
                if (p.equals(local)) {
                    return;
                }
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    dirs.add(p);
                } else {
                    files.add(p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder probe = new StringBuilder(Probe.stat("root", root, true, false));
        for (int i = 0; i < files.size(); i++) {
            probe.append(Probe.stat("f" + i, root + local.relativize(files.get(i)), true, true));
        }
        for (int i = 0; i < dirs.size(); i++) {
            probe.append(Probe.stat("d" + i, root + local.relativize(dirs.get(i)), true, false));
        }
        Probe.Result facts = FileFacts.probe(ctx.connection(), probe.toString());
        List<String> mkdirs = new ArrayList<>();
        if (!facts.stat("root").exists()) {
            mkdirs.add(root);
        }
        for (int i = 0; i < dirs.size(); i++) {
            if (!facts.stat("d" + i).exists()) {
                mkdirs.add(root + local.relativize(dirs.get(i)));
            }
        }
        Map<String, byte[]> writes = new LinkedHashMap<>();
        Map<String, RemoteStat> existing = new LinkedHashMap<>();
        boolean force = ctx.args().bool("force");
        for (int i = 0; i < files.size(); i++) {
            RemoteStat st = facts.stat("f" + i);
            try {
                byte[] data = Files.readAllBytes(files.get(i));
                if (!st.exists() || (force && !Digests.sha1(data).equals(st.checksum()))) {
                    String target = root + local.relativize(files.get(i));
                    writes.put(target, data);
                    existing.put(target, st);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boolean changed = !mkdirs.isEmpty() || !writes.isEmpty();
        if (changed && !ctx.checkMode()) {
            if (!mkdirs.isEmpty()) {
                StringBuilder mk = new StringBuilder("mkdir -p");
                mkdirs.forEach(m -> mk.append(' ').append(Sh.q(m)));
                Object dirMode = ctx.args().get("directory_mode");
                if (dirMode != null) {
                    int m = FileMode.resolve(dirMode, root, 0755, true, facts.umask());
                    mk.append(" && chmod ").append(Integer.toOctalString(m));
                    mkdirs.forEach(d -> mk.append(' ').append(Sh.q(d)));
                }
                ExecResult r = ctx.connection().sh(mk.toString());
                if (r.rc() != 0) {
                    throw new ModuleFailure("failed to create directories: " + r.stderrText().strip());
                }
            }
            for (Map.Entry<String, byte[]> w : writes.entrySet()) {
                RemoteStat st = existing.get(w.getKey());
                RemoteStat base = st.exists() ? st : new RemoteStat(true, 0100000 | (0666 & ~facts.umask()), -1, -1, null, null, 0, 0, 0, 0, 0, 1, 0, null, null);
                FileAttributes.Plan plan = FileAttributes.plan(ctx.args(), w.getKey(), base, facts.umask(), true);
                FileWriter.write(ctx.connection(), w.getKey(), w.getValue(), st, false, null, plan);
            }
        }
        return ModuleResult.builder().changed(changed).put("dest", dest.endsWith("/") ? dest : dest + "/").put("src", src).build();
    }
}
