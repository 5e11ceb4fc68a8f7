package io.jplay.modules.system;

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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ansible.posix.authorized_key: one round trip looks the user up and reads the key file; the module's
 * parse/merge/serialize runs on the controller (a port of its parsekey/enforce_state, trailing space after a
 * key without comment included); a second round trip writes the file (0600, owned by the user, .ssh made 0700
 * when manage_dir) only when it changes. Keys given as a URL are not fetched.
 */
public final class AuthorizedKeyModule implements Module {

    private static final List<String> KEY_TYPES = List.of(
            "sk-ecdsa-sha2-nistp256@openssh.com", "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "webauthn-sk-ecdsa-sha2-nistp256@openssh.com", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521",
            "ecdsa-sha2-nistp521-cert-v01@openssh.com", "sk-ssh-ed25519@openssh.com", "sk-ssh-ed25519-cert-v01@openssh.com",
            "ssh-ed25519", "ssh-ed25519-cert-v01@openssh.com", "ssh-dss", "ssh-rsa", "ssh-xmss@openssh.com",
            "ssh-xmss-cert-v01@openssh.com", "rsa-sha2-256", "rsa-sha2-512", "ssh-rsa-cert-v01@openssh.com",
            "rsa-sha2-256-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com");

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("user", OptionType.STR).required()
            .option("key", OptionType.STR).required()
            .option("path", OptionType.PATH)
            .option("manage_dir", OptionType.BOOL).defaultValue(true)
            .option("state", OptionType.STR).defaultValue("present").choices("absent", "present")
            .option("key_options", OptionType.STR)
            .option("exclusive", OptionType.BOOL).defaultValue(false)
            .option("comment", OptionType.STR)
            .option("validate_certs", OptionType.BOOL).defaultValue(true)
            .option("follow", OptionType.BOOL).defaultValue(false)
            .build();

