package io.jplay.modules.net;

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
import io.jplay.modules.support.TargetHttp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ansible.builtin.get_url: the target downloads with curl (or wget) into a private temp file, in the same
 * round trip that stats the destination and, when a checksum is given, hashes it first (a match ends the task
 * without downloading). A download whose sha1 equals the destination's is dropped there too, so a run that
 * changes nothing is one round trip; a changed file costs a second one (move into place, attributes, stat).
 * A checksum given as {@code <algo>:<url>} costs one more round trip to read the checksums file.
 */
public final class GetUrlModule implements Module {

    static final List<String> ALGORITHMS = List.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512");
    private static final String EMPTY_SHA1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("url", OptionType.STR).required()
            .option("dest", OptionType.PATH).required()
            .option("backup", OptionType.BOOL).defaultValue(false)
            .option("checksum", OptionType.STR).defaultValue("")
            .option("timeout", OptionType.INT).defaultValue(10L)
            .option("headers", OptionType.DICT)
            .option("tmp_dest", OptionType.PATH)
            .option("unredirected_headers", OptionType.LIST).elements(OptionType.STR).defaultValue(List.of())
            .option("decompress", OptionType.BOOL).defaultValue(true)
            .option("ciphers", OptionType.LIST).elements(OptionType.STR)
            .option("use_netrc", OptionType.BOOL).defaultValue(true)
            .include(UrlOptions.spec("username", "password"))
            .include(FileAttributes.SPEC)
            .build();

