package io.jplay.modules.packaging;

import io.jplay.connection.ExecResult;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.Sh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * ansible.builtin.apt_repository for one-line ({@code .list}) sources: the first round trip reads
 * /etc/apt/sources.list and sources.list.d/*.list, the controller applies Ansible's SourcesList edits (re-enable a
 * commented copy, else append to the file named after the repository's host; absent removes every enabled copy),
 * and only a change costs a second round trip, which writes the files and runs apt-get update.
 * PPA lines (Ubuntu's Launchpad lookup) are not supported.
 */
public final class AptRepositoryModule implements Module {

    static final String SOURCES_LIST = "/etc/apt/sources.list";
    static final String SOURCES_DIR = "/etc/apt/sources.list.d";
    private static final Set<String> VALID_SOURCE_TYPES = Set.of("deb", "deb-src");

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("repo", OptionType.STR).required()
            .option("state", OptionType.STR).defaultValue("present").choices("absent", "present")
            .option("mode", OptionType.RAW)
            .option("update_cache", OptionType.BOOL).defaultValue(true).aliases("update-cache")
            .option("update_cache_retries", OptionType.INT).defaultValue(5L)
            .option("update_cache_retry_max_delay", OptionType.INT).defaultValue(12L)
            .option("filename", OptionType.STR)
            .option("install_python_apt", OptionType.BOOL).defaultValue(true)
            .option("validate_certs", OptionType.BOOL).defaultValue(true)
            .option("codename", OptionType.STR)
            .build();

    @Override
    public String name() {
        return "apt_repository";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    /** One line of a sources file, as Ansible's _parse splits it. */
    record Line(boolean valid, boolean enabled, String source, String comment) {
        String render() {
            return (enabled ? "" : "# ") + source + (comment.isEmpty() ? "" : " # " + comment) + "\n";
        }
    }

    static Line parse(String raw) {
        String line = raw.strip();
        boolean enabled = true;
        String comment = "";
        if (line.startsWith("#")) {
            enabled = false;
            line = line.substring(1);
        }
        int i = line.indexOf('#');
        if (i > 0) {
            comment = line.substring(i + 1).strip();
            line = line.substring(0, i);
        }
        String source = line.strip();
        boolean valid = false;
        if (!source.isEmpty()) {
            String[] chunks = source.split("\\s+");
            if (VALID_SOURCE_TYPES.contains(chunks[0])) {
                valid = true;
                source = String.join(" ", chunks);
            }
        }
        return new Line(valid, enabled, source, comment);
    }

    /** Ansible's _suggest_filename: the repository's host (options, scheme and credentials dropped) with '_' for the rest. */
    static String suggestFilename(String source, String filename) {
        if (filename != null) {
            return filename + ".list";
        }
        String line = source.replaceAll("\\[[^\\]]+\\]", "").replaceAll("\\w+://", "");
        List<String> parts = new ArrayList<>();
        for (String p : line.strip().split("\\s+")) {
            if (!VALID_SOURCE_TYPES.contains(p)) {
                parts.add(p);
            }
        }
        String first = parts.isEmpty() ? "" : parts.get(0);
        if (first.contains("@")) {
            first = first.substring(first.indexOf('@') + 1);
        }
        return String.join("_", first.replaceAll("[^a-zA-Z0-9]", " ").strip().split("\\s+")) + ".list";
    }

    static String dump(List<Line> lines) {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l.render()));
        return b.toString();
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs a = ctx.args();
        String repo = a.string("repo");
        String state = a.string("state");
        if (repo == null || repo.isEmpty()) {
            throw new ModuleFailure("Please set argument 'repo' to a non-empty value");
        }
        if (repo.startsWith("ppa:")) {
            throw new ModuleFailure("PPA repositories (" + repo + ") are not supported by jplay's apt_repository: write the deb line");
        }
        Line wanted = parse(repo);
        if (!wanted.valid() || !wanted.enabled()) {
            throw new ModuleFailure("Invalid repository string: " + (repo.strip().startsWith("#") ? repo.strip().substring(1) : repo.strip()));
        }