    @Override
    public String name() {
        return "authorized_key";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.posix.authorized_key", "ansible.legacy.authorized_key");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    /** One line of the file: the key blob (or the raw line for what is not a key), type, options, comment, rank. */
    record Key(String blob, String type, Map<String, String> options, String comment, int rank) {
        boolean sameAs(Key other) {
            return blob.equals(other.blob) && Objects.equals(type, other.type) && Objects.equals(options, other.options)
                    && Objects.equals(comment, other.comment);
        }

        Key withRank(int newRank) {
            return new Key(blob, type, options, comment, newRank);
        }
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String user = args.string("user");
        String keyText = args.string("key");
        String path = args.string("path");
        boolean manageDir = args.bool("manage_dir");
        String state = args.string("state");
        boolean follow = args.bool("follow");
        if (keyText.startsWith("http")) {
            throw new ModuleFailure("Error getting key from: " + keyText + " (jplay does not fetch keys from URLs yet)");
        }

        // round trip 1: the user's passwd entry, the key file's real path and its bytes
        StringBuilder s = new StringBuilder();
        s.append("_jpw=$(getent passwd ").append(Sh.q(user)).append(" 2>/dev/null || grep '^").append(user.replace("'", ""))
                .append(":' /etc/passwd)\n");
        s.append("[ -n \"$_jpw\" ] && printf 'W|%s\\n' \"$(printf '%s' \"$_jpw\" | head -n 1)\"\n");
        s.append("_jk=").append(path != null ? Sh.q(path) : "\"$(printf '%s' \"$_jpw\" | head -n 1 | cut -d: -f6)/.ssh/authorized_keys\"").append('\n');
        if (follow) {
            s.append("_jr=$(readlink -f -- \"$_jk\" 2>/dev/null || printf '%s' \"$_jk\")\n");
        } else {
            s.append("_jr=$_jk\n");
        }
        s.append("printf 'K|%s\\nF|%s\\n' \"$_jk\" \"$_jr\"\n");
        s.append("_jst k \"$_jr\" 1 0\n");
        s.append("if [ -f \"$_jr\" ]; then printf '@@CONTENT\\n'; cat -- \"$_jr\"; fi\n");
        Probe.Result facts = FileFacts.probe(ctx.connection(), s.toString());
        String passwd = facts.record("W");
        if (passwd == null && !(ctx.checkMode() && path != null)) {
            if (ctx.checkMode()) {
                throw new ModuleFailure("Either user must exist or you must provide full path to key file in check mode");
            }
            throw new ModuleFailure("Failed to lookup user " + user + ": \"getpwnam(): name not found: '" + user + "'\"");
        }
        String keyfile = facts.record("K");
        String realFile = facts.record("F");
        String existing = new String(facts.content() == null ? new byte[0] : facts.content(), StandardCharsets.UTF_8);

        Map<String, Key> keys = parseKeys(existing);
        List<String> newKeys = new ArrayList<>();
        for (String line : keyText.split("\r\n|\n|\r")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                newKeys.add(line);
            }
        }
        boolean write = false;
        List<String> keysToExist = new ArrayList<>();
        int maxRank = keys.size();
        for (int rank = 0; rank < newKeys.size(); rank++) {
            Key parsed = parseKey(newKeys.get(rank), rank);
            if (parsed == null) {
                throw new ModuleFailure("invalid key specified: " + newKeys.get(rank));
            }
            if (args.string("key_options") != null) {
                parsed = new Key(parsed.blob(), parsed.type(), parseOptions(args.string("key_options")), parsed.comment(), parsed.rank());
            }
            if (args.string("comment") != null) {
                parsed = new Key(parsed.blob(), parsed.type(), parsed.options(), args.string("comment"), parsed.rank());
            }
            boolean matched = false;
            Key current = keys.get(parsed.blob());
            boolean nonMatching = false;
            if (current != null) {
                if (!parsed.sameAs(current) && "present".equals(state)) {
                    nonMatching = true;
                } else {
                    matched = true;
                }
            }
            if ("present".equals(state)) {
                keysToExist.add(parsed.blob());
                if (nonMatching) {
                    keys.remove(parsed.blob());
                    write = true;
                }
                if (!matched) {
                    keys.put(parsed.blob(), parsed.withRank(maxRank + parsed.rank()));
                    write = true;
                }
            } else if (matched) {
                keys.remove(parsed.blob());
                write = true;
            }
        }
        if ("present".equals(state) && args.bool("exclusive")) {
            if (keys.keySet().removeIf(k -> !keysToExist.contains(k))) {
                write = true;
            }
        }

        Map<String, Object> result = new LinkedHashMap<>(args.asMap());
        result.put("keyfile", keyfile);
        result.put("changed", false);
        RemoteStat after = facts.stat("k");
        if (write) {
            String content = serialize(keys);
            if (ctx.diffMode()) {
                Map<String, Object> diff = new LinkedHashMap<>();
                diff.put("before_header", keyfile);
                diff.put("after_header", realFile);
                diff.put("before", existing);
                diff.put("after", content);
                result.put("diff", diff);
            }
            if (!ctx.checkMode()) {
                after = writeKeys(ctx, passwd, path, realFile, manageDir, content);
            }
            result.put("changed", true);
        }
        if (path != null && after.exists()) {
            result.putAll(FileAttributes.pathInfo(after));
        } else if (path != null && !ctx.checkMode()) {
            result.putAll(FileAttributes.pathInfo(FileFacts.probe(ctx.connection(), Probe.stat("p", path, true, false)).stat("p")));
        }
        return ModuleResult.builder().putAll(result).build();
    }

