package io.jplay.modules.system;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.Sh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ansible.builtin.user on Linux (useradd/usermod/userdel). The first round trip reads the account (passwd and
 * shadow entries) and the group database; the useradd/usermod/userdel command line is Ansible's, built here; a
 * second round trip, only when something changes (or a home directory is missing), runs it and reads the account
 * back. Options Ansible has for other platforms or for SSH keys and expiry are accepted and refused clearly
 * when set.
 */
public final class UserModule implements Module {

    private static final Pattern HASH_CHARS = Pattern.compile("[^a-zA-Z0-9./=]");
    private static final List<String> NOT_SUPPORTED = List.of("login_class", "password_expire_max", "password_expire_min", "hidden",
            "seuser", "generate_ssh_key", "ssh_key_file", "ssh_key_passphrase", "expires", "profile", "authorization", "role");

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("state", OptionType.STR).defaultValue("present").choices("absent", "present")
            .option("name", OptionType.STR).required().aliases("user")
            .option("uid", OptionType.INT)
            .option("non_unique", OptionType.BOOL).defaultValue(false)
            .option("group", OptionType.STR)
            .option("groups", OptionType.LIST).elements(OptionType.STR)
            .option("comment", OptionType.STR)
            .option("home", OptionType.PATH)
            .option("shell", OptionType.STR)
            .option("password", OptionType.STR).noLog()
            .option("login_class", OptionType.STR)
            .option("password_expire_max", OptionType.INT)
            .option("password_expire_min", OptionType.INT)
            .option("hidden", OptionType.BOOL)
            .option("seuser", OptionType.STR)
            .option("force", OptionType.BOOL).defaultValue(false)
            .option("remove", OptionType.BOOL).defaultValue(false)
            .option("create_home", OptionType.BOOL).defaultValue(true).aliases("createhome")
            .option("skeleton", OptionType.STR)
            .option("system", OptionType.BOOL).defaultValue(false)
            .option("move_home", OptionType.BOOL).defaultValue(false)
            .option("append", OptionType.BOOL).defaultValue(false)
            .option("generate_ssh_key", OptionType.BOOL)
            .option("ssh_key_bits", OptionType.INT).defaultValue(0L)
            .option("ssh_key_type", OptionType.STR).defaultValue("rsa")
            .option("ssh_key_file", OptionType.PATH)
            .option("ssh_key_comment", OptionType.STR)
            .option("ssh_key_passphrase", OptionType.STR).noLog()
            .option("update_password", OptionType.STR).defaultValue("always").choices("always", "on_create")
            .option("expires", OptionType.FLOAT)
            .option("password_lock", OptionType.BOOL)
            .option("local", OptionType.BOOL)
            .option("profile", OptionType.STR)
            .option("authorization", OptionType.STR)
            .option("role", OptionType.STR)
            .option("umask", OptionType.STR)
            .build();

    @Override
    public String name() {
        return "user";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    /** A passwd entry with the shadow hash in place of the password field, as Ansible's user_info(). */
    private record Account(String name, String password, long uid, long gid, String comment, String home, String shell) {
        static Account parse(String passwd, String shadow) {
            String[] f = passwd.split(":", -1);
            String hash = f[1];
            if (shadow != null) {
                String[] s = shadow.split(":", -1);
                if (s.length > 1) {
                    hash = s[1];
                }
            }
            return new Account(f[0], hash, Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], f[5], f.length > 6 ? f[6] : "");
        }
    }

    private record GroupEntry(String name, long gid, List<String> members) {
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        for (String option : NOT_SUPPORTED) {
            if (args.get(option) != null) {
                throw new ModuleFailure("jplay's user module does not support '" + option + "' yet");
            }
        }
        if (Boolean.TRUE.equals(args.boolOrNull("local"))) {
            throw new ModuleFailure("jplay's user module does not support 'local' yet");
        }
        String name = args.string("name");
        String state = args.string("state");
        List<String> groupsList = args.strings("groups");
        String groups = groupsList == null ? null : String.join(",", groupsList);
        boolean append = args.bool("append");
        if (groups == null && append) {
            ctx.warn("'append' is set, but no 'groups' are specified. Use 'groups' for appending new groups."
                    + "This will change to an error in Ansible 2.14.");
        }
        String password = args.string("password");
        checkPasswordEncrypted(ctx, password);
        boolean check = ctx.checkMode();
        String n = Sh.q(name);

