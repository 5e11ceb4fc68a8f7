package io.jplay.modules.files;

import io.jplay.connection.ExecResult;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.RemoteStat;
import io.jplay.modules.support.StatInfo;
import io.jplay.modules.support.Sh;

import java.util.LinkedHashMap;
import java.util.Map;

/** ansible.builtin.stat: one probe script gathers stat(1), access tests, link source, checksum and MIME type. */
public final class StatModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("path", OptionType.PATH).required().aliases("dest", "name")
            .option("follow", OptionType.BOOL).defaultValue(false)
            .option("get_checksum", OptionType.BOOL).defaultValue(true)
            .option("checksum_algorithm", OptionType.STR).defaultValue("sha1")
            .choices("md5", "sha1", "sha224", "sha256", "sha384", "sha512").aliases("checksum", "checksum_algo")
            .option("get_mime", OptionType.BOOL).defaultValue(true).aliases("mime", "mime_type", "mime-type")
            .option("get_attributes", OptionType.BOOL).defaultValue(true).aliases("attr", "attributes")
            .build();

    @Override
    public String name() {
        return "stat";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String path = args.string("path");
        boolean follow = args.bool("follow");
        String p = Sh.q(path);
        String algorithm = args.string("checksum_algorithm");
        StringBuilder script = new StringBuilder(Probe.PREAMBLE).append(Probe.stat("s", path, follow, false));
        script.append("if [ -e ").append(p).append(" ] || [ -h ").append(p).append(" ]; then\n")
                .append("  printf 'A|%s%s%s\\n' \"$([ -r ").append(p).append(" ] && echo r)\" \"$([ -w ").append(p)
                .append(" ] && echo w)\" \"$([ -x ").append(p).append(" ] && echo x)\"\n")
                .append("  if [ -h ").append(p).append(" ]; then printf 'S|%s\\n' \"$(readlink -f -- ").append(p)
                .append(" 2>/dev/null || realpath -- ").append(p).append(" 2>/dev/null)\"; fi\n");
        if (args.bool("get_checksum")) {
            script.append("  if [ -f ").append(p).append(" ] && [ -r ").append(p).append(" ]").append(follow ? "" : " && [ ! -h " + p + " ]")
                    .append("; then printf 'K|%s\\n' \"$(")
                    .append(checksumCommand(algorithm, p)).append(")\"; fi\n");
        }
        if (args.bool("get_mime")) {
            script.append("  printf 'M|%s|%s\\n' \"$(file -b --mime-type -- ").append(p).append(" 2>/dev/null || echo unknown)\" \"$(file -b --mime-encoding -- ")
                    .append(p).append(" 2>/dev/null || echo unknown)\"\n");
        }
        script.append("fi\n");
        ExecResult r = ctx.connection().sh(script.toString());
        Probe.Result probe = Probe.parse(r.stdout());
        RemoteStat st = probe.stat("s");
        Map<String, Object> out = new LinkedHashMap<>();
        if (!st.exists()) {
            out.put("exists", false);
            return ModuleResult.builder().put("stat", out).build();
        }
        out.put("exists", true);
        out.putAll(StatInfo.of(path, st));
        String access = probe.record("A") == null ? "" : probe.record("A");
        out.put("readable", access.contains("r"));
        out.put("writeable", access.contains("w"));
        out.put("executable", access.contains("x"));
        if (st.isLink()) {
            String source = probe.record("S");
            out.put("lnk_source", source == null || source.isEmpty() ? null : source);
            out.put("lnk_target", st.linkTarget());
        }
        if (probe.record("K") != null && !probe.record("K").isBlank()) {
            out.put("checksum", probe.record("K").strip());
        }
        if (probe.record("M") != null) {
            String[] mime = probe.record("M").split("\\|", 2);
            out.put("mimetype", mime[0]);
            out.put("charset", mime.length > 1 ? mime[1] : "unknown");
        }
        return ModuleResult.builder().put("stat", out).build();
    }

    /** A pipeline printing the file's hex digest: GNU/busybox {@code NAMEsum}, then {@code shasum}/{@code md5}/{@code openssl}. */
    static String checksumCommand(String algorithm, String quotedPath) {
        String bits = algorithm.substring(3);
        String fallback = algorithm.equals("md5")
                ? "md5 -q < " + quotedPath + " 2>/dev/null"
                : "shasum -a " + bits + " < " + quotedPath + " 2>/dev/null | cut -d' ' -f1";
        return "{ " + algorithm + "sum < " + quotedPath + " 2>/dev/null || " + fallback + " || openssl " + algorithm + " < "
                + quotedPath + " | sed 's/^.* //'; } | cut -d' ' -f1";
    }
}
