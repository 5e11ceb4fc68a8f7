package io.jplay.modules.files;

import io.jplay.connection.ExecResult;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.PyRegex;
import io.jplay.modules.support.RemoteStat;
import io.jplay.modules.support.Sh;
import io.jplay.modules.support.StatInfo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ansible.builtin.find. One round trip lists every entry under the paths with find(1) and stat(1) (lstat, like
 * Ansible), plus the target's clock for age; patterns, age, size and depth are applied on the controller as
 * find.py does. {@code contains} reads the remaining candidates in a second round trip; get_checksum asks for
 * their sha1 in the same one.
 */
public final class FindModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("paths", OptionType.LIST).required().aliases("name", "path").elements(OptionType.STR)
            .option("patterns", OptionType.LIST).defaultValue(List.of()).aliases("pattern").elements(OptionType.STR)
            .option("excludes", OptionType.LIST).aliases("exclude").elements(OptionType.STR)
            .option("contains", OptionType.STR)
            .option("read_whole_file", OptionType.BOOL).defaultValue(false)
            .option("file_type", OptionType.STR).defaultValue("file").choices("any", "directory", "file", "link")
            .option("age", OptionType.STR)
            .option("age_stamp", OptionType.STR).defaultValue("mtime").choices("atime", "ctime", "mtime")
            .option("size", OptionType.STR)
            .option("recurse", OptionType.BOOL).defaultValue(false)
            .option("hidden", OptionType.BOOL).defaultValue(false)
            .option("follow", OptionType.BOOL).defaultValue(false)
            .option("get_checksum", OptionType.BOOL).defaultValue(false)
            .option("use_regex", OptionType.BOOL).defaultValue(false)
            .option("depth", OptionType.INT)
            .build();

    private static final String STAT_GNU = "%f|%u|%g|%U|%G|%s|%Y|%X|%Z|%i|%h|%d|%n";
    private static final String STAT_BSD = "%Xp|%u|%g|%Su|%Sg|%z|%m|%a|%c|%i|%l|%d|%N";

    @Override
    public String name() {
        return "find";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    private record Entry(String path, RemoteStat stat) {
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        Long age = parseAmount(args.string("age"), "^(-?\\d+)(s|m|h|d|w)?$", Map.of("s", 1L, "m", 60L, "h", 3600L, "d", 86400L, "w", 604800L), "age");
        Long size = parseAmount(args.string("size"), "^(-?\\d+)(b|k|m|g|t)?$",
                Map.of("b", 1L, "k", 1024L, "m", 1024L * 1024, "g", 1024L * 1024 * 1024, "t", 1024L * 1024 * 1024 * 1024), "size");
        boolean useRegex = args.bool("use_regex");
        List<String> patterns = args.strings("patterns");
        if (patterns.isEmpty()) {
            patterns = List.of(useRegex ? ".*" : "*");
        }
        List<String> excludes = args.strings("excludes");
        boolean recurse = args.bool("recurse");
        String fileType = args.string("file_type");

        StringBuilder script = new StringBuilder("printf 'N|%s\\n' \"$(date +%s)\"\n");
        List<String> paths = args.strings("paths");
        for (String path : paths) {
            String p = Sh.q(path);
            String walk = "find " + (args.bool("follow") ? "-L " : "") + p + " ! -path " + p + (recurse ? "" : " -prune");
            script.append("if [ -d ").append(p).append(" ]; then\n")
                    .append("  ").append(walk).append(" -exec stat -c 'E|").append(STAT_GNU).append("' {} + 2>/dev/null || ")
                    .append(walk).append(" -exec stat -f 'E|").append(STAT_BSD).append("' {} + 2>/dev/null\n")
                    .append("else printf 'X|%s\\n' ").append(p).append("; fi\n");
        }
        ExecResult listing = ctx.connection().sh(script.toString());
        long now = System.currentTimeMillis() / 1000;
        Map<String, List<Entry>> byRoot = new LinkedHashMap<>();
        Map<String, Object> skipped = new LinkedHashMap<>();
        List<String> notDirs = new ArrayList<>();
        for (String line : listing.stdoutText().split("\n")) {
            if (line.startsWith("N|")) {
                try {
                    now = Long.parseLong(line.substring(2).strip());
                } catch (NumberFormatException ignored) {
                    // keep the controller's clock
                }
            } else if (line.startsWith("X|")) {
                notDirs.add(line.substring(2));
            } else if (line.startsWith("E|")) {
                String[] f = line.substring(2).split("\\|", 13);
                if (f.length < 13) {
                    continue;
                }
                RemoteStat st = new RemoteStat(true, Integer.parseInt(f[0].strip(), 16), num(f[1]), num(f[2]), f[3], f[4], num(f[5]),
                        num(f[6]), num(f[7]), num(f[8]), num(f[9]), num(f[10]), num(f[11]), null, null);
                String path = normalize(f[12]);
                byRoot.computeIfAbsent("", k -> new ArrayList<>()).add(new Entry(path, st));
            }
        }
        int examined = 0;
        List<Entry> candidates = new ArrayList<>();
        Integer depthLimit = args.integer("depth") == null || args.integer("depth") == 0 ? null : args.integer("depth").intValue();
        for (Entry e : byRoot.getOrDefault("", List.of())) {
            String root = rootOf(e.path, paths);
            if (depthLimit != null) {
                String wpath = root.replaceAll("/+$", "") + "/";
                int depth = count(e.path, '/') - count(wpath, '/') + 1;
                if (depth > depthLimit + 1) {
                    continue;
                }
                examined++;
                if (depth > depthLimit) {
                    // os.walk lists these (and find.py counts them) but does not descend further
                    continue;
                }
            } else {
                examined++;
            }
            String base = e.path.substring(e.path.lastIndexOf('/') + 1);
            if (base.startsWith(".") && !args.bool("hidden")) {
                continue;
            }
            if (!nameMatches(base, patterns, excludes, useRegex) || !ageMatches(e.stat, now, age, args.string("age_stamp"))) {
                continue;
            }
            boolean keep = switch (fileType) {
                case "any" -> !e.stat.isFile() || sizeMatches(e.stat, size);
                case "directory" -> e.stat.isDir();
                case "link" -> e.stat.isLink();
                default -> e.stat.isFile() && sizeMatches(e.stat, size);
            };
            if (keep) {
                candidates.add(e);
            }
        }
        String contains = args.string("contains");
        boolean checksum = args.bool("get_checksum");
        Map<String, String> sums = new LinkedHashMap<>();
        if ((contains != null && "file".equals(fileType)) || checksum) {
            candidates = readCandidates(ctx, candidates, "file".equals(fileType) ? contains : null, args.bool("read_whole_file"), checksum, sums);
        }
        List<Object> files = new ArrayList<>();
        for (Entry e : candidates) {
            Map<String, Object> info = StatInfo.of(e.path, e.stat);
            if (checksum && e.stat.isFile() && sums.containsKey(e.path)) {
                info.put("checksum", sums.get(e.path));
            }
            files.add(info);
        }
        String msg = "All paths examined";
        for (String path : notDirs) {
            String why = "'" + path + "' is not a directory";
            skipped.put(path, why);
            ctx.warn("Skipped '" + path + "' path due to this access issue: " + why + "\n");
            msg = "Not all paths examined, check warnings for details";
        }
        return ModuleResult.builder().put("files", files).put("matched", (long) files.size()).put("examined", (long) examined)
                .msg(msg).put("skipped_paths", skipped).build();
    }

    /**
     * Second round trip: each candidate's size, optional sha1, and bytes (when {@code contains} needs them),
     * framed as {@code F|size|sha1|path} followed by exactly size bytes.
     */
    private List<Entry> readCandidates(ModuleContext ctx, List<Entry> candidates, String contains, boolean wholeFile,
                                       boolean checksum, Map<String, String> sums) {
        List<Entry> files = candidates.stream().filter(e -> e.stat.isFile()).toList();
        if (files.isEmpty()) {
            return contains == null ? candidates : List.of();
        }
        StringBuilder script = new StringBuilder("for _f in");
        files.forEach(e -> script.append(' ').append(Sh.q(e.path)));
        script.append("; do\n  _s=").append(checksum ? "$({ sha1sum < \"$_f\" 2>/dev/null || shasum -a 1 < \"$_f\"; } | cut -c1-40)" : "")
                .append("\n  if [ -r \"$_f\" ]; then _n=$(wc -c < \"$_f\" | tr -d ' '); else _n=0; fi\n");
        if (contains != null) {
            script.append("  printf 'F|%s|%s|%s\\n' \"$_n\" \"$_s\" \"$_f\"; [ \"$_n\" = 0 ] || cat -- \"$_f\"\n");
        } else {
            script.append("  printf 'F|0|%s|%s\\n' \"$_s\" \"$_f\"\n");
        }
        script.append("done\n");
        byte[] out = ctx.connection().sh(script.toString()).stdout();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        int pos = 0;
        while (pos < out.length) {
            int nl = pos;
            while (nl < out.length && out[nl] != '\n') {
                nl++;
            }
            String header = new String(out, pos, nl - pos, StandardCharsets.UTF_8);
            String[] f = header.split("\\|", 4);
            if (f.length < 4 || !f[0].equals("F")) {
                break;
            }
            int n = Integer.parseInt(f[1].isBlank() ? "0" : f[1].strip());
            int from = Math.min(nl + 1, out.length);
            int to = Math.min(from + n, out.length);
            byte[] data = java.util.Arrays.copyOfRange(out, from, to);
            contents.put(f[3], data);
            if (!f[2].isBlank()) {
                sums.put(f[3], f[2].strip());
            }
            pos = to;
        }
        if (contains == null) {
            return candidates;
        }
        Pattern prog = PyRegex.compile(contains, 0);
        List<Entry> kept = new ArrayList<>();
        for (Entry e : candidates) {
            byte[] data = contents.get(e.path);
            if (data == null) {
                continue;
            }
            String text = new String(data, StandardCharsets.UTF_8);
            boolean match;
            if (wholeFile) {
                match = prog.matcher(text).find();
            } else {
                match = false;
                for (String line : text.split("(?<=\n)")) {
                    if (prog.matcher(line).lookingAt()) {
                        match = true;
                        break;
                    }
                }
            }
            if (match) {
                kept.add(e);
            }
        }
        return kept;
    }

    private static String rootOf(String path, List<String> roots) {
        for (String r : roots) {
            String norm = normalize(r);
            if (path.startsWith(norm.endsWith("/") ? norm : norm + "/")) {
                return r;
            }
        }
        return roots.get(0);
    }

    private static String normalize(String path) {
        String p = path.replaceAll("/{2,}", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static Long parseAmount(String value, String regex, Map<String, Long> units, String what) {
        if (value == null) {
            return null;
        }
        Matcher m = Pattern.compile(regex).matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ModuleFailure("failed to process " + what, Map.of(what, value));
        }
        return Long.parseLong(m.group(1)) * (m.group(2) == null ? 1L : units.get(m.group(2)));
    }

    static boolean nameMatches(String name, List<String> patterns, List<String> excludes, boolean useRegex) {
        for (String p : patterns) {
            if (matches(name, p, useRegex)) {
                if (excludes != null) {
                    for (String e : excludes) {
                        if (matches(name, e, useRegex)) {
                            return false;
                        }
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String name, String pattern, boolean useRegex) {
        if (useRegex) {
            return PyRegex.compile(pattern, 0).matcher(name).lookingAt();
        }
        return Pattern.compile(fnmatchToRegex(pattern), Pattern.DOTALL).matcher(name).matches();
    }

    /** Python's fnmatch.translate: *, ?, [seq] and [!seq]; everything else literal. */
    static String fnmatchToRegex(String pattern) {
        StringBuilder out = new StringBuilder();
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else if (c == '[') {
                int j = i + 1;
                if (j < n && pattern.charAt(j) == '!') {
                    j++;
                }
                if (j < n && pattern.charAt(j) == ']') {
                    j++;
                }
                while (j < n && pattern.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    out.append("\\[");
                } else {
                    String stuff = pattern.substring(i + 1, j).replace("\\", "\\\\");
                    if (stuff.startsWith("!")) {
                        stuff = "^" + stuff.substring(1);
                    } else if (stuff.startsWith("^")) {
                        stuff = "\\" + stuff;
                    }
                    out.append('[').append(stuff.replace("[", "\\[").replace("&&", "\\&\\&")).append(']');
                    i = j;
                }
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    private static boolean ageMatches(RemoteStat st, long now, Long age, String stamp) {
        if (age == null) {
            return true;
        }
        long t = switch (stamp) {
            case "atime" -> st.atime();
            case "ctime" -> st.ctime();
            default -> st.mtime();
        };
        return age >= 0 ? now - t >= Math.abs(age) : now - t <= Math.abs(age);
    }

    private static boolean sizeMatches(RemoteStat st, Long size) {
        if (size == null) {
            return true;
        }
        return size >= 0 ? st.size() >= Math.abs(size) : st.size() <= Math.abs(size);
    }

    private static long num(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