        Probe.Result probe = Probe.parse(ctx.connection().sh(lookup(n)).stdout());
        Account account = probe.record("P") == null ? null : Account.parse(probe.record("P"), probe.record("S"));
        Map<String, GroupEntry> groupDb = groupDb(probe);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", name);
        result.put("state", state);
        String command = null;
        String prelude = "";
        if ("absent".equals(state)) {
            if (account != null) {
                if (check) {
                    return ModuleResult.builder().changed(true).build();
                }
                command = "userdel" + (args.bool("force") ? " -f" : "") + (args.bool("remove") ? " -r" : "") + " " + n;
                result.put("force", args.bool("force"));
                result.put("remove", args.bool("remove"));
            }
        } else if (account == null) {
            if (check) {
                return ModuleResult.builder().changed(true).build();
            }
            List<String> cmd = new ArrayList<>(List.of("useradd"));
            if (args.integer("uid") != null) {
                cmd.addAll(List.of("-u", args.integer("uid").toString()));
                if (args.bool("non_unique")) {
                    cmd.add("-o");
                }
            }
            String group = args.string("group");
            if (group != null) {
                if (!groupExists(groupDb, group)) {
                    throw new ModuleFailure("Group " + group + " does not exist");
                }
                cmd.addAll(List.of("-g", group));
            } else if (groupDb.containsKey(name)) {
                // a group named like the user exists: -N so that useradd (USERGROUPS_ENAB) does not try to make it
                cmd.add("-N");
            }
            if (groups != null && !groups.isEmpty()) {
                cmd.addAll(List.of("-G", String.join(",", groupsSet(groupDb, groups))));
            }
            if (args.string("comment") != null) {
                cmd.addAll(List.of("-c", args.string("comment")));
            }
            String home = args.string("home");
            boolean createHome = args.bool("create_home");
            if (home != null) {
                if (createHome) {
                    prelude = "_hp=$(dirname " + Sh.q(home) + "); [ -d \"$_hp\" ] || mkdir -p \"$_hp\"\n";
                }
                cmd.addAll(List.of("-d", home));
            }
            if (args.string("shell") != null) {
                cmd.addAll(List.of("-s", args.string("shell")));
            }
            if (password != null) {
                cmd.addAll(List.of("-p", Boolean.TRUE.equals(args.boolOrNull("password_lock")) ? "!" + password : password));
            }
            if (createHome) {
                cmd.add("-m");
                if (args.string("skeleton") != null) {
                    cmd.addAll(List.of("-k", args.string("skeleton")));
                }
                if (args.string("umask") != null) {
                    cmd.addAll(List.of("-K", "UMASK=" + args.string("umask")));
                }
            } else {
                cmd.add("-M");
            }
            if (args.bool("system")) {
                cmd.add("-r");
            }
            cmd.add(name);
            command = join(cmd);
            result.put("system", args.bool("system"));
            result.put("create_home", createHome);
        } else {
            List<String> cmd = modify(args, account, groupDb, groups, append, password);
            if (cmd.size() > 1) {
                cmd.add(name);
                command = join(cmd);
            }
            result.put("append", append);
            result.put("move_home", args.bool("move_home"));
        }
        if ("present".equals(state) && password != null) {
            result.put("password", "NOT_LOGGING_PASSWORD");
        }

        // home directory Ansible creates when it is missing (also for an existing account)
        boolean present = "present".equals(state);
        boolean homeMissingNow = present && account != null && probe.records("H").isEmpty() && args.string("home") == null;
        if (check) {
            result.put("changed", command != null || (homeMissingNow && args.bool("create_home")));
            putInfo(result, account, groups);
            return build(result);
        }
        Captured run = null;
        Account after = account;
        boolean homeCreated = false;
        if (command != null || (homeMissingNow && args.bool("create_home"))) {
            StringBuilder s = new StringBuilder("PATH=$PATH:/usr/sbin:/sbin\n").append(prelude);
            if (command != null) {
                s.append(Captured.script("c", command));
            }
            if (present) {
                s.append(lookup(n));
                if (args.bool("create_home")) {
                    s.append(createMissingHome(n, args.string("home"), args.string("skeleton")));
                }
            }
            Probe.Result done = Probe.parse(ctx.connection().sh(s.toString()).stdout());
            run = Captured.of(done, "c");
            if (run != null && run.rc() != 0) {
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("name", name);
                extra.put("rc", (long) run.rc());
                throw new ModuleFailure(run.stderr(), extra);
            }
            after = done.record("P") == null ? null : Account.parse(done.record("P"), done.record("S"));
            homeCreated = done.record("HC") != null;
        }
        result.put("changed", run != null || homeCreated);
        if (run != null && !run.stdout().isEmpty()) {
            result.put("stdout", run.stdout());
        }
        if (run != null && !run.stderr().isEmpty()) {
            result.put("stderr", run.stderr());
        }
        if (present) {
            putInfo(result, after, groups);
        }
        return build(result);
    }

