package io.jplay.modules.packaging;

import io.jplay.connection.ExecResult;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.FileAttributes;
import io.jplay.modules.support.FileWriter;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.RemoteStat;
import io.jplay.modules.support.Sh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ansible.builtin.yum_repository: one section of {@code REPOSDIR/FILE.repo}, written as Python's RawConfigParser
 * writes it (sections in file order, the task's section last with its keys sorted, {@code key = value},
 * continuation lines tab-indented, a blank line after each section). The diff is Ansible's dump (sections and
 * keys sorted). One round trip reads the file; a second writes it only when it changes.
 */
public final class YumRepositoryModule implements Module {

    /** The options that become keys of the section (YumRepo.allowed_params). */
    static final List<String> ALLOWED = List.of("async", "bandwidth", "baseurl", "cost", "deltarpm_metadata_percentage",
            "deltarpm_percentage", "enabled", "enablegroups", "exclude", "failovermethod", "gpgcakey", "gpgcheck", "gpgkey",
            "module_hotfixes", "http_caching", "include", "includepkgs", "ip_resolve", "keepalive", "keepcache", "metadata_expire",
            "metadata_expire_filter", "metalink", "mirrorlist", "mirrorlist_expire", "name", "password", "priority", "protect",
            "proxy", "proxy_password", "proxy_username", "repo_gpgcheck", "retries", "s3_enabled", "skip_if_unavailable",
            "sslcacert", "ssl_check_cert_permissions", "sslclientcert", "sslclientkey", "sslverify", "throttle", "timeout",
            "ui_repoid_vars", "username");

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("async", OptionType.BOOL)
            .option("bandwidth", OptionType.STR)
            .option("baseurl", OptionType.LIST).elements(OptionType.STR)
            .option("cost", OptionType.STR)
            .option("deltarpm_metadata_percentage", OptionType.STR)
            .option("deltarpm_percentage", OptionType.STR)
            .option("description", OptionType.STR)
            .option("enabled", OptionType.BOOL)
            .option("enablegroups", OptionType.BOOL)
            .option("exclude", OptionType.LIST).elements(OptionType.STR)
            .option("failovermethod", OptionType.STR).choices("roundrobin", "priority")
            .option("file", OptionType.STR)
            .option("gpgcakey", OptionType.STR)
            .option("gpgcheck", OptionType.BOOL)
            .option("gpgkey", OptionType.LIST).elements(OptionType.STR)
            .option("module_hotfixes", OptionType.BOOL)
            .option("http_caching", OptionType.STR).choices("all", "packages", "none")
            .option("include", OptionType.STR)
            .option("includepkgs", OptionType.LIST).elements(OptionType.STR)
            .option("ip_resolve", OptionType.STR).choices("4", "6", "IPv4", "IPv6", "whatever")
            .option("keepalive", OptionType.BOOL)
            .option("keepcache", OptionType.STR).choices("0", "1")
            .option("metadata_expire", OptionType.STR)
            .option("metadata_expire_filter", OptionType.STR).choices("never", "read-only:past", "read-only:present", "read-only:future")
            .option("metalink", OptionType.STR)
            .option("mirrorlist", OptionType.STR)
            .option("mirrorlist_expire", OptionType.STR)
            .option("name", OptionType.STR).required()
            .option("params", OptionType.DICT)
            .option("password", OptionType.STR).noLog()
            .option("priority", OptionType.STR)
            .option("protect", OptionType.BOOL)
            .option("proxy", OptionType.STR)
            .option("proxy_password", OptionType.STR).noLog()
            .option("proxy_username", OptionType.STR)
            .option("repo_gpgcheck", OptionType.BOOL)
            .option("reposdir", OptionType.PATH).defaultValue("/etc/yum.repos.d")
            .option("retries", OptionType.STR)
            .option("s3_enabled", OptionType.BOOL)
            .option("skip_if_unavailable", OptionType.BOOL)
            .option("sslcacert", OptionType.STR).aliases("ca_cert")
            .option("ssl_check_cert_permissions", OptionType.BOOL)
            .option("sslclientcert", OptionType.STR).aliases("client_cert")
            .option("sslclientkey", OptionType.STR).aliases("client_key")
            .option("sslverify", OptionType.BOOL).aliases("validate_certs")
            .option("state", OptionType.STR).choices("present", "absent").defaultValue("present")
            .option("throttle", OptionType.STR)
            .option("timeout", OptionType.STR)
            .option("ui_repoid_vars", OptionType.STR)
            .option("username", OptionType.STR)
            .include(FileAttributes.SPEC)
            .build();

