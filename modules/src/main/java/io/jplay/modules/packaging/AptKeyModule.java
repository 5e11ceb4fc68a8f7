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

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ansible.builtin.apt_key without apt-key and gpg (a minimal target has neither): keyrings are read and written as
 * the binary OpenPGP keyrings apt uses, key IDs are computed on the controller ({@link OpenPgpKeys}). One round
 * trip reads the keyring(s) and the key (file on the target, or url downloaded there); a second writes the keyring
 * only when the key must be added or removed. Without {@code keyring}, keys are listed from /etc/apt/trusted.gpg and
 * trusted.gpg.d/ (as apt-key does) and added to /etc/apt/trusted.gpg.
 *
 * <p>Not done: {@code keyserver} (needs gpg's network lookup), and expired keys are listed like valid ones.
 */
public final class AptKeyModule implements Module {

    static final String TRUSTED = "/etc/apt/trusted.gpg";
    static final String TRUSTED_DIR = "/etc/apt/trusted.gpg.d";
    private static final String NOT_ADDED = "apt-key did not return an error, but %s (check that the id is correct and *not* a subkey)";

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("id", OptionType.STR)
            .option("url", OptionType.STR)
            .option("data", OptionType.STR)
            .option("file", OptionType.PATH)
            .option("keyring", OptionType.PATH)
            .option("validate_certs", OptionType.BOOL).defaultValue(true)
            .option("keyserver", OptionType.STR)
            .option("state", OptionType.STR).defaultValue("present").choices("absent", "present")
            .mutuallyExclusive("data", "file", "keyserver", "url")
            .build();

    @Override
    public String name() {
        return "apt_key";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    /** Ansible's parse_key_id: short (last 8), the 16 compared with listings, and the whole ID; null when not hex of a valid length. */
    static String[] parseKeyId(String id) {
        String k = id.toUpperCase();
        if (k.startsWith("0X")) {
            k = k.substring(2);
        }
        if (k.isEmpty() || !k.matches("[0-9A-F]+") || ((k.length() != 8 && k.length() != 16) && k.length() <= 16)) {
            return null;
        }
        return new String[] {k.substring(k.length() - 8), k.length() > 16 ? k.substring(k.length() - 16) : k, k};
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs a = ctx.args();
        String keyId = a.string("id");
        String keyring = a.string("keyring");
        String state = a.string("state");
        String url = a.string("url");
        String file = a.string("file");
        byte[] data = a.string("data") == null ? null : a.string("data").getBytes(StandardCharsets.UTF_8);
        if (keyId == null && a.string("keyserver") != null) {
            throw new ModuleFailure("Missing key_id, required with keyserver.");
        }
        if (a.string("keyserver") != null) {
            throw new ModuleFailure("keyserver is not supported by jplay's apt_key (it needs gpg on the target): use url, file or data");
        }

        // round trip 1: keyrings, and the key's bytes when it comes from the target (file) or through it (url)
        StringBuilder s = new StringBuilder("_jb() { printf '%s|%s|%s\\n' \"$1\" \"$2\" \"$(base64 < \"$2\" | tr -d '\\n')\"; }\n");
        if (keyring != null) {
            s.append("[ -f ").append(Sh.q(keyring)).append(" ] && _jb K ").append(Sh.q(keyring)).append('\n');
        } else {
            s.append("for _jf in ").append(TRUSTED).append(' ').append(TRUSTED_DIR).append("/*.gpg ").append(TRUSTED_DIR)
                    .append("/*.asc; do [ -f \"$_jf\" ] && _jb K \"$_jf\"; done\n");
        }
        boolean needKey = keyId == null || "present".equals(state);
        if (file != null && needKey) {
            s.append("if [ -r ").append(Sh.q(file)).append(" ]; then _jb S ").append(Sh.q(file)).append("; else printf 'E|%s\\n' \"$(cat -- ")
                    .append(Sh.q(file)).append(" 2>&1 | head -n 1)\"; fi\n");
        } else if (url != null && needKey) {
            String tmp = ctx.remoteTmp() + "/jplay-apt-key." + ProcessHandle.current().pid() + "." + System.nanoTime();
            String insecure = a.bool("validate_certs") ? "" : " -k";
            String wgetInsecure = a.bool("validate_certs") ? "" : " --no-check-certificate";
            s.append("if _je=$( { curl -fsSL").append(insecure).append(" -o ").append(Sh.q(tmp)).append(' ').append(Sh.q(url))
                    .append(" || wget -q").append(wgetInsecure).append(" -O ").append(Sh.q(tmp)).append(' ').append(Sh.q(url))
                    .append("; } 2>&1); then _jb S ").append(Sh.q(tmp)).append("; else printf 'D|%s\\n' \"$(printf '%s' \"$_je\" | tr '\\n' ' ')\"; fi\n")
                    .append("rm -f ").append(Sh.q(tmp)).append('\n');
        }
        ExecResult r = ctx.connection().sh(s.toString());
        Probe.Result probe = Probe.parse(r.stdout());
        if (probe.record("D") != null) {
            throw new ModuleFailure("Failed to download key at " + url + ": " + probe.record("D").strip());
        }
        Map<String, byte[]> rings = new TreeMap<>();
        for (String rec : probe.records("K")) {
            String[] f = rec.split("\\|", 2);
            rings.put(f[0], Base64.getDecoder().decode(f[1]));
        }
        if (probe.record("S") != null) {
            data = Base64.getDecoder().decode(probe.record("S").split("\\|", 2)[1]);
        }
        List<OpenPgpKeys.Key> sourceKeys = List.of();
        if (keyId == null) {
            if (file != null && probe.record("E") != null) {
                throw new ModuleFailure("Unable to extract key from '" + file + "'", Map.of("stdout", "", "stderr", probe.record("E")));
            }
            if (data != null) {
                try {
                    sourceKeys = OpenPgpKeys.keys(data);
                } catch (RuntimeException e) {
                    throw new ModuleFailure("Unable to extract key from '" + (file != null ? file : "inline data") + "'",
                            Map.of("stdout", "", "stderr", String.valueOf(e.getMessage())));
                }
                keyId = sourceKeys.isEmpty() ? null : sourceKeys.get(0).keyId();
            }
        } else if (data != null) {
            sourceKeys = OpenPgpKeys.keys(data);
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("changed", false);
        result.put("id", keyId);
        String[] ids = keyId == null ? null : parseKeyId(keyId);
        if (ids == null) {
            throw new ModuleFailure("Invalid key_id", result);
        }
        String shortId = ids[0];
        String fingerprint = ids[1];
        keyId = ids[2];
        result.put("short_id", shortId);
        result.put("fp", fingerprint);
        result.put("key_id", keyId);
        boolean shortFormat = keyId.length() == 8;
        List<String> before = listed(rings, shortFormat);
        result.put("before", before);

        String wanted = shortFormat ? shortId : fingerprint;
        if ("present".equals(state)) {
            if (!before.contains(wanted)) {
                result.put("changed", true);
                if (!ctx.checkMode()) {
                    if (data == null) {
                        throw new ModuleFailure("No key to add ... how did i get here?!?!", result);
                    }
                    String target = keyring != null ? keyring : TRUSTED;
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(rings.getOrDefault(target, new byte[0]));
                    sourceKeys.forEach(k -> out.writeBytes(k.bytes()));
                    Map<String, byte[]> changed = Map.of(target, out.toByteArray());
                    write(ctx, changed);
                    rings.putAll(changed);
                    List<String> after = listed(rings, shortFormat);
                    result.put("after", after);
                    if (!after.contains(wanted)) {
                        throw new ModuleFailure(String.format(NOT_ADDED, "failed to add the key"), result);
                    }
                }
            }
        } else if (before.contains(fingerprint)) {
            result.put("changed", true);
            if (!ctx.checkMode()) {
                Map<String, byte[]> changed = new LinkedHashMap<>();
                for (Map.Entry<String, byte[]> ring : rings.entrySet()) {
                    List<OpenPgpKeys.Key> keys = keysOf(ring.getValue());
                    // apt-key del SHORTID deletes the whole key whose primary key has that ID
                    if (keys.stream().anyMatch(k -> k.keyId().endsWith(shortId))) {
                        if (OpenPgpKeys.isArmored(ring.getValue())) {
                            throw new ModuleFailure("Unable to remove a key with id " + shortId + ": it is in the armored keyring " + ring.getKey(),
                                    Map.of("key_id", shortId));
                        }
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        keys.stream().filter(k -> !k.keyId().endsWith(shortId)).forEach(k -> out.writeBytes(k.bytes()));
                        changed.put(ring.getKey(), out.toByteArray());
                    }
                }
                write(ctx, changed);
                rings.putAll(changed);
                List<String> after = listed(rings, shortFormat);
                result.put("after", after);
                if (after.contains(fingerprint)) {
                    throw new ModuleFailure(String.format(NOT_ADDED, "the key was not removed"), result);
                }
            }
        }
        return ModuleResult.builder().putAll(result).build();
    }

    private static List<OpenPgpKeys.Key> keysOf(byte[] ring) {
        try {
            return OpenPgpKeys.keys(ring);
        } catch (RuntimeException e) {
            return List.of(); // a keybox or damaged file: apt-key skips what gpg cannot read
        }
    }

    /** What {@code apt-key adv --list-public-keys --keyid-format=long} shows, as Ansible's parse_output_for_keys collects it. */
    static List<String> listed(Map<String, byte[]> rings, boolean shortFormat) {
        List<String> ids = new ArrayList<>();
        for (byte[] ring : rings.values()) {
            for (OpenPgpKeys.Key k : keysOf(ring)) {
                for (String id : k.allIds()) {
                    ids.add(shortFormat ? id.substring(8) : id);
                }
            }
        }
        return ids;
    }

    /** Replaces keyrings (mode 0644 when new, as apt-key leaves them): through a temp file beside each, then mv. */
    private static void write(ModuleContext ctx, Map<String, byte[]> files) {
        StringBuilder s = new StringBuilder("set -e\n");
        files.forEach((path, bytes) -> {
            String tmp = path + ".jplay-tmp";
            s.append("mkdir -p ").append(Sh.q(path.substring(0, Math.max(1, path.lastIndexOf('/'))))).append('\n')
                    .append("printf '%s' ").append(Sh.q(Base64.getEncoder().encodeToString(bytes))).append(" | base64 -d > ").append(Sh.q(tmp)).append('\n')
                    .append("if [ -e ").append(Sh.q(path)).append(" ]; then chmod --reference=").append(Sh.q(path)).append(' ').append(Sh.q(tmp))
                    .append("; else chmod 0644 ").append(Sh.q(tmp)).append("; fi\nmv -f ").append(Sh.q(tmp)).append(' ').append(Sh.q(path)).append('\n');
        });
        ExecResult r = ctx.connection().sh(s.toString());
        if (r.rc() != 0) {
            throw new ModuleFailure("Unable to add a key from binary data", Map.of("rc", (long) r.rc(), "stderr", r.stderrText()));
        }
    }
}