    private static ModuleResult build(Map<String, Object> result) {
        boolean changed = Boolean.TRUE.equals(result.remove("changed"));
        return ModuleResult.builder().putAll(result).changed(changed).build();
    }

    private static void putInfo(Map<String, Object> result, Account info, String groups) {
        if (info == null) {
            return;
        }
        result.put("uid", info.uid());
        result.put("group", info.gid());
        result.put("comment", info.comment());
        result.put("home", info.home());
        result.put("shell", info.shell());
        if (groups != null) {
            result.put("groups", groups);
        }
    }

    /** The account, its shadow entry, the group database, and whether its home directory exists. */
    private static String lookup(String n) {
        return "_p=$(getent passwd " + n + ") && printf 'P|%s\\n' \"$_p\"\n"
                + "_s=$(getent shadow " + n + " 2>/dev/null) && printf 'S|%s\\n' \"$_s\"\n"
                + "getent group | sed 's/^/G|/'\n"
                + "if [ -n \"$_p\" ]; then _h=$(printf '%s' \"$_p\" | cut -d: -f6); [ -e \"$_h\" ] && echo 'H|1'; fi\n";
    }

    /** Ansible's create_homedir + chown_homedir for a home that is still missing after the command. */
    private static String createMissingHome(String n, String home, String skeleton) {
        String skel = Sh.q(skeleton != null ? skeleton : "/etc/skel");
        String target = home != null ? Sh.q(home) : "\"$(getent passwd " + n + " | cut -d: -f6)\"";
        return "_h=" + target + "; _e=$(getent passwd " + n + ")\n"
                + "if [ -n \"$_e\" ] && [ ! -e \"$_h\" ]; then echo 'HC|1'\n"
                + "  if [ -d " + skel + " ]; then mkdir -p \"$(dirname \"$_h\")\" && cp -RP " + skel + " \"$_h\"; else mkdir -p \"$_h\"; fi\n"
                + "  _um=$(sed -n 's/^UMASK[[:space:]]\\{1,\\}\\([0-9]\\{1,\\}\\)$/\\1/p' /etc/login.defs 2>/dev/null | tail -n 1)\n"
                + "  [ -n \"$_um\" ] && chmod $(printf '%o' $(( 0777 & ~0$_um ))) \"$_h\"\n"
                + "  chown -R \"$(printf '%s' \"$_e\" | cut -d: -f3):$(printf '%s' \"$_e\" | cut -d: -f4)\" \"$_h\"\n"
                + "fi\n";
    }