    @Override
    public String name() {
        return "yum_repository";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    /** A RawConfigParser's content: sections in order, each with its keys in order (keys lower-cased). */
    static Map<String, Map<String, String>> parseIni(String text) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String lastKey = null;
        for (String raw : text.split("\n", -1)) {
            String line = raw.replace("\r", "");
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                if (stripped.isEmpty()) {
                    lastKey = null;
                }
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && current != null && lastKey != null) {
                current.put(lastKey, current.get(lastKey) + "\n" + stripped);
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                current = sections.computeIfAbsent(stripped.substring(1, stripped.length() - 1), k -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            if (current == null) {
                continue;
            }
            int eq = indexOfDelimiter(stripped);
            String key = (eq < 0 ? stripped : stripped.substring(0, eq)).strip().toLowerCase();
            String value = eq < 0 ? "" : stripped.substring(eq + 1).strip();
            current.put(key, value);
            lastKey = key;
        }
        return sections;
    }

    private static int indexOfDelimiter(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    /** RawConfigParser.write: sections in order, {@code key = value} with newlines continued by a tab, blank line after each. */
    static String write(Map<String, Map<String, String>> sections) {
        StringBuilder b = new StringBuilder();
        sections.forEach((name, keys) -> {
            b.append('[').append(name).append("]\n");
            keys.forEach((k, v) -> b.append(k).append(" = ").append(v.replace("\n", "\n\t")).append('\n'));
            b.append('\n');
        });
        return b.toString();
    }

    /** YumRepo.dump: sections and keys sorted, values as they are. */
    static String dump(Map<String, Map<String, String>> sections) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(sections).forEach((name, keys) -> {
            b.append('[').append(name).append("]\n");
            new TreeMap<>(keys).forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
            b.append('\n');
        });
        return b.toString();
    }

    /** The section the task asks for: allowed options that are set, sorted by name; lists joined, booleans 0/1. */
    static Map<String, String> section(ModuleArgs a) {
        Map<String, Object> params = new TreeMap<>(a.asMap());
        params.put("name", a.string("description"));
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            Object value = e.getValue();
            if (value == null || !ALLOWED.contains(e.getKey())) {
                continue;
            }
            if (value instanceof List<?> list) {
                value = String.join(List.of("baseurl", "gpgkey").contains(e.getKey()) ? "\n" : " ", list.stream().map(String::valueOf).toList());
            } else if (value instanceof Boolean bool) {
                value = bool ? "1" : "0";
            }
            keys.put(e.getKey(), String.valueOf(value));
        }
        return keys;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs a = ctx.args();
        if (a.get("params") != null) {
            throw new ModuleFailure("The params option to yum_repository was removed in Ansible 2.5 since it circumvents Ansible's option handling");
        }
        String repoid = a.string("name");
        String state = a.string("state");
        if ("present".equals(state)) {
            if (a.get("baseurl") == null && a.get("metalink") == null && a.get("mirrorlist") == null) {
                throw new ModuleFailure("Parameter 'baseurl', 'metalink' or 'mirrorlist' is required.");
            }
            if (a.get("description") == null) {
                throw new ModuleFailure("Parameter 'description' is required.");
            }
        }
        String reposdir = a.string("reposdir");
        String dest = (reposdir.endsWith("/") ? reposdir : reposdir + "/") + (a.string("file") == null ? repoid : a.string("file")) + ".repo";
        String script = Probe.PREAMBLE + "[ -d " + Sh.q(reposdir) + " ] || { printf 'N|\\n'; exit 0; }\n" + Probe.stat("d", dest, true, false)
                + Probe.content(dest);
        ExecResult r = ctx.connection().sh(script);
        Probe.Result probe = Probe.parse(r.stdout());
        if (probe.record("N") != null) {
            throw new ModuleFailure("Repo directory '" + reposdir + "' does not exist.");
        }
        RemoteStat st = probe.stat("d");
        String text = st.exists() && probe.content() != null ? new String(probe.content(), StandardCharsets.UTF_8) : "";
        Map<String, Map<String, String>> sections = parseIni(text);
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("before_header", dest);
        diff.put("before", dump(sections));
        diff.put("after_header", dest);
        sections.remove(repoid);
        if ("present".equals(state)) {
            sections.put(repoid, section(a));
        }
        diff.put("after", dump(sections));
        boolean changed = !diff.get("before").equals(diff.get("after"));
        RemoteStat now = st;
        if (changed && !ctx.checkMode()) {
            if (sections.isEmpty()) {
                ExecResult rm = ctx.connection().sh("rm -f -- " + Sh.q(dest));
                if (rm.rc() != 0) {
                    throw new ModuleFailure("Cannot remove empty repo file " + dest + ".", Map.of("details", rm.stderrText().strip()));
                }
                now = RemoteStat.ABSENT;
            } else {
                FileAttributes.Plan none = new FileAttributes.Plan("", Map.of(), Map.of(), null);
                now = FileWriter.write(ctx.connection(), dest, write(sections).getBytes(StandardCharsets.UTF_8), st, false, null, none).stat();
            }
        } else if (changed && ctx.checkMode() && !st.exists()) {
            now = RemoteStat.ABSENT;
        }
        if (now.exists()) {
            FileAttributes.Plan plan = FileAttributes.plan(a, dest, now, probe.umask(), true);
            if (plan.changed()) {
                changed = true;
                if (!ctx.checkMode()) {
                    ExecResult attrs = ctx.connection().sh(plan.commands());
                    if (attrs.rc() != 0) {
                        throw new ModuleFailure(attrs.stderrText().strip(), Map.of("path", dest));
                    }
                }
            }
        }
        return ModuleResult.builder().changed(changed).put("repo", repoid).put("state", state).put("diff", diff).build();
    }

    static List<String> sectionNames(String text) {
        return new ArrayList<>(parseIni(text).keySet());
    }
}
