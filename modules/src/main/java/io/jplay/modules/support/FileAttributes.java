package io.jplay.modules.support;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.ModuleArgs;
import io.jplay.module.OptionType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options every file-touching module shares (AnsibleModule's add_file_common_args) and the plan to
 * bring a path's mode, owner and group to what the task asks: which commands to run and the diff entries
 * Ansible reports ({@code before.mode}/{@code after.mode}, owner, group). SELinux contexts and chattr
 * attributes are accepted for compatibility but not applied (documented gap).
 */
public final class FileAttributes {

    public static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("mode", OptionType.RAW)
            .option("owner", OptionType.STR)
            .option("group", OptionType.STR)
            .option("seuser", OptionType.STR)
            .option("serole", OptionType.STR)
            .option("setype", OptionType.STR)
            .option("selevel", OptionType.STR)
            .option("unsafe_writes", OptionType.BOOL).defaultValue(false)
            .option("attributes", OptionType.STR).aliases("attr")
            .build();

    /** What to change: shell commands (empty when nothing) and the diff's before/after additions. */
    public record Plan(String commands, Map<String, Object> before, Map<String, Object> after, Integer newMode) {
        public boolean changed() {
            return !commands.isEmpty();
        }
    }

    private FileAttributes() {
    }

    /**
     * @param follow whether chown/chmod act on a link's target ({@code false} uses {@code chown -h} and leaves
     *               link permissions alone, which Linux cannot change anyway)
     */
    public static Plan plan(ModuleArgs args, String path, RemoteStat current, int umask, boolean follow) {
        StringBuilder commands = new StringBuilder();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        Integer newMode = null;
        String p = Sh.q(path);
        String owner = args.string("owner");
        if (owner != null && !owner.equals(current.owner()) && !owner.equals(String.valueOf(current.uid()))) {
            commands.append("chown ").append(follow ? "" : "-h ").append(Sh.q(owner)).append(" -- ").append(p).append(" && ");
            before.put("owner", current.uid());
            after.put("owner", owner);
        }
        String group = args.string("group");
        if (group != null && !group.equals(current.group()) && !group.equals(String.valueOf(current.gid()))) {
            commands.append("chgrp ").append(follow ? "" : "-h ").append(Sh.q(group)).append(" -- ").append(p).append(" && ");
            before.put("group", current.gid());
            after.put("group", group);
        }
        Object mode = args.get("mode");
        // copy's mode=preserve is resolved by copy itself into a number before it gets here
        if (mode != null && !"preserve".equals(mode) && !(current.isLink() && !follow)) {
            int wanted = FileMode.resolve(mode, path, current.permissions(), current.isDir(), umask);
            if (wanted != current.permissions()) {
                commands.append("chmod ").append(Integer.toOctalString(wanted)).append(" -- ").append(p).append(" && ");
                before.put("mode", FileMode.format(current.permissions()));
                after.put("mode", FileMode.format(wanted));
                newMode = wanted;
            }
        }
        String text = commands.length() == 0 ? "" : commands.substring(0, commands.length() - 4);
        return new Plan(text, before, after, newMode);
    }

    /** The path information AnsibleModule.add_path_info puts into results. */
    public static Map<String, Object> pathInfo(RemoteStat st) {
        Map<String, Object> info = new LinkedHashMap<>();
        if (!st.exists()) {
            info.put("state", "absent");
            return info;
        }
        info.put("uid", st.uid());
        info.put("gid", st.gid());
        info.put("owner", st.owner());
        info.put("group", st.group());
        info.put("mode", FileMode.format(st.permissions()));
        info.put("state", st.state());
        info.put("size", st.size());
        return info;
    }
}