    private static List<String> modify(ModuleArgs args, Account info, Map<String, GroupEntry> groupDb, String groups,
                                       boolean append, String password) {
        List<String> cmd = new ArrayList<>(List.of("usermod"));
        Long uid = args.integer("uid");
        if (uid != null && info.uid() != uid) {
            cmd.addAll(List.of("-u", uid.toString()));
            if (args.bool("non_unique")) {
                cmd.add("-o");
            }
        }
        String group = args.string("group");
        if (group != null) {
            if (!groupExists(groupDb, group)) {
                throw new ModuleFailure("Group " + group + " does not exist");
            }
            long gid = groupInfo(groupDb, group).gid();
            if (info.gid() != gid) {
                cmd.addAll(List.of("-g", Long.toString(gid)));
            }
        }
        if (groups != null) {
            List<String> current = new ArrayList<>();
            for (GroupEntry g : groupDb.values()) {
                if (g.members().contains(info.name())) {
                    current.add(g.name());
                }
            }
            boolean needMod = false;
            Set<String> wanted = new LinkedHashSet<>();
            if (groups.isEmpty()) {
                needMod = !current.isEmpty() && !append;
            } else {
                wanted = groupsSet(groupDb, groups);
                Set<String> diff = new LinkedHashSet<>(current);
                diff.addAll(wanted);
                Set<String> both = new LinkedHashSet<>(current);
                both.retainAll(wanted);
                diff.removeAll(both);
                if (!diff.isEmpty()) {
                    if (append) {
                        for (String g : wanted) {
                            if (diff.contains(g)) {
                                cmd.add("-a");
                                needMod = true;
                                break;
                            }
                        }
                    } else {
                        needMod = true;
                    }
                }
            }
            if (needMod) {
                cmd.addAll(List.of("-G", String.join(",", wanted)));
            }
        }
        if (args.string("comment") != null && !info.comment().equals(args.string("comment"))) {
            cmd.addAll(List.of("-c", args.string("comment")));
        }
        if (args.string("home") != null && !info.home().equals(args.string("home"))) {
            cmd.addAll(List.of("-d", args.string("home")));
            if (args.bool("move_home")) {
                cmd.add("-m");
            }
        }
        if (args.string("shell") != null && !info.shell().equals(args.string("shell"))) {
            cmd.addAll(List.of("-s", args.string("shell")));
        }
        Boolean lock = args.boolOrNull("password_lock");
        if (Boolean.TRUE.equals(lock) && !info.password().startsWith("!")) {
            cmd.add("-L");
        } else if (Boolean.FALSE.equals(lock) && info.password().startsWith("!")) {
            cmd.add("-U");
        }
        if ("always".equals(args.string("update_password")) && password != null
                && !stripBang(info.password()).equals(stripBang(password))) {
            cmd.removeIf(c -> c.equals("-U") || c.equals("-L"));
            cmd.addAll(List.of("-p", Boolean.TRUE.equals(lock) ? "!" + password : password));
        }
        return cmd;
    }

    private static String stripBang(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '!') {
            i++;
        }
        return s.substring(i);
    }

    private static Map<String, GroupEntry> groupDb(Probe.Result probe) {
        Map<String, GroupEntry> db = new LinkedHashMap<>();
        for (String line : probe.records("G")) {
            String[] f = line.split(":", -1);
            if (f.length < 4) {
                continue;
            }
            List<String> members = f[3].isEmpty() ? List.of() : List.of(f[3].split(","));
            db.putIfAbsent(f[0], new GroupEntry(f[0], Long.parseLong(f[2]), members));
        }
        return db;
    }

    /** Ansible's group_exists: a name, or a number that is some group's gid. */
    private static boolean groupExists(Map<String, GroupEntry> db, String group) {
        return groupInfo(db, group) != null;
    }

    private static GroupEntry groupInfo(Map<String, GroupEntry> db, String group) {
        if (group.matches("\\d+")) {
            long gid = Long.parseLong(group);
            for (GroupEntry g : db.values()) {
                if (g.gid() == gid) {
                    return g;
                }
            }
        }
        return db.get(group);
    }

    private static Set<String> groupsSet(Map<String, GroupEntry> db, String groups) {
        Set<String> set = new LinkedHashSet<>();
        for (String g : groups.split(",")) {
            if (!g.isEmpty()) {
                set.add(g.strip());
            }
        }
        for (String g : set) {
            if (!groupExists(db, g)) {
                throw new ModuleFailure("Group " + g + " does not exist");
            }
        }
        return set;
    }

    private static void checkPasswordEncrypted(ModuleContext ctx, String password) {
        if (password == null || password.isEmpty() || Set.of("*", "!", "*************").contains(password)) {
            return;
        }
        boolean maybeInvalid = password.contains(":") || password.contains("*") || password.contains("!");
        if (!password.contains("$")) {
            maybeInvalid = true;
        } else {
            String[] fields = password.split("\\$", -1);
            if (fields.length >= 3) {
                String last = fields[fields.length - 1];
                maybeInvalid |= HASH_CHARS.matcher(last).find();
                maybeInvalid |= fields[1].equals("1") && last.length() != 22;
                maybeInvalid |= fields[1].equals("5") && last.length() != 43;
                maybeInvalid |= fields[1].equals("6") && last.length() != 86;
            } else {
                maybeInvalid = true;
            }
        }
        if (maybeInvalid) {
            ctx.warn("The input password appears not to have been hashed. The 'password' argument must be encrypted for this module to work properly.");
        }
    }

    private static String join(List<String> words) {
        StringBuilder s = new StringBuilder();
        for (String w : words) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(Sh.q(w));
        }
        return s.toString();
    }
}
