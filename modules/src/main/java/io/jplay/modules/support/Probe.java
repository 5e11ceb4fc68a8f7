package io.jplay.modules.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the read-only part of a module's one-round-trip script (pyinfra's "facts"): stat records for
 * paths, the target's umask, and optionally one file's raw bytes at the end; then parses the output.
 *
 * <p>Output protocol, one record per line: {@code J|tag|1|<modehex>|uid|gid|owner|group|size|mtime|atime|
 * ctime|inode|nlink|dev} (or {@code J|tag|0} for a missing path), {@code L|tag|link target},
 * {@code C|tag|sha1}, {@code U|umask}; modules may print their own records with other letters. A line
 * {@code @@CONTENT} is followed by raw file bytes up to the end of the output.
 *
 * <p>stat(1) is not POSIX: GNU/busybox take {@code -c}, BSD/macOS take {@code -f}; the script tries both.
 */
public final class Probe {

    public static final String CONTENT_MARKER = "@@CONTENT\n";

    /** Shell functions every probe script starts with. */
    public static final String PREAMBLE = String.join("\n",
            "_jsha1() { if command -v sha1sum >/dev/null 2>&1; then sha1sum < \"$1\" | cut -c1-40;"
                    + " elif command -v shasum >/dev/null 2>&1; then shasum -a 1 < \"$1\" | cut -c1-40;"
                    + " else openssl sha1 < \"$1\" | sed 's/^.* //'; fi; }",
            "_jst() {",
            "  if [ \"$3\" = 1 ]; then _o=-L; else _o=; fi",
            "  if [ -e \"$2\" ] || { [ \"$3\" != 1 ] && [ -h \"$2\" ]; }; then",
            "    _s=$(stat $_o -c '%f|%u|%g|%U|%G|%s|%Y|%X|%Z|%i|%h|%d' -- \"$2\" 2>/dev/null"
                    + " || stat $_o -f '%Xp|%u|%g|%Su|%Sg|%z|%m|%a|%c|%i|%l|%d' -- \"$2\" 2>/dev/null)",
            "    printf 'J|%s|1|%s\\n' \"$1\" \"$_s\"",
            "    if [ \"$3\" != 1 ] && [ -h \"$2\" ]; then printf 'L|%s|%s\\n' \"$1\" \"$(readlink -- \"$2\")\"; fi",
            "    if [ \"$4\" = 1 ] && [ -f \"$2\" ] && [ -r \"$2\" ]; then printf 'C|%s|%s\\n' \"$1\" \"$(_jsha1 \"$2\")\"; fi",
            "  else printf 'J|%s|0\\n' \"$1\"; fi",
            "}",
            "printf 'U|%s\\n' \"$(umask)\"",
            "");

    private Probe() {
    }

    /** A line that stats {@code path} under {@code tag}; {@code follow} stats a link's target. */
    public static String stat(String tag, String path, boolean follow, boolean checksum) {
        return "_jst " + tag + " " + Sh.q(path) + " " + (follow ? 1 : 0) + " " + (checksum ? 1 : 0) + "\n";
    }

    /** A line that appends the file's bytes after the content marker (must be the last output). */
    public static String content(String path) {
        return "printf '@@CONTENT\\n'; cat -- " + Sh.q(path) + " 2>/dev/null\n";
    }

    /** Parsed output of a probe script. */
    public static final class Result {
        private final Map<String, RemoteStat> stats = new LinkedHashMap<>();
        private final Map<String, java.util.List<String>> records = new LinkedHashMap<>();
        private int umask = 022;
        private byte[] content;

        public RemoteStat stat(String tag) {
            RemoteStat s = stats.get(tag);
            return s == null ? RemoteStat.ABSENT : s;
        }

        public int umask() {
            return umask;
        }

        /** The file bytes after the marker, or null when the script printed none. */
        public byte[] content() {
            return content;
        }

        /** A module's own record: the text after {@code letter|} on the first line starting so. */
        public String record(String letter) {
            java.util.List<String> all = records.get(letter);
            return all == null ? null : all.get(0);
        }

        /** Every record a module printed with this letter, in output order. */
        public java.util.List<String> records(String letter) {
            return records.getOrDefault(letter, java.util.List.of());
        }
    }

    public static Result parse(byte[] stdout) {
        Result result = new Result();
        int end = indexOf(stdout, CONTENT_MARKER.getBytes(StandardCharsets.US_ASCII));
        String head;
        if (end >= 0 && (end == 0 || stdout[end - 1] == '\n')) {
            head = new String(stdout, 0, end, StandardCharsets.UTF_8);
            int from = end + CONTENT_MARKER.length();
            result.content = java.util.Arrays.copyOfRange(stdout, from, stdout.length);
        } else {
            head = new String(stdout, StandardCharsets.UTF_8);
        }
        for (String line : head.split("\n")) {
            int bar = line.indexOf('|');
            if (bar < 0) {
                continue;
            }
            String letter = line.substring(0, bar);
            String rest = line.substring(bar + 1);
            switch (letter) {
                case "J" -> parseStat(result, rest);
                case "L" -> {
                    int b = rest.indexOf('|');
                    String tag = rest.substring(0, b);
                    result.stats.put(tag, result.stat(tag).withLinkTarget(rest.substring(b + 1)));
                }
                case "C" -> {
                    int b = rest.indexOf('|');
                    String tag = rest.substring(0, b);
                    result.stats.put(tag, result.stat(tag).withChecksum(rest.substring(b + 1).strip()));
                }
                case "U" -> {
                    try {
                        result.umask = Integer.parseInt(rest.strip(), 8);
                    } catch (NumberFormatException ignored) {
                        // keep the default
                    }
                }
                default -> result.records.computeIfAbsent(letter, k -> new java.util.ArrayList<>()).add(rest);
            }
        }
        return result;
    }

    private static void parseStat(Result result, String rest) {
        String[] f = rest.split("\\|", -1);
        String tag = f[0];
        if (f.length < 14 || !"1".equals(f[1])) {
            result.stats.put(tag, RemoteStat.ABSENT);
            return;
        }
        result.stats.put(tag, new RemoteStat(true, Integer.parseInt(f[2].strip(), 16), num(f[3]), num(f[4]), f[5], f[6],
                num(f[7]), num(f[8]), num(f[9]), num(f[10]), num(f[11]), num(f[12]), num(f[13]), null, null));
    }

    private static long num(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