    /** keyfile(write=True) and writefile: .ssh 0700 owned by the user, the file 0600 owned by the user, atomic rename. */
    private static RemoteStat writeKeys(ModuleContext ctx, String passwd, String path, String file, boolean manageDir, String content) {
        String[] pw = passwd.split(":", -1);
        String owner = pw[2] + ":" + pw[3];
        String sshDir = path == null ? pw[5] + "/.ssh" : parent(path);
        String f = Sh.q(file);
        StringBuilder s = new StringBuilder(Probe.PREAMBLE);
        s.append("set -e\n");
        if (manageDir) {
            String d = Sh.q(sshDir);
            s.append("[ -e ").append(d).append(" ] || mkdir -m 700 ").append(d).append('\n');
            s.append("chown ").append(owner).append(' ').append(d).append("; chmod 700 ").append(d).append('\n');
        }
        s.append("mkdir -p -- ").append(Sh.q(parent(file))).append('\n');
        s.append("_jt=").append(Sh.q(file + ".jplay-tmp")).append(".$$\n");
        s.append("trap 'rm -f \"$_jt\"' EXIT\n");
        s.append("cat > \"$_jt\"\n");
        s.append("chown ").append(owner).append(" \"$_jt\" 2>/dev/null || true\n");
        s.append("chmod 600 \"$_jt\"\n");
        s.append("mv -f -- \"$_jt\" ").append(f).append('\n');
        s.append("set +e\n");
        s.append(Probe.stat("a", file, true, false));
        ExecResult r = ctx.connection().exec(Command.shell(s.toString()).withStdin(content.getBytes(StandardCharsets.UTF_8)));
        if (r.rc() != 0) {
            throw new ModuleFailure("Failed to write to file " + file + ": " + r.stderrText().strip());
        }
        return Probe.parse(r.stdout()).stat("a");
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? (slash == 0 ? "/" : ".") : path.substring(0, slash);
    }

    static Map<String, Key> parseKeys(String content) {
        Map<String, Key> keys = new LinkedHashMap<>();
        int rank = 0;
        // str.splitlines(True)
        Matcher m = Pattern.compile("[^\\n\\r]*(\\r\\n|\\n|\\r|$)").matcher(content);
        while (m.find() && m.end() > m.start()) {
            String line = m.group();
            Key key = parseKey(line, rank);
            if (key != null) {
                keys.put(key.blob(), key);
            } else {
                keys.put(line, new Key(line, "skipped", null, null, rank));
            }
            rank++;
            if (m.end() == content.length()) {
                break;
            }
        }
        return keys;
    }

    /** parsekey: whitespace-split words, the first known key type, options before it, the comment after the blob. */
    static Key parseKey(String rawKey, int rank) {
        String raw = rawKey.replace("\\#", "#");
        String[] words = raw.strip().isEmpty() ? new String[0] : raw.strip().split("[ \\t\\r\\n]+");
        if (words.length > 0 && words[0].equals("#")) {
            return new Key(raw, "skipped", null, null, rank);
        }
        int typeIndex = -1;
        for (int i = 0; i < words.length; i++) {
            if (KEY_TYPES.contains(words[i])) {
                typeIndex = i;
                break;
            }
        }
        if (typeIndex < 0 || typeIndex + 1 >= words.length) {
            return null;
        }
        String options = typeIndex > 0 ? String.join(" ", List.of(words).subList(0, typeIndex)) : null;
        String comment = String.join(" ", List.of(words).subList(Math.min(typeIndex + 2, words.length), words.length));
        return new Key(words[typeIndex + 1], words[typeIndex], parseOptions(options), comment, rank);
    }

    private static final Pattern OPTION = Pattern.compile("(?:[^,\"']|\"[^\"]*\"|'[^']*')+");

    static Map<String, String> parseOptions(String options) {
        Map<String, String> result = new LinkedHashMap<>();
        if (options == null || options.isEmpty()) {
            return result;
        }
        Matcher m = OPTION.matcher(options);
        while (m.find()) {
            String part = m.group();
            int eq = part.indexOf('=');
            if (eq >= 0) {
                result.put(part.substring(0, eq), part.substring(eq + 1));
            } else {
                result.put(part, null);
            }
        }
        return result;
    }

    static String serialize(Map<String, Key> keys) {
        List<Key> ordered = new ArrayList<>(keys.values());
        ordered.sort(Comparator.comparingInt(Key::rank));
        StringBuilder out = new StringBuilder();
        for (Key k : ordered) {
            if ("skipped".equals(k.type())) {
                out.append(k.blob());
                continue;
            }
            String option = "";
            if (k.options() != null && !k.options().isEmpty()) {
                List<String> parts = new ArrayList<>();
                k.options().forEach((name, value) -> parts.add(value == null ? name : name + "=" + value));
                option = String.join(",", parts) + " ";
            }
            out.append(option).append(k.type()).append(' ').append(k.blob()).append(' ').append(k.comment()).append('\n');
        }
        return out.toString();
    }
}
