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
import java.util.regex.Pattern;

/**
 * ansible.builtin.apt without python-apt: the cache, package states and candidates come from
 * {@code apt-cache policy} and {@code dpkg-query}, and the change is made with the same {@code apt-get} command
 * line Ansible builds (so stdout, stderr, "failed" messages and check mode's {@code --simulate} are the same).
 *
 * <p>Two round trips at most: the first updates the cache when asked and reads every package's state; the second
 * (only when something must change, or in check mode to simulate it) runs apt-get. An idempotent run costs one.
 */
public final class AptModule implements Module {

    static final String DPKG_OPTIONS = "force-confdef,force-confold";
    /** Ansible's APT_ENV_VARS with the C locale (what get_best_parsable_locale picks on a minimal target). */
    static final String ENV = "export DEBIAN_FRONTEND=noninteractive DEBIAN_PRIORITY=critical LANG=C LC_ALL=C LC_MESSAGES=C LC_CTYPE=C\n";
    private static final String APT_GET_ZERO = "\n0 upgraded, 0 newly installed";
    private static final String APTITUDE_ZERO = "\n0 packages upgraded, 0 newly installed";
    /** Characters a package spec may hold: anything else could not be a Debian package and must not reach the shell. */
    private static final Pattern SAFE_SPEC = Pattern.compile("[A-Za-z0-9.+:~*?\\[\\]!=<>_@-]+");

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("state", OptionType.STR).defaultValue("present").choices("absent", "build-dep", "fixed", "latest", "present")
            .option("update_cache", OptionType.BOOL).aliases("update-cache")
            .option("update_cache_retries", OptionType.INT).defaultValue(5L)
            .option("update_cache_retry_max_delay", OptionType.INT).defaultValue(12L)
            .option("cache_valid_time", OptionType.INT).defaultValue(0L)
            .option("purge", OptionType.BOOL).defaultValue(false)
            .option("package", OptionType.LIST).elements(OptionType.STR).aliases("pkg", "name")
            .option("deb", OptionType.PATH)
            .option("default_release", OptionType.STR).aliases("default-release")
            .option("install_recommends", OptionType.BOOL).aliases("install-recommends")
            .option("force", OptionType.BOOL).defaultValue(false)
            .option("upgrade", OptionType.STR).choices("dist", "full", "no", "safe", "yes").defaultValue("no")
            .option("dpkg_options", OptionType.STR).defaultValue(DPKG_OPTIONS)
            .option("autoremove", OptionType.BOOL).defaultValue(false)
            .option("autoclean", OptionType.BOOL).defaultValue(false)
            .option("fail_on_autoremove", OptionType.BOOL).defaultValue(false)
            .option("policy_rc_d", OptionType.INT)
            .option("only_upgrade", OptionType.BOOL).defaultValue(false)
            .option("force_apt_get", OptionType.BOOL).defaultValue(false)
            .option("clean", OptionType.BOOL).defaultValue(false)
            .option("allow_unauthenticated", OptionType.BOOL).defaultValue(false).aliases("allow-unauthenticated")
            .option("allow_downgrade", OptionType.BOOL).defaultValue(false).aliases("allow-downgrade", "allow_downgrades", "allow-downgrades")
            .option("allow_change_held_packages", OptionType.BOOL).defaultValue(false)
            .option("lock_timeout", OptionType.INT).defaultValue(60L)
            .mutuallyExclusive("deb", "package", "upgrade")
            .requiredOneOf("autoremove", "deb", "package", "update_cache", "upgrade")
            .build();