    @Override
    public String name() {
        return "get_url";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String url = args.string("url");
        String dest = args.string("dest");
        boolean force = args.bool("force");
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("changed", false);
        base.put("checksum_dest", null);
        base.put("checksum_src", null);
        base.put("dest", dest);
        base.put("elapsed", 0L);
        base.put("url", url);

        String algorithm = null;
        String checksum = "";
        String spec = args.string("checksum");
        if (spec != null && !spec.isEmpty()) {
            int colon = spec.indexOf(':');
            if (colon < 0) {
                throw new ModuleFailure("The checksum parameter has to be in format <algorithm>:<checksum>", base);
            }
            algorithm = spec.substring(0, colon);
            checksum = spec.substring(colon + 1);
            if (isUrl(checksum)) {
                checksum = checksumFromUrl(ctx, url, dest, checksum);
            }
            checksum = checksum.replaceAll("[^\\p{L}\\p{N}_]+", "").toLowerCase(Locale.ROOT);
            if (checksum.isEmpty() || !checksum.matches("[0-9a-f]+")) {
                throw new ModuleFailure("The checksum format is invalid", base);
            }
            if (!ALGORITHMS.contains(algorithm)) {
                throw new ModuleFailure("Could not hash file '" + dest + "' with algorithm '" + algorithm + "'. Available algorithms: "
                        + String.join(", ", ALGORITHMS), base);
            }
        }

        String tmpDir = args.string("tmp_dest") != null ? args.string("tmp_dest") : ctx.remoteTmp();
        TargetHttp.Request request = UrlOptions.request(args, url);
        request.head = ctx.checkMode();
        if (force) {
            request.headers.putIfAbsent("cache-control", "no-cache");
        }
        String d = Sh.q(dest);
        String parent = dest.contains("/") ? dest.substring(0, Math.max(dest.lastIndexOf('/'), 1)) : ".";
        StringBuilder s = new StringBuilder(Probe.PREAMBLE).append(SUM_FUNCTION);
        s.append(Probe.stat("d", dest, true, false)).append(Probe.stat("p", parent, true, false));
        s.append("_jz=\n");
        s.append("if [ -e ").append(d).append(" ] && [ ! -d ").append(d).append(" ]; then\n");
        if (!checksum.isEmpty() && !force) {
            s.append("  _jk=$(_jsum ").append(algorithm).append(' ').append(d).append("); printf 'K|%s\\n' \"$_jk\"\n");
            s.append("  if [ \"$_jk\" = ").append(Sh.q(checksum)).append(" ]; then exit 0; fi\n");
            // a mismatching file is downloaded again whatever its age
        } else if (!force) {
            s.append("  _jz=").append(d).append('\n');
        }
        s.append("fi\n");
        if (args.string("tmp_dest") != null) {
            String t = Sh.q(tmpDir);
            s.append("if [ ! -d ").append(t).append(" ]; then if [ -e ").append(t).append(" ]; then echo 'Z|file'; else echo 'Z|missing'; fi; exit 0; fi\n");
        }
        s.append(TargetHttp.setupLines(tmpDir));
        s.append(TargetHttp.requestLines(url, ctx.checkMode(), true));
        s.append("printf 'T|%s\\n' \"$_jo\"\n");
        s.append("if [ -f \"$_jo\" ]; then\n");
        s.append("  _js=$(_jsum sha1 \"$_jo\"); printf 'S|%s\\nM|%s\\n' \"$_js\" \"$(_jsum md5 \"$_jo\")\"\n");
        if (!checksum.isEmpty()) {
            s.append("  printf 'X|%s\\n' \"$(_jsum ").append(algorithm).append(" \"$_jo\")\"\n");
        }
        s.append("  if [ -f ").append(d).append(" ]; then _jds=$(_jsum sha1 ").append(d).append("); printf 'D|%s\\n' \"$_jds\";")
                .append(" if [ \"$_jds\" = \"$_js\" ]; then rm -f \"$_jo\"; echo 'G|same'; fi; fi\n");
        s.append("fi\n");

        ExecResult r = ctx.connection().exec(Command.shell(s.toString()).withStdin(TargetHttp.stdin(request)));
        Probe.Result facts = Probe.parse(r.stdout());
        RemoteStat destStat = facts.stat("d");
        String zone = facts.record("Z");
        if (zone != null) {
            throw new ModuleFailure(tmpDir + ("file".equals(zone.strip()) ? " is a file but should be a directory." : " directory does not exist."),
                    Map.of("elapsed", 0L));
        }
        if (facts.record("K") != null && facts.record("T") == null) {
            // the destination already has the wanted checksum: only its attributes may change
            FileAttributes.Plan plan = FileAttributes.plan(args, dest, destStat, facts.umask(), true);
            RemoteStat after = destStat;
            if (plan.changed() && !ctx.checkMode()) {
                after = FileFacts.change(ctx.connection(), plan.commands(), dest, true).stat("a");
            }
            Map<String, Object> result = new LinkedHashMap<>(base);
            result.put("changed", plan.changed());
            result.put("msg", plan.changed() ? "file already exists but file attributes changed" : "file already exists");
            result.putAll(FileAttributes.pathInfo(after));
            return ModuleResult.builder().putAll(result).build();
        }
        if (facts.record("T") == null) {
            throw new ModuleFailure("get_url failed on the target: " + r.stderrText().strip(), base);
        }
        String tmp = facts.record("T").strip();
        TargetHttp.Response response = TargetHttp.parse(facts);
        if (response.status() == 304) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("url", url);
            result.put("dest", dest);
            result.put("changed", false);
            result.put("msg", response.errorMessage());
            result.put("status_code", 304L);
            result.put("elapsed", 0L);
            result.putAll(FileAttributes.pathInfo(destStat));
            return ModuleResult.builder().putAll(result).build();
        }
        if (response.status() < 0) {
            cleanup(ctx, tmp);
            throw new ModuleFailure("Request failed: " + (response.error() == null ? "no response" : response.error()),
                    Map.of("url", url, "dest", dest, "elapsed", 0L));
        }
        if (response.status() != 200 && !url.startsWith("file:/")) {
            cleanup(ctx, tmp);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("status_code", (long) response.status());
            extra.put("response", response.errorMessage());
            extra.put("url", url);
            extra.put("dest", dest);
            extra.put("elapsed", 0L);
            throw new ModuleFailure("Request failed", extra);
        }
        Map<String, Object> result = new LinkedHashMap<>(base);
        result.put("src", tmp);
        String finalDest = dest;
        RemoteStat finalStat = destStat;
        String destSha1 = facts.record("D");
        boolean parentExists = facts.stat("p").exists();
        if (destStat.isDir()) {
            String name = filenameFromHeaders(response.headers());
            finalDest = dest.replaceAll("/+$", "") + "/" + (name != null ? name : urlFilename(response.url() != null ? response.url() : url));
            result.put("dest", finalDest);
            Probe.Result p = FileFacts.probe(ctx.connection(), SUM_FUNCTION + Probe.stat("f", finalDest, true, false)
                    + "if [ -f " + Sh.q(finalDest) + " ]; then printf 'D|%s\\n' \"$(_jsum sha1 " + Sh.q(finalDest) + ")\"; fi\n");
            finalStat = p.stat("f");
            destSha1 = p.record("D");
            parentExists = true;
        }
        String srcSha1 = ctx.checkMode() ? EMPTY_SHA1 : facts.record("S");
        result.put("checksum_src", srcSha1);
        if (finalStat.exists()) {
            result.put("checksum_dest", destSha1);
        } else if (!parentExists) {
            cleanup(ctx, tmp);
            String dir = finalDest.contains("/") ? finalDest.substring(0, Math.max(finalDest.lastIndexOf('/'), 1)) : ".";
            throw new ModuleFailure("Destination " + dir + " does not exist", result);
        }
        if (ctx.checkMode()) {
            result.put("changed", !srcSha1.equals(destSha1));
            result.put("msg", response.okMessage());
            if (finalStat.exists()) {
                result.putAll(FileAttributes.pathInfo(finalStat));
            }
            return ModuleResult.builder().putAll(result).build();
        }
        boolean changed = !srcSha1.equals(destSha1);
        if (!checksum.isEmpty() && !checksum.equals(facts.record("X"))) {
            // Ansible moves the download into place, finds the mismatch and removes the destination
            ctx.connection().sh("rm -f -- " + Sh.q(tmp) + " " + Sh.q(finalDest));
            result.put("changed", changed);
            throw new ModuleFailure("The checksum for " + finalDest + " did not match " + checksum + "; it was " + facts.record("X") + ".", result);
        }
        RemoteStat after = finalStat;
        String backupFile = null;
        if (changed) {
            RemoteStat written = finalStat.exists() ? finalStat
                    : new RemoteStat(true, 0100000 | (0666 & ~facts.umask()), -1, -1, null, null, 0, 0, 0, 0, 0, 1, 0, null, null);
            FileAttributes.Plan plan = FileAttributes.plan(args, finalDest, written, facts.umask(), true);
            StringBuilder move = new StringBuilder();
            String f = Sh.q(finalDest);
            move.append("chmod ").append(Integer.toOctalString(written.permissions())).append(' ').append(Sh.q(tmp)).append(" && ");
            if (finalStat.exists()) {
                move.append("{ chown ").append(finalStat.uid()).append(':').append(finalStat.gid()).append(' ').append(Sh.q(tmp))
                        .append(" 2>/dev/null || true; } && ");
                if (args.bool("backup")) {
                    backupFile = finalDest + "." + ProcessHandle.current().pid() + "."
                            + DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss").format(LocalDateTime.now()) + "~";
                    move.append("cp -p -- ").append(f).append(' ').append(Sh.q(backupFile)).append(" && ");
                }
            }
            move.append("mv -f -- ").append(Sh.q(tmp)).append(' ').append(f);
            if (plan.changed()) {
                move.append(" && ").append(plan.commands());
            }
            try {
                after = FileFacts.change(ctx.connection(), move.toString(), finalDest, true).stat("a");
            } catch (ModuleFailure e) {
                cleanup(ctx, tmp);
                throw new ModuleFailure("failed to copy " + tmp + " to " + finalDest + ": " + e.getMessage(), result);
            }
        } else {
            if (facts.record("G") == null) {
                cleanup(ctx, tmp);
            }
            FileAttributes.Plan plan = FileAttributes.plan(args, finalDest, finalStat, facts.umask(), true);
            if (plan.changed()) {
                after = FileFacts.change(ctx.connection(), plan.commands(), finalDest, true).stat("a");
                changed = true;
            }
        }
        result.put("changed", changed);
        result.put("md5sum", facts.record("M"));
        if (backupFile != null) {
            result.put("backup_file", backupFile);
        }
        result.put("msg", response.okMessage());
        result.put("status_code", (long) response.status());
        result.putAll(FileAttributes.pathInfo(after));
        return ModuleResult.builder().putAll(result).build();
    }

    /** Reads a checksums file on the target (same client and options) and picks the line for the url's file name. */
    private String checksumFromUrl(ModuleContext ctx, String url, String dest, String checksumUrl) {
        TargetHttp.Request request = UrlOptions.request(ctx.args(), checksumUrl);
        String script = TargetHttp.setupLines(ctx.remoteTmp()) + "trap 'rm -f \"$_jc\" \"$_jw\" \"$_jh\" \"$_jo\"' EXIT\n"
                + TargetHttp.requestLines(checksumUrl, false, true)
                + "if [ -f \"$_jo\" ]; then printf '@@CONTENT\\n'; cat \"$_jo\"; fi\n";
        ExecResult r = ctx.connection().exec(Command.shell(script).withStdin(TargetHttp.stdin(request)));
        Probe.Result facts = Probe.parse(r.stdout());
        TargetHttp.Response response = TargetHttp.parse(facts);
        if (response.status() < 0) {
            throw new ModuleFailure("Request failed: " + (response.error() == null ? "no response" : response.error()),
                    Map.of("url", checksumUrl, "dest", dest, "elapsed", 0L));
        }
        if (response.status() != 200) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("status_code", (long) response.status());
            extra.put("response", response.errorMessage());
            extra.put("url", checksumUrl);
            extra.put("dest", dest);
            extra.put("elapsed", 0L);
            throw new ModuleFailure("Request failed", extra);
        }
        String text = new String(facts.content() == null ? new byte[0] : facts.content(), StandardCharsets.UTF_8);
        String found = pickChecksum(text, urlFilename(url));
        if (found == null) {
            throw new ModuleFailure("Unable to find a checksum for file '" + urlFilename(url) + "' in '" + checksumUrl + "'");
        }
        return found;
    }

    /** Ansible's parsing of a checksums file: one bare sum, or "sum  name" / "sum *name" lines. */
    static String pickChecksum(String text, String filename) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.size() == 1 && lines.get(0).strip().split("\\s+").length == 1) {
            return lines.get(0).strip();
        }
        for (String line : lines) {
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String sum = line.substring(0, space);
            String name = line.substring(space + 1);
            if (name.startsWith(" ") || name.startsWith("*")) {
                name = name.substring(1);
            }
            name = name.replaceFirst("^[./]+", "");
            if (name.equals(filename)) {
                return sum;
            }
        }
        return null;
    }

    static boolean isUrl(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String scheme = value.substring(0, colon).toLowerCase(Locale.ROOT);
        return List.of("http", "https", "ftp", "file").contains(scheme);
    }

    /** The last path segment of a URL, or index.html. */
    static String urlFilename(String url) {
        String path;
        try {
            path = URI.create(url).getRawPath();
        } catch (IllegalArgumentException e) {
            path = url.replaceFirst("^[a-zA-Z]+://[^/]*", "").replaceFirst("[?#].*$", "");
        }
        if (path == null) {
            path = "";
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "index.html" : name;
    }

    private static final Pattern CONTENT_DISPOSITION = Pattern.compile("attachment; ?filename=\"?([^\"]+)");

    static String filenameFromHeaders(Map<String, String> headers) {
        String value = headers.get("content-disposition");
        if (value == null) {
            return null;
        }
        Matcher m = CONTENT_DISPOSITION.matcher(value);
        if (!m.lookingAt()) {
            return null;
        }
        String name = m.group(1);
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static void cleanup(ModuleContext ctx, String tmp) {
        ctx.connection().sh("rm -f -- " + Sh.q(tmp));
    }

    /** {@code _jsum ALGO FILE}: the hex digest with coreutils, shasum or openssl, whichever the target has. */
    static final String SUM_FUNCTION = "_jsum() {\n"
            + "  if command -v \"$1sum\" >/dev/null 2>&1; then \"$1sum\" < \"$2\" | cut -d' ' -f1\n"
            + "  elif [ \"$1\" != md5 ] && command -v shasum >/dev/null 2>&1; then shasum -a \"${1#sha}\" < \"$2\" | cut -d' ' -f1\n"
            + "  else openssl dgst -\"$1\" -r < \"$2\" | cut -d' ' -f1; fi\n"
            + "}\n";
}