        // read every sources file
        String read = "for _jf in " + SOURCES_LIST + " " + SOURCES_DIR + "/*.list; do [ -f \"$_jf\" ] && printf 'F|%s|%s\\n' \"$_jf\" \"$(base64 < \"$_jf\" | tr -d '\\n')\"; done\n";
        Probe.Result probe = Probe.parse(ctx.connection().sh(read).stdout());
        Map<String, List<Line>> files = new TreeMap<>();
        for (String rec : probe.records("F")) {
            int bar = rec.indexOf('|');
            String text = new String(Base64.getDecoder().decode(rec.substring(bar + 1)), StandardCharsets.UTF_8);
            List<Line> lines = new ArrayList<>();
            for (String l : text.split("\n", -1)) {
                lines.add(parse(l));
            }
            if (text.endsWith("\n") || text.isEmpty()) {
                lines.remove(lines.size() - 1); // no line after the last newline
            }
            files.put(rec.substring(0, bar), lines);
        }
        Map<String, String> before = dumpAll(files);
        Set<String> newRepos = new TreeSet<>();
        if ("present".equals(state)) {
            boolean found = false;
            for (List<Line> lines : files.values()) {
                for (int i = 0; i < lines.size(); i++) {
                    Line l = lines.get(i);
                    if (l.valid() && l.source().equals(wanted.source())) {
                        lines.set(i, new Line(true, true, l.source(), l.comment()));
                        found = true;
                    }
                }
            }
            if (!found) {
                String file = suggestFilename(wanted.source(), a.string("filename"));
                file = file.contains("/") ? file : SOURCES_DIR + "/" + file;
                files.computeIfAbsent(file, k -> new ArrayList<>()).add(new Line(true, true, wanted.source(), ""));
                newRepos.add(file);
            }
        } else {
            for (List<Line> lines : files.values()) {
                lines.removeIf(l -> l.valid() && l.enabled() && l.source().equals(wanted.source()));
            }
        }
        Map<String, String> after = dumpAll(files);
        boolean changed = !before.equals(after);
        ModuleResult.Builder result = ModuleResult.builder().changed(changed).put("repo", repo).put("state", state);
        if (changed && ctx.diffMode()) {
            List<Map<String, Object>> diff = new ArrayList<>();
            Set<String> names = new TreeSet<>(before.keySet());
            names.addAll(after.keySet());
            for (String f : names) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("before", before.getOrDefault(f, ""));
                d.put("after", after.getOrDefault(f, ""));
                d.put("before_header", before.containsKey(f) ? f : "/dev/null");
                d.put("after_header", after.containsKey(f) ? f : "/dev/null");
                diff.add(d);
            }
            result.put("diff", diff);
        } else {
            result.put("diff", Map.of());
        }
        if (changed && !ctx.checkMode()) {
            String mode = a.get("mode") == null ? "0644" : modeText(a.get("mode"));
            ExecResult r = ctx.connection().sh(writeScript(before, after, newRepos, mode) + (a.bool("update_cache") ? updateScript(a) : ""));
            if (r.rc() != 0) {
                ctx.connection().sh(writeScript(after, before, Set.of(), null));
                String err = r.stdoutText().strip();
                throw new ModuleFailure(r.rc() == 17 ? "Failed to update apt cache: " + (err.isEmpty() ? "unknown reason" : err) : r.stderrText().strip());
            }
        }
        return result.build();
    }

    private static String modeText(Object mode) {
        if (mode instanceof Number n) {
            return String.format("%04o", n.longValue());
        }
        return String.valueOf(mode);
    }

    private static Map<String, String> dumpAll(Map<String, List<Line>> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((f, lines) -> {
            if (!lines.isEmpty()) {
                out.put(f, dump(lines));
            }
        });
        return out;
    }

    /** Writes the files whose content changes (atomically: temp file in the same directory, then mv), removes emptied ones. */
    static String writeScript(Map<String, String> before, Map<String, String> after, Set<String> newRepos, String mode) {
        StringBuilder s = new StringBuilder("set -e\n");
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (e.getValue().equals(before.get(e.getKey()))) {
                continue;
            }
            String f = e.getKey();
            String dir = f.substring(0, f.lastIndexOf('/'));
            String tmp = dir + "/." + f.substring(f.lastIndexOf('/') + 1) + "-jplay";
            s.append("mkdir -p ").append(Sh.q(dir)).append('\n')
                    .append("printf '%s' ").append(Sh.q(Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8))))
                    .append(" | base64 -d > ").append(Sh.q(tmp)).append('\n');
            if (before.containsKey(f)) {
                s.append("chmod --reference=").append(Sh.q(f)).append(' ').append(Sh.q(tmp)).append(" 2>/dev/null || true\n");
            } else {
                s.append("chmod 0644 ").append(Sh.q(tmp)).append('\n');
            }
            s.append("mv -f ").append(Sh.q(tmp)).append(' ').append(Sh.q(f)).append('\n');
            if (newRepos.contains(f) && mode != null) {
                s.append("chmod ").append(Sh.q(mode)).append(' ').append(Sh.q(f)).append('\n');
            }
        }
        for (String f : before.keySet()) {
            if (!after.containsKey(f)) {
                s.append("rm -f ").append(Sh.q(f)).append('\n');
            }
        }
        return s.append("set +e\n").toString();
    }

    /** apt-get update with Ansible's retries and backoff; exit 17 with apt's errors on stdout when it keeps failing. */
    static String updateScript(ModuleArgs a) {
        long retries = Math.max(1, a.integer("update_cache_retries"));
        long max = Math.max(1, a.integer("update_cache_retry_max_delay"));
        return AptModule.ENV + "_ji=0; _jd=1\nwhile :; do\n"
                + "  _je=$(apt-get update -q 2>&1 >/dev/null); _jr=$?\n"
                + "  if [ $_jr = 0 ] && ! printf '%s\\n' \"$_je\" | grep -Eq '^(W: (Failed to fetch|Some index files failed)|E: )'; then break; fi\n"
                + "  _ji=$((_ji + 1)); if [ $_ji -ge " + retries + " ]; then printf '%s\\n' \"$_je\"; exit 17; fi\n"
                + "  sleep $_jd; _jd=$((_jd * 2)); [ $_jd -gt " + max + " ] && _jd=" + max + "\ndone\n";
    }
}