    @Override
    public String name() {
        return "apt";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    /** What the first round trip learnt. */
    record Facts(String aptGet, boolean aptitude, boolean updated, long cacheTime, Map<String, String> status,
                 Map<String, AptPolicy> policies, Map<String, List<String>> patternMatches, List<String[]> debs) {
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        return OutputLines.around(() -> apply(ctx));
    }

    private ModuleResult apply(ModuleContext ctx) {
        ModuleArgs a = ctx.args();
        List<String> specs = new ArrayList<>();
        boolean allInstalled = false;
        for (String p : a.strings("package") == null ? List.<String>of() : a.strings("package")) {
            if (p.equals("*")) {
                allInstalled = true;
            } else {
                specs.add(p.strip());
            }
        }
        for (String spec : specs) {
            if (spec.chars().filter(c -> c == '=').count() > 1) {
                throw new ModuleFailure("invalid package spec: " + spec);
            }
            if (!SAFE_SPEC.matcher(spec).matches()) {
                throw new ModuleFailure("No package matching '" + split(spec)[0] + "' is available");
            }
        }
        boolean update = Boolean.TRUE.equals(a.boolOrNull("update_cache")) || a.integer("cache_valid_time") > 0;
        boolean installState = !"absent".equals(a.string("state"));
        Facts facts = probe(ctx, a, specs, update, installState);

        Map<String, Object> cache = new LinkedHashMap<>();
        cache.put("cache_updated", facts.updated());
        cache.put("cache_update_time", facts.cacheTime());
        if (a.bool("clean")) {
            ExecResult r = apt(ctx, a, "apt-get clean");
            if (r.rc() != 0) {
                throw new ModuleFailure("apt-get clean failed: " + r.stderrText(), Map.of("stdout", r.stdoutText(), "rc", (long) r.rc()));
            }
            if (specs.isEmpty() && "no".equals(a.string("upgrade")) && a.string("deb") == null) {
                return ModuleResult.builder().changed(true).msg(r.stdoutText()).put("stdout", r.stdoutText()).put("stderr", r.stderrText()).build();
            }
        }
        if (update && specs.isEmpty() && !allInstalled && "no".equals(a.string("upgrade")) && a.string("deb") == null) {
            return ModuleResult.builder().changed(facts.updated()).putAll(cache).build();
        }
        if (!"no".equals(a.string("upgrade"))) {
            return upgrade(ctx, a, facts, a.string("upgrade"));
        }
        if (a.string("deb") != null) {
            if (!"present".equals(a.string("state"))) {
                throw new ModuleFailure("deb only supports state=present");
            }
            return installDebs(ctx, a, facts);
        }
        if ("latest".equals(a.string("state")) && allInstalled) {
            if (!specs.isEmpty()) {
                throw new ModuleFailure("unable to install additional packages when upgrading all installed packages");
            }
            return upgrade(ctx, a, facts, "yes");
        }
        if (specs.isEmpty()) {
            if (a.bool("autoclean")) {
                return cleanup(ctx, a, facts, "autoclean");
            }
            if (a.bool("autoremove")) {
                return cleanup(ctx, a, facts, "autoremove");
            }
        }
        List<String> expanded = expand(specs, facts);
        if (installState) {
            return install(ctx, a, facts, expanded).putAll(cache).build();
        }
        return remove(ctx, a, facts, expanded);
    }

    // ---- first round trip: cache update and package states ----

    private Facts probe(ModuleContext ctx, ModuleArgs a, List<String> specs, boolean update, boolean installState) {
        StringBuilder s = new StringBuilder(ENV);
        s.append("_jag=$(command -v apt-get) || { printf 'N|%s\\n' \"$PATH\"; exit 0; }\nprintf 'G|%s\\n' \"$_jag\"\n")
                .append("command -v aptitude >/dev/null 2>&1 && printf 'A|1\\n'\n")
                .append("_jct() { if [ -e /var/lib/apt/periodic/update-success-stamp ]; then stat -c %Y /var/lib/apt/periodic/update-success-stamp;"
                        + " elif [ -e /var/lib/apt/lists ]; then stat -c %Y /var/lib/apt/lists; else echo 0; fi; }\n")
                .append("_jt=$(_jct); printf 'T|%s\\n' \"$_jt\"\n");
        if (update) {
            s.append("if [ $((_jt + ").append(a.integer("cache_valid_time")).append(")) -le $(date +%s) ]; then\n  printf 'D|1\\n'\n");
            if (!ctx.checkMode()) {
                // python-apt's cache.update() with Ansible's retries; apt-get update exits 0 on fetch failures, so read its errors
                s.append("  _ji=0; _jd=1\n  while :; do\n")
                        .append("    _je=$(apt-get update -q 2>&1 >/dev/null); _jr=$?\n")
                        .append("    if [ $_jr = 0 ] && ! printf '%s\\n' \"$_je\" | grep -Eq '^(W: (Failed to fetch|Some index files failed)|E: )'; then break; fi\n")
                        .append("    _ji=$((_ji + 1))\n")
                        .append("    if [ $_ji -ge ").append(Math.max(1, a.integer("update_cache_retries")))
                        .append(" ]; then printf 'X|1\\n'; printf '%s\\n' \"$_je\" | sed 's/^/F|/'; break; fi\n")
                        .append("    sleep $_jd; _jd=$((_jd * 2)); [ $_jd -gt ").append(Math.max(1, a.integer("update_cache_retry_max_delay")))
                        .append(" ] && _jd=").append(Math.max(1, a.integer("update_cache_retry_max_delay"))).append("\n  done\n");
            }
            s.append("  printf 'T|%s\\n' \"$(_jct)\"\nfi\n");
        }
        List<String> literal = new ArrayList<>();
        s.append("set -f\n_jn=''\n");
        for (String spec : specs) {
            String name = split(spec)[0];
            if (Glob.isPattern(name)) {
                // apt-get's own pattern matching is not used, as in Ansible: fnmatch over the cache's names
                boolean multiarch = name.contains(":");
                s.append("for _jp in $(apt-cache pkgnames 2>/dev/null); do case $_jp in ")
                        .append(multiarch ? "" : "*:*) ;; ").append(name.replace(")", "\\)").replace("(", "\\(")).append(") printf 'M|%s|%s\\n' ")
                        .append(Sh.q(name)).append(" \"$_jp\"; _jn=\"$_jn $_jp\";; esac; done\n");
            } else {
                literal.add(name);
            }
        }
        for (String name : literal) {
            s.append("_jn=\"$_jn \"").append(Sh.q(name)).append('\n');
        }
        s.append("for _jp in $_jn; do printf 'S|%s|%s\\n' \"$_jp\" \"$(dpkg-query -W -f='${db:Status-Abbrev}|${Version}\\n' -- \"$_jp\" 2>/dev/null | head -n 1)\"; done\n")
                .append("[ -n \"$_jn\" ] && apt-cache policy");
        if (a.string("default_release") != null) {
            s.append(" -o ").append(Sh.q("APT::Default-Release=" + a.string("default_release")));
        }
        s.append(" -- $_jn 2>/dev/null | sed 's/^/Y|/'\n");
        if (installState && !ctx.checkMode() && !"build-dep".equals(a.string("state"))) {
            // Ansible's mark_installed_manually: the packages the task names stay installed when their dependents go
            s.append("_jm=''; for _jp in $_jn; do case $(dpkg-query -W -f='${db:Status-Abbrev}' -- \"$_jp\" 2>/dev/null) in ?i*) _jm=\"$_jm $_jp\";; esac; done\n")
                    .append("[ -n \"$_jm\" ] && apt-mark manual $_jm >/dev/null 2>&1\n");
        }
        if (a.string("deb") != null) {
            int i = 0;
            for (String deb : a.string("deb").split(",")) {
                String path = deb;
                if (deb.contains("://")) {
                    path = ctx.remoteTmp() + "/" + deb.substring(deb.lastIndexOf('/') + 1);
                    s.append("_je=$( { curl -fsSL -o ").append(Sh.q(path)).append(' ').append(Sh.q(deb)).append(" || wget -q -O ")
                            .append(Sh.q(path)).append(' ').append(Sh.q(deb)).append("; } 2>&1) || printf 'Z|%s|%s\\n' ")
                            .append(i).append(" \"$(printf '%s' \"$_je\" | tr '\\n' ' ')\"\n");
                }
                s.append("_jpk=$(dpkg-deb -f ").append(Sh.q(path)).append(" Package 2>&1) || printf 'Z|%s|%s\\n' ").append(i)
                        .append(" \"$(printf '%s' \"$_jpk\" | tr '\\n' ' ')\"\n")
                        .append("printf 'B|%s|%s|%s|%s\\n' ").append(Sh.q(path)).append(" \"$_jpk\" \"$(dpkg-deb -f ").append(Sh.q(path))
                        .append(" Version 2>/dev/null)\" \"$(dpkg-query -W -f='${db:Status-Abbrev}|${Version}\\n' -- \"$_jpk\" 2>/dev/null | head -n 1)\"\n");
                i++;
            }
        }
        ExecResult r = ctx.connection().sh(s.toString());
        Probe.Result p = Probe.parse(r.stdout());
        if (p.record("N") != null) {
            throw new ModuleFailure("Failed to find required executable \"apt-get\" in paths: " + p.record("N"));
        }
        if (p.record("G") == null) {
            throw new ModuleFailure("apt: could not read the package state: " + r.stderrText().strip(), Map.of("rc", (long) r.rc()));
        }
        if (p.record("X") != null) {
            String err = String.join("\n", p.records("F")).strip();
            throw new ModuleFailure("Failed to update apt cache: " + (err.isEmpty() ? "unknown reason" : err));
        }
        List<String> times = p.records("T");
        long before = parseLong(times.get(0));
        long after = parseLong(times.get(times.size() - 1));
        boolean updated = p.record("D") != null && (ctx.checkMode() || before != after);
        Map<String, String> status = new LinkedHashMap<>();
        for (String rec : p.records("S")) {
            int bar = rec.indexOf('|');
            status.putIfAbsent(rec.substring(0, bar), rec.substring(bar + 1));
        }
        Map<String, List<String>> matches = new LinkedHashMap<>();
        for (String rec : p.records("M")) {
            int bar = rec.indexOf('|');
            matches.computeIfAbsent(rec.substring(0, bar), k -> new ArrayList<>()).add(rec.substring(bar + 1));
        }
        for (String zerr : p.records("Z")) {
            throw new ModuleFailure("Unable to install package: " + zerr.substring(zerr.indexOf('|') + 1).strip());
        }
        List<String[]> debs = new ArrayList<>();
        for (String rec : p.records("B")) {
            debs.add(rec.split("\\|", -1));
        }
        return new Facts(p.record("G"), p.record("A") != null, updated, after, status, AptPolicy.parse(p.records("Y")), matches, debs);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Ansible's package_split: {@code name}, {@code =} or {@code >=} (or null), version (or null). */
    static String[] split(String spec) {
        int ge = spec.indexOf(">=");
        int eq = spec.indexOf('=');
        if (ge >= 0 && ge < eq) {
            return new String[] {spec.substring(0, ge), ">=", spec.substring(ge + 2)};
        }
        if (eq >= 0) {
            return new String[] {spec.substring(0, eq), "=", spec.substring(eq + 1)};
        }
        return new String[] {spec, null, null};
    }

    private static List<String> expand(List<String> specs, Facts facts) {
        List<String> out = new ArrayList<>();
        for (String spec : specs) {
            String name = split(spec)[0];
            if (Glob.isPattern(name)) {
                List<String> m = facts.patternMatches().get(name);
                if (m == null || m.isEmpty()) {
                    throw new ModuleFailure("No package(s) matching '" + name + "' available");
                }
                out.addAll(m);
            } else {
                out.add(spec);
            }
        }
        return out;
    }

    /** Ansible's package_status: installed, version_is_installed, version_installable, has_files. */
    record Status(boolean installed, boolean versionInstalled, String installable, boolean hasFiles) {
    }

    static Status status(String name, String cmp, String version, Facts facts, boolean install) {
        AptPolicy policy = facts.policies().get(name);
        String dpkg = facts.status().getOrDefault(name, "");
        int bar = dpkg.indexOf('|');
        String abbrev = bar < 0 ? "" : dpkg.substring(0, bar);
        String installedVersion = bar < 0 ? "" : dpkg.substring(bar + 1);
        boolean installed = abbrev.length() > 1 && abbrev.charAt(1) == 'i';
        boolean hasFiles = abbrev.length() > 1 && abbrev.charAt(1) != 'n';
        if (policy == null && !installed) {
            if (install) {
                throw new ModuleFailure("No package matching '" + name + "' is available");
            }
            return new Status(false, false, null, hasFiles);
        }
        String best = policy == null ? null : policy.bestMatch(cmp, version);
        if (!installed) {
            return new Status(false, false, best, hasFiles);
        }
        boolean versionInstalled;
        if ("=".equals(cmp)) {
            versionInstalled = Glob.matches(version, installedVersion);
        } else if (">=".equals(cmp)) {
            versionInstalled = DebVersion.compare(installedVersion, version) >= 0;
        } else {
            versionInstalled = true;
        }
        return new Status(true, versionInstalled, installedVersion.equals(best) ? null : best, hasFiles);
    }

    // ---- second round trip: apt-get ----

    /** Ansible's expand_dpkg_options: {@code -o "Dpkg::Options::=--OPT"} per comma-separated option. */
    static String dpkgOptions(String compressed) {
        StringBuilder b = new StringBuilder();
        for (String option : compressed.split(",", -1)) {
            b.append(" -o \"Dpkg::Options::=--").append(option).append('"');
        }
        return b.toString().strip();
    }

    /** The apt-get install command line exactly as Ansible's install() formats it (its double spaces included). */
    static String installCommand(String aptGet, ModuleArgs a, boolean check, String packages) {
        String state = a.string("state");
        String cmd;
        if ("build-dep".equals(state)) {
            cmd = String.format("%s -y %s %s %s %s %s %s build-dep %s", aptGet, dpkgOptions(a.string("dpkg_options")),
                    a.bool("only_upgrade") ? "--only-upgrade" : "", "", a.bool("force") ? "--force-yes" : "",
                    a.bool("fail_on_autoremove") ? "--no-remove" : "", check ? "--simulate" : "", packages);
        } else {
            cmd = String.format("%s -y %s %s %s %s %s %s %s install %s", aptGet, dpkgOptions(a.string("dpkg_options")),
                    a.bool("only_upgrade") ? "--only-upgrade" : "", "fixed".equals(state) ? "--fix-broken" : "",
                    a.bool("force") ? "--force-yes" : "", a.bool("autoremove") ? "--auto-remove" : "",
                    a.bool("fail_on_autoremove") ? "--no-remove" : "", check ? "--simulate" : "", packages);
        }
        if (a.string("default_release") != null) {
            cmd += " -t '" + a.string("default_release") + "'";
        }
        Boolean recommends = a.boolOrNull("install_recommends");
        if (Boolean.FALSE.equals(recommends)) {
            cmd += " -o APT::Install-Recommends=no";
        } else if (Boolean.TRUE.equals(recommends)) {
            cmd += " -o APT::Install-Recommends=yes";
        }
        if (a.bool("allow_unauthenticated")) {
            cmd += " --allow-unauthenticated";
        }
        if (a.bool("allow_downgrade")) {
            cmd += " --allow-downgrades";
        }
        if (a.bool("allow_change_held_packages")) {
            cmd += " --allow-change-held-packages";
        }
        return cmd;
    }

    static String removeCommand(String aptGet, ModuleArgs a, boolean check, String packages) {
        return String.format("%s -q -y %s %s %s %s %s remove %s", aptGet, dpkgOptions(a.string("dpkg_options")),
                a.bool("purge") ? "--purge" : "", a.bool("force") ? "--force-yes" : "", a.bool("autoremove") ? "--auto-remove" : "",
                check ? "--simulate" : "", packages);
    }

    private ModuleResult.Builder install(ModuleContext ctx, ModuleArgs a, Facts facts, List<String> specs) {
        String state = a.string("state");
        boolean upgrade = "latest".equals(state);
        boolean onlyUpgrade = a.bool("only_upgrade");
        List<String> pkgList = new ArrayList<>();
        for (String spec : specs) {
            if ("build-dep".equals(state)) {
                pkgList.add("'" + spec + "'");
                continue;
            }
            String[] parts = split(spec);
            Status st = status(parts[0], parts[1], parts[2], facts, true);
            if (!st.installed() && onlyUpgrade) {
                continue;
            }
            if (!st.versionInstalled() && st.installable() == null) {
                return ModuleResult.builder().failed("no available installation candidate for " + spec);
            }
            if (st.installable() != null && ((!st.installed() && !onlyUpgrade) || upgrade || !st.versionInstalled())) {
                pkgList.add("'" + parts[0] + "=" + st.installable() + "'");
            } else if (st.versionInstalled() && st.installable() != null && "=".equals(parts[1])) {
                pkgList.add("'" + parts[0] + "=" + parts[2] + "'");
            }
        }
        if (pkgList.isEmpty()) {
            return ModuleResult.builder().changed(false);
        }
        String cmd = installCommand(facts.aptGet(), a, ctx.checkMode(), String.join(" ", pkgList));
        ExecResult r = apt(ctx, a, cmd);
        String out = r.stdoutText();
        if (r.rc() != 0) {
            return ModuleResult.builder().failed("'" + cmd + "' failed: " + r.stderrText())
                    .put("stdout", out).put("stderr", r.stderrText()).put("rc", (long) r.rc());
        }
        boolean changed = !"build-dep".equals(state) || !out.contains(APT_GET_ZERO);
        return ModuleResult.builder().changed(changed).put("stdout", out).put("stderr", r.stderrText())
                .put("diff", ctx.diffMode() ? parseDiff(out) : Map.of());
    }

    private ModuleResult remove(ModuleContext ctx, ModuleArgs a, Facts facts, List<String> specs) {
        List<String> pkgList = new ArrayList<>();
        for (String spec : specs) {
            String[] parts = split(spec);
            Status st = status(parts[0], parts[1], parts[2], facts, false);
            if (st.versionInstalled() || (st.hasFiles() && a.bool("purge"))) {
                pkgList.add("'" + spec + "'");
            }
        }
        if (pkgList.isEmpty()) {
            return ModuleResult.builder().changed(false).build();
        }
        String packages = String.join(" ", pkgList);
        ExecResult r = apt(ctx, a, removeCommand(facts.aptGet(), a, ctx.checkMode(), packages));
        if (r.rc() != 0) {
            throw new ModuleFailure("'apt-get remove " + packages + "' failed: " + r.stderrText(),
                    Map.of("stdout", r.stdoutText(), "stderr", r.stderrText(), "rc", (long) r.rc()));
        }
        return ModuleResult.builder().changed(true).put("stdout", r.stdoutText()).put("stderr", r.stderrText())
                .put("diff", ctx.diffMode() ? parseDiff(r.stdoutText()) : Map.of()).build();
    }

    private ModuleResult cleanup(ModuleContext ctx, ModuleArgs a, Facts facts, String operation) {
        String cmd = String.format("%s -y %s %s %s %s %s", facts.aptGet(), dpkgOptions(a.string("dpkg_options")),
                a.bool("purge") ? "--purge" : "", a.bool("force") ? "--force-yes" : "", operation, ctx.checkMode() ? "--simulate" : "");
        ExecResult r = apt(ctx, a, cmd);
        if (r.rc() != 0) {
            throw new ModuleFailure("'apt-get " + operation + "' failed: " + r.stderrText(),
                    Map.of("stdout", r.stdoutText(), "stderr", r.stderrText(), "rc", (long) r.rc()));
        }
        String marker = operation.equals("autoremove") ? "The following packages will be REMOVED" : "Del ";
        return ModuleResult.builder().changed(r.stdoutText().contains(marker)).put("stdout", r.stdoutText())
                .put("stderr", r.stderrText()).put("diff", ctx.diffMode() ? parseDiff(r.stdoutText()) : Map.of()).build();
    }

    private ModuleResult upgrade(ModuleContext ctx, ModuleArgs a, Facts facts, String mode) {
        boolean useAptGet = a.bool("force_apt_get") || !facts.aptitude();
        String autoremove = a.bool("autoremove") ? "--auto-remove" : "";
        String tool;
        String command;
        if (mode.equals("dist") || (mode.equals("full") && useAptGet)) {
            tool = "apt-get";
            command = "dist-upgrade " + autoremove;
        } else if (mode.equals("full")) {
            tool = "aptitude";
            command = "full-upgrade";
        } else if (useAptGet) {
            tool = "apt-get";
            command = "upgrade --with-new-pkgs " + autoremove;
        } else {
            tool = "aptitude";
            command = "safe-upgrade";
        }
        String force = !a.bool("force") ? "" : tool.equals("apt-get") ? "--force-yes" : "--assume-yes --allow-untrusted";
        String cmd = String.format("%s -y %s %s %s %s %s %s %s", tool.equals("apt-get") ? facts.aptGet() : "aptitude",
                dpkgOptions(a.string("dpkg_options")), force, a.bool("fail_on_autoremove") ? "--no-remove" : "",
                a.bool("allow_unauthenticated") ? "--allow-unauthenticated" : "", a.bool("allow_downgrade") ? "--allow-downgrades" : "",
                ctx.checkMode() ? "--simulate" : "", command);
        if (a.string("default_release") != null) {
            cmd += " -t '" + a.string("default_release") + "'";
        }
        ExecResult r = apt(ctx, a, cmd);
        String out = r.stdoutText();
        if (r.rc() != 0) {
            throw new ModuleFailure("'" + tool + " " + command + "' failed: " + r.stderrText(), Map.of("stdout", out, "rc", (long) r.rc()));
        }
        if (out.contains(tool.equals("apt-get") ? APT_GET_ZERO : APTITUDE_ZERO)) {
            return ModuleResult.builder().changed(false).msg(out).put("stdout", out).put("stderr", r.stderrText()).build();
        }
        return ModuleResult.builder().changed(true).msg(out).put("stdout", out).put("stderr", r.stderrText())
                .put("diff", ctx.diffMode() ? parseDiff(out) : Map.of()).build();
    }

    /**
     * deb=: the package file (on the target, or downloaded there from a URL) is installed unless the same version is.
     * apt-get installs the file and any missing dependencies in one command (Ansible asks python-apt for the
     * missing dependencies, installs them with apt-get, then runs dpkg -i).
     */
    private ModuleResult installDebs(ModuleContext ctx, ModuleArgs a, Facts facts) {
        List<String> files = new ArrayList<>();
        for (String[] deb : facts.debs()) {
            String path = deb[0];
            String version = deb[2];
            String abbrev = deb.length > 3 ? deb[3] : "";
            boolean installed = abbrev.length() > 1 && abbrev.charAt(1) == 'i';
            if (installed && deb.length > 4 && DebVersion.compare(version, deb[4]) == 0) {
                continue;
            }
            files.add(path.startsWith("/") || path.startsWith("./") ? path : "./" + path);
        }
        if (files.isEmpty()) {
            return ModuleResult.builder().changed(false).put("stdout", "").put("stderr", "").put("diff", "").build();
        }
        StringBuilder cmd = new StringBuilder(facts.aptGet()).append(" -y ").append(dpkgOptions(a.string("dpkg_options")));
        if (ctx.checkMode()) {
            cmd.append(" --simulate");
        }
        if (a.bool("force")) {
            cmd.append(" --force-yes");
        }
        if (a.bool("allow_downgrade")) {
            cmd.append(" --allow-downgrades");
        }
        cmd.append(" install");
        files.forEach(f -> cmd.append(' ').append(Sh.q(f)));
        ExecResult r = apt(ctx, a, cmd.toString());
        if (r.rc() != 0) {
            throw new ModuleFailure(cmd + " failed", Map.of("stdout", r.stdoutText(), "stderr", r.stderrText()));
        }
        return ModuleResult.builder().changed(true).put("stdout", r.stdoutText()).put("stderr", r.stderrText())
                .put("diff", parseDiff(r.stdoutText())).build();
    }

    /** Runs an apt command with Ansible's environment, inside policy_rc_d's /usr/sbin/policy-rc.d when asked. */
    private static ExecResult apt(ModuleContext ctx, ModuleArgs a, String cmd) {
        Long policy = a.integer("policy_rc_d");
        String script = ENV;
        if (policy == null) {
            script += cmd + "\n";
        } else {
            script += "_jb=; if [ -e /usr/sbin/policy-rc.d ]; then _jb=$(mktemp -d /tmp/ansibleXXXXXX) && mv /usr/sbin/policy-rc.d \"$_jb\"/; fi\n"
                    + "printf '#!/bin/sh\\nexit %d\\n' " + policy + " > /usr/sbin/policy-rc.d && chmod 0755 /usr/sbin/policy-rc.d\n"
                    + cmd + "\n_jr=$?\n"
                    + "if [ -n \"$_jb\" ]; then mv \"$_jb\"/policy-rc.d /usr/sbin/policy-rc.d; rmdir \"$_jb\"; else rm -f /usr/sbin/policy-rc.d; fi\n"
                    + "exit $_jr\n";
        }
        return ctx.connection().sh(script);
    }

    /** Ansible's parse_diff: apt-get's output from "Reading state information..." to the "N upgraded" line. */
    static Map<String, Object> parseDiff(String output) {
        List<String> lines = ModuleResult.splitLines(output);
        int start = lines.indexOf("Reading state information...");
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("^[0-9]+ (packages )?upgraded.*")) {
                end = i;
                break;
            }
        }
        start += 1;
        end += 1;
        List<String> slice = start < Math.min(end, lines.size()) ? lines.subList(start, Math.min(end, lines.size())) : List.of();
        return Map.of("prepared", String.join("\n", slice));
    }
}
