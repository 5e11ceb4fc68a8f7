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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.hostname in one round trip. Strategies: {@code systemd} (also {@code debian}, as in Ansible's
 * STRATS; and the default where systemd runs) with hostnamectl, static name first; a file strategy for
 * {@code generic}/non-systemd Debian ({@code /etc/hostname}) and {@code sles} ({@code /etc/HOSTNAME}), which
 * leaves the running name alone as Ansible's FileStrategy does. Returns Ansible's ansible_facts and diff.
 */
public final class HostnameModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("name", OptionType.STR).required()
            .option("use", OptionType.STR).choices("alpine", "debian", "freebsd", "generic", "macos", "macosx", "darwin",
                    "openbsd", "openrc", "redhat", "sles", "solaris", "systemd")
            .build();

    @Override
    public String name() {
        return "hostname";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String name = args.string("name");
        String use = args.string("use");
        if (use != null && !List.of("systemd", "debian", "sles", "generic").contains(use)) {
            throw new ModuleFailure("jplay's hostname module does not support use=" + use + " yet");
        }
        String n = Sh.q(name);
        boolean check = ctx.checkMode();
        StringBuilder s = new StringBuilder("PATH=$PATH:/usr/sbin:/sbin\n");
        String file = "sles".equals(use) ? "/etc/HOSTNAME" : "/etc/hostname";
        boolean systemd = "systemd".equals(use) || "debian".equals(use);
        if (use == null) {
            s.append("if [ -d /run/systemd/system ] && command -v hostnamectl >/dev/null 2>&1; then _st=systemd; else _st=file; fi\n");
        } else {
            s.append("_st=").append(systemd ? "systemd" : "file").append('\n');
        }
        if (systemd || use == null) {
            if (name.length() > 64) {
                s.append("[ $_st = systemd ] && { echo 'F|name cannot be longer than 64 characters on systemd servers, try a shorter name'; exit 0; }\n");
            }
            s.append("if [ $_st = systemd ]; then\n")
                    .append(cmd("cur", "hostnamectl --transient status"))
                    .append(cmd("perm", "hostnamectl --static status"))
                    .append("  printf 'Y|%s\\nP|%s\\n' \"$cur\" \"$perm\"\n");
            if (!check) {
                s.append("  if [ \"$perm\" != ").append(n).append(" ]; then ").append(cmd("_x", "hostnamectl --pretty --static set-hostname " + n)).append(" fi\n")
                        .append("  if [ \"$cur\" != ").append(n).append(" ]; then ").append(cmd("_x", "hostnamectl --transient set-hostname " + n)).append(" fi\n");
            }
            s.append("fi\n");
        }
        s.append("if [ $_st = file ]; then\n")
                .append("  if [ -f ").append(Sh.q(file)).append(" ]; then perm=$(cat ").append(Sh.q(file)).append("); else perm=; fi\n")
                .append("  printf 'Y|%s\\nP|%s\\n' \"$perm\" \"$perm\"\n");
        if (!check) {
            s.append("  if [ \"$perm\" != ").append(n).append(" ]; then printf '%s\\n' ").append(n).append(" > ").append(Sh.q(file))
                    .append(" || { echo 'F|failed to update hostname'; exit 0; }; fi\n");
        }
        s.append("fi\n")
                // Python's socket.getfqdn(): the first name with a dot among the host's resolved names
                .append("_h=$(uname -n); _f=$_h; for _w in $(getent hosts \"$_h\" 2>/dev/null | head -n 1 | cut -d' ' -f2- | tr -s ' \\t' '  '); do\n")
                .append("  case $_w in *.*) _f=$_w; break;; esac; done; printf 'Q|%s\\n' \"$_f\"\n");
        Probe.Result probe = Probe.parse(ctx.connection().sh(s.toString()).stdout());
        if (probe.record("F") != null) {
            throw new ModuleFailure(probe.record("F"));
        }
        String current = probe.record("Y").strip();
        String permanent = probe.record("P").strip();
        boolean changed = !current.equals(name) || !permanent.equals(name);
        String before = !name.equals(current) ? current : permanent;
        String fqdn = probe.record("Q") == null ? name : probe.record("Q");
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("ansible_hostname", name.split("\\.")[0]);
        facts.put("ansible_nodename", name);
        facts.put("ansible_fqdn", fqdn);
        int dot = fqdn.indexOf('.');
        facts.put("ansible_domain", dot < 0 ? "" : fqdn.substring(dot + 1));
        ModuleResult.Builder result = ModuleResult.builder().changed(changed).put("name", name).put("ansible_facts", facts);
        if (changed) {
            Map<String, Object> diff = new LinkedHashMap<>();
            diff.put("after", "hostname = " + name + "\n");
            diff.put("before", "hostname = " + before + "\n");
            result.diff(diff);
        }
        return result.build();
    }

    /** Runs a command into a variable; a failure stops the script with Ansible's "Command failed" message. */
    private static String cmd(String var, String command) {
        return "  " + var + "=$(" + command + " 2>/tmp/.jplay_hn_err.$$) || { _rc=$?; printf 'F|Command failed rc=%s, out=%s, err=%s\\n' $_rc \"$" + var
                + "\" \"$(tr '\\n' ' ' < /tmp/.jplay_hn_err.$$)\"; rm -f /tmp/.jplay_hn_err.$$; exit 0; }; rm -f /tmp/.jplay_hn_err.$$\n";
    }
}
