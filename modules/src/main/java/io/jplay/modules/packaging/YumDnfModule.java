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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What ansible.builtin.yum and ansible.builtin.dnf share (module_utils/yumdnf.py's argument spec), done with the
 * yum/dnf command line and rpm instead of their Python APIs. One round trip: the script reads which packages are
 * installed (rpm -q), decides what to do, and runs the one yum/dnf transaction needed (or, in check mode, only
 * reports it); its records name the packages installed/removed, Ansible's {@code results}.
 */
abstract class YumDnfModule implements Module {

    static ArgumentSpec.Builder commonSpec() {
        return ArgumentSpec.builder()
                .option("allow_downgrade", OptionType.BOOL).defaultValue(false)
                .option("autoremove", OptionType.BOOL).defaultValue(false)
                .option("bugfix", OptionType.BOOL).defaultValue(false)
                .option("cacheonly", OptionType.BOOL).defaultValue(false)
                .option("conf_file", OptionType.STR)
                .option("disable_excludes", OptionType.STR)
                .option("disable_gpg_check", OptionType.BOOL).defaultValue(false)
                .option("disable_plugin", OptionType.LIST).elements(OptionType.STR).defaultValue(List.of())
                .option("disablerepo", OptionType.LIST).elements(OptionType.STR).defaultValue(List.of())
                .option("download_only", OptionType.BOOL).defaultValue(false)
                .option("download_dir", OptionType.STR)
                .option("enable_plugin", OptionType.LIST).elements(OptionType.STR).defaultValue(List.of())
                .option("enablerepo", OptionType.LIST).elements(OptionType.STR).defaultValue(List.of())
                .option("exclude", OptionType.LIST).elements(OptionType.STR).defaultValue(List.of())
                .option("installroot", OptionType.STR).defaultValue("/")
                .option("install_repoquery", OptionType.BOOL).defaultValue(true)
                .option("install_weak_deps", OptionType.BOOL).defaultValue(true)
                .option("list", OptionType.STR)
                .option("name", OptionType.LIST).elements(OptionType.STR).aliases("pkg").defaultValue(List.of())
                .option("releasever", OptionType.RAW)
                .option("security", OptionType.BOOL).defaultValue(false)
                .option("skip_broken", OptionType.BOOL).defaultValue(false)
                .option("state", OptionType.STR).choices("absent", "installed", "latest", "present", "removed")
                .option("update_cache", OptionType.BOOL).defaultValue(false).aliases("expire-cache")
                .option("update_only", OptionType.BOOL).defaultValue(false)
                .option("validate_certs", OptionType.BOOL).defaultValue(true)
                .option("sslverify", OptionType.BOOL).defaultValue(true)
                .option("lock_timeout", OptionType.INT).defaultValue(30L)
                .requiredOneOf("name", "list", "update_cache")
                .mutuallyExclusive("name", "list");
    }

    /** The commands this backend may run, in preference order ({@code dnf}, {@code dnf-3}; {@code yum}). */
    abstract List<String> tools();

    /** fail_json when none of {@link #tools()} is on the target. */
    abstract ModuleFailure toolMissing();

    @Override
    public ModuleResult run(ModuleContext ctx) {
        return OutputLines.around(() -> apply(ctx));
    }

    /** Ansible's state default: absent with autoremove, else present; installed/removed are its synonyms. */
    static String state(ModuleArgs a) {
        String state = a.string("state");
        if (state == null) {
            state = a.bool("autoremove") ? "absent" : "present";
        }
        return switch (state) {
            case "installed" -> "present";
            case "removed" -> "absent";
            default -> state;
        };
    }

    /** The options every transaction gets, in the order yum's module adds them to yum_basecmd. */
    static List<String> baseCommand(String tool, ModuleArgs a, String state) {
        List<String> cmd = new ArrayList<>(List.of(tool, "-y"));
        if (a.string("conf_file") != null) {
            cmd.addAll(List.of("-c", a.string("conf_file")));
        }
        if (!"/".equals(a.string("installroot"))) {
            cmd.add("--installroot=" + a.string("installroot"));
        }
        if (a.bool("skip_broken")) {
            cmd.add("--skip-broken");
        }
        if (!a.strings("disablerepo").isEmpty()) {
            cmd.add("--disablerepo=" + String.join(",", a.strings("disablerepo")));
        }
        if (!a.strings("enablerepo").isEmpty()) {
            cmd.add("--enablerepo=" + String.join(",", a.strings("enablerepo")));
        }
        if (!a.strings("enable_plugin").isEmpty()) {
            cmd.addAll(List.of("--enableplugin", String.join(",", a.strings("enable_plugin"))));
        }
        if (!a.strings("disable_plugin").isEmpty()) {
            cmd.addAll(List.of("--disableplugin", String.join(",", a.strings("disable_plugin"))));
        }
        if (!a.strings("exclude").isEmpty()) {
            cmd.add("--exclude=" + String.join(",", a.strings("exclude")));
        }
        if (a.string("disable_excludes") != null) {
            cmd.add("--disableexcludes=" + a.string("disable_excludes"));
        }
        if (a.bool("cacheonly")) {
            cmd.add("--cacheonly");
        }
        if (a.bool("download_only")) {
            cmd.add("--downloadonly");
            if (a.string("download_dir") != null) {
                cmd.add("--downloaddir=" + a.string("download_dir"));
            }
        }
        if (a.get("releasever") != null) {
            cmd.add("--releasever=" + a.get("releasever"));
        }
        if (!a.bool("install_weak_deps")) {
            cmd.add("--setopt=install_weak_deps=False");
        }
        if (!a.bool("sslverify") || !a.bool("validate_certs")) {
            cmd.add("--setopt=sslverify=False");
        }
        if (!"absent".equals(state) && a.bool("disable_gpg_check")) {
            cmd.add("--nogpgcheck");
        }
        if ("latest".equals(state) || a.bool("update_only")) {
            if (a.bool("security")) {
                cmd.add("--security");
            }
            if (a.bool("bugfix")) {
                cmd.add("--bugfix");
            }
        }
        return cmd;
    }

    /**
     * The transaction for packages that need it: {@code install} for missing ones (present, latest), {@code upgrade}
     * for installed ones with an update (latest), {@code remove} (or {@code autoremove}) for installed ones (absent).
     */
    static List<String> transaction(List<String> base, String state, ModuleArgs a, boolean installed, List<String> names) {
        List<String> cmd = new ArrayList<>(base);
        if ("absent".equals(state)) {
            cmd.add(a.bool("autoremove") ? "autoremove" : "remove");
        } else {
            cmd.add(installed ? "upgrade" : "install");
        }
        cmd.addAll(names);
        return cmd;
    }

    /** The command as shell words: the tool (a variable the script set) as is, each option quoted. */
    static String words(List<String> cmd) {
        StringBuilder b = new StringBuilder(cmd.get(0));
        cmd.subList(1, cmd.size()).forEach(w -> b.append(' ').append(Sh.q(w)));
        return b.toString();
    }

    ModuleResult apply(ModuleContext ctx) {
        ModuleArgs a = ctx.args();
        String state = state(a);
        if (a.bool("autoremove") && !"absent".equals(state)) {
            throw new ModuleFailure("Autoremove should be used alone or with state=absent", Map.of("results", List.of()));
        }
        if (a.string("list") != null) {
            throw new ModuleFailure("list= is not supported by jplay's " + name() + " module", Map.of("results", List.of()));
        }
        ExecResult r = ctx.connection().sh(script(a, state, ctx.checkMode()));
        Probe.Result p = Probe.parse(r.stdout());
        if (p.record("N") != null) {
            throw toolMissing();
        }
        return result(ctx, a, state, r, p);
    }

    /**
     * The one script: find the tool, refresh metadata when asked, pick the names that need work with rpm -q (and
     * check-update for latest), print them ({@code W|}), then (not in check mode) run install/upgrade/remove with the
     * tool's output on stderr and print {@code R|Installed: NEVRA} / {@code R|Removed: NEVRA} records.
     */
    String script(ModuleArgs a, String state, boolean check) {
        List<String> names = a.strings("name");
        StringBuilder s = new StringBuilder("export LANG=C LC_ALL=C LC_MESSAGES=C\nset -f\n_jt=\n");
        for (String tool : tools()) {
            s.append("[ -z \"$_jt\" ] && _jt=$(command -v ").append(tool).append(" 2>/dev/null)\n");
        }
        s.append("[ -n \"$_jt\" ] || { printf 'N|\\n'; exit 0; }\n");
        List<String> base = baseCommand("\"$_jt\"", a, state);
        if (a.bool("update_cache")) {
            s.append(words(base)).append(" makecache >/dev/null 2>&1\n");
        }
        s.append("_jw=; _ju=\n");
        for (String n : names) {
            String q = Sh.q(n);
            switch (state) {
                case "absent" -> s.append("if _jq=$(rpm -q ").append(q).append(" 2>/dev/null); then _jw=\"$_jw \"").append(q)
                        .append("; printf '%s\\n' \"$_jq\" | sed 's/^/R|Removed: /'; fi\n");
                case "latest" -> s.append("if ! rpm -q ").append(q).append(" >/dev/null 2>&1; then _jw=\"$_jw \"").append(q)
                        .append("; elif ! ").append(words(base)).append(" -q check-update ").append(q)
                        .append(" >/dev/null 2>&1; then _ju=\"$_ju \"").append(q).append("; fi\n");
                default -> s.append("rpm -q ").append(q).append(" >/dev/null 2>&1 || _jw=\"$_jw \"").append(q).append('\n');
            }
        }
        s.append("[ -n \"$_jw$_ju\" ] || { printf 'Z|\\n'; exit 0; }\nprintf 'W|%s\\n' \"$_jw $_ju\"\n");
        if (!check) {
            s.append("_jr=0\n[ -n \"$_jw\" ] && { ").append(words(transaction(base, state, a, false, List.of())))
                    .append(" $_jw 1>&2 || _jr=$?; }\n[ -n \"$_ju\" ] && { ").append(words(transaction(base, state, a, true, List.of())))
                    .append(" $_ju 1>&2 || _jr=$?; }\n");
            if (!"absent".equals(state)) {
                s.append("[ $_jr = 0 ] && for _jp in $_jw $_ju; do rpm -q \"$_jp\" | sed 's/^/R|Installed: /'; done\n");
            }
            s.append("exit $_jr\n");
        }
        return s.toString();
    }

    private ModuleResult result(ModuleContext ctx, ModuleArgs a, String state, ExecResult r, Probe.Result p) {
        if (p.record("Z") != null) {
            return ModuleResult.builder().changed(false).msg("Nothing to do").put("rc", 0L).put("results", List.of()).build();
        }
        List<String> results = new ArrayList<>(p.records("R"));
        if (ctx.checkMode()) {
            for (String w : p.record("W").strip().split("\\s+")) {
                if (!"absent".equals(state)) {
                    results.add("Installed: " + w);
                }
            }
            return ModuleResult.builder().changed(true).msg("Check mode: No changes made, but would have if not in check mode")
                    .put("rc", 0L).put("results", results).build();
        }
        String err = r.stderrText();
        if (r.rc() != 0) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("rc", (long) r.rc());
            extra.put("results", List.of());
            extra.put("failures", List.of(err.strip()));
            throw new ModuleFailure("Failed to install some of the specified packages", extra);
        }
        return ModuleResult.builder().changed(true).msg("").put("rc", 0L).put("results", results).build();
    }
}
