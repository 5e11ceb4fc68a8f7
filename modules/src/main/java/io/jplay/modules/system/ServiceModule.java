package io.jplay.modules.system;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleInvoker;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.Sh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.service as its action plugin runs it: with the service manager {@code systemd}
 * ({@code ansible_service_mgr}, probed on the target when facts were not gathered) the task is the systemd
 * module's, minus the options systemd does not use (each with Ansible's "Ignoring" warning); otherwise the generic
 * service module over {@code service NAME ACTION} (or {@code /etc/init.d/NAME}) with {@code update-rc.d},
 * {@code chkconfig} or {@code rc-update} for enabled, all in one round trip.
 */
public final class ServiceModule implements Module {

    private static final List<String> UNUSED_BY_SYSTEMD = List.of("pattern", "runlevel", "sleep", "arguments", "args");

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("name", OptionType.STR).required()
            .option("state", OptionType.STR).choices("started", "stopped", "reloaded", "restarted")
            .option("sleep", OptionType.INT)
            .option("pattern", OptionType.STR)
            .option("enabled", OptionType.BOOL)
            .option("runlevel", OptionType.STR).defaultValue("default")
            .option("arguments", OptionType.STR).defaultValue("").aliases("args")
            .build();

    @Override
    public String name() {
        return "service";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        Object fact = ctx.hostVar("ansible_service_mgr");
        String manager = fact == null ? probeManager(ctx) : fact.toString();
        if ("systemd".equals(manager)) {
            return viaSystemd(ctx);
        }
        return generic(ctx);
    }

    /** Ansible's fact: systemd when it runs as the init (the directory it makes at boot), else the service tool. */
    private static String probeManager(ModuleContext ctx) {
        String out = ctx.connection().sh("if [ -d /run/systemd/system ]; then echo systemd; else echo service; fi").stdoutText().strip();
        return out.isEmpty() ? "service" : out;
    }

    private static ModuleResult viaSystemd(ModuleContext ctx) {
        Map<String, Object> args = new LinkedHashMap<>(ctx.rawArgs());
        List<String> warnings = new ArrayList<>();
        for (String unused : UNUSED_BY_SYSTEMD) {
            if (args.containsKey(unused)) {
                args.remove(unused);
                warnings.add("Ignoring \"" + unused + "\" as it is not used in \"systemd\"");
            }
        }
        ModuleContext inner = ModuleContext.builder().invokedName("ansible.legacy.systemd").args(args)
                .connection(ctx.connection()).checkMode(ctx.checkMode()).diffMode(ctx.diffMode())
                .remoteTmp(ctx::remoteTmp).hostVars(ctx::hostVar).hostName(ctx.hostName()).build();
        ModuleResult result = ModuleInvoker.invoke(new SystemdModule(), inner);
        if (result.get("warnings") instanceof List<?> own) {
            own.forEach(w -> warnings.add(String.valueOf(w)));
        }
        return warnings.isEmpty() ? result : result.with(Map.of("warnings", warnings));
    }

    private static ModuleResult generic(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        // the service module's own rule; on systemd hosts the systemd module's rules apply instead, as in Ansible
        if (args.get("state") == null && args.get("enabled") == null) {
            throw new ModuleFailure("one of the following is required: state, enabled");
        }
        String name = args.string("name");
        String state = args.string("state");
        Boolean enabled = args.boolOrNull("enabled");
        String pattern = args.string("pattern");
        String arguments = args.string("arguments");
        boolean check = ctx.checkMode();

        StringBuilder s = new StringBuilder();
        String n = Sh.q(name);
        s.append("if command -v service >/dev/null 2>&1; then svc() { service ").append(n).append(" \"$@\"; }\n")
                .append("elif [ -x /etc/init.d/").append(n).append(" ]; then svc() { /etc/init.d/").append(n).append(" \"$@\"; }\n")
                .append("else echo 'X|'; exit 0; fi\n");
        if (enabled != null) {
            // enabled in the default runlevels: a start link (SysV) or an OpenRC default-runlevel entry
            s.append("set -- /etc/rc?.d/S??").append(n).append(" /etc/runlevels/default/").append(n)
                    .append("; _en=0; for _l; do [ -e \"$_l\" ] && _en=1; done; echo \"E|$_en\"\n");
            String tool = enabled ? "enable" : "disable";
            s.append("if [ $_en != ").append(enabled ? 1 : 0).append(" ]; then echo 'EC|1'\n");
            if (!check) {
                s.append("  if command -v update-rc.d >/dev/null 2>&1; then _o=$(update-rc.d ").append(n).append(enabled ? " defaults >/dev/null 2>&1; update-rc.d " + n + " enable" : " disable")
                        .append(" 2>&1)\n")
                        .append("  elif command -v chkconfig >/dev/null 2>&1; then _o=$(chkconfig ").append(n).append(enabled ? " on" : " off").append(" 2>&1)\n")
                        .append("  elif command -v rc-update >/dev/null 2>&1; then _o=$(rc-update ").append(enabled ? "add " : "del ").append(n).append(" default 2>&1)\n")
                        .append("  else echo 'NT|'; exit 0; fi\n")
                        .append("  _rc=$?; if [ $_rc -ne 0 ]; then printf 'F|%s\\n@@CONTENT\\n%s' $_rc \"$_o\"; exit 0; fi\n");
            }
            s.append("fi\n");
            assert tool != null;
        }
        if (state != null) {
            if (pattern != null) {
                s.append("if ps -eo args | grep -v grep | grep -q -- ").append(Sh.q(pattern)).append("; then _run=1; else _run=0; fi\n");
            } else {
                s.append("svc status >/dev/null 2>&1; case $? in 0) _run=1;; *) _run=0;; esac\n");
            }
            s.append("echo \"R|$_run\"\n");
            String action = switch (state) {
                case "started" -> "[ $_run = 0 ] && _act=start";
                case "stopped" -> "[ $_run = 1 ] && _act=stop";
                case "restarted" -> "_act=restart";
                default -> "_act=reload; [ $_run = 0 ] && _act=start";
            };
            s.append("_act=; ").append(action).append("\n")
                    .append("if [ -n \"$_act\" ]; then echo \"A|$_act\"\n");
            if (!check) {
                String extra = arguments == null || arguments.isEmpty() ? "" : " " + arguments;
                s.append("  if [ $_act = restart ] && ! svc restart >/dev/null 2>&1; then svc stop >/dev/null 2>&1; _act=start; fi\n")
                        .append("  _o=$(svc $_act").append(extra).append(" 2>&1); _rc=$?\n")
                        .append("  if [ $_rc -ne 0 ]; then printf 'F|%s\\n@@CONTENT\\n%s' $_rc \"$_o\"; exit 0; fi\n");
                Long sleep = args.integer("sleep");
                if (sleep != null && "restarted".equals(state)) {
                    s.append("  sleep ").append(sleep).append('\n');
                }
            }
            s.append("fi\n");
        }
        Probe.Result probe = Probe.parse(ctx.connection().sh(s.toString()).stdout());
        if (probe.record("X") != null) {
            throw new ModuleFailure("Could not find the requested service " + name + ": cannot find 'service' binary or init script for service,  possible typo in service name?, aborting");
        }
        if (probe.record("NT") != null) {
            throw new ModuleFailure("no service or tool found for: " + name);
        }
        if (probe.record("F") != null) {
            String out = probe.content() == null ? "" : new String(probe.content(), StandardCharsets.UTF_8);
            throw new ModuleFailure(out.strip().isEmpty() ? "failure " + probe.record("F") + " running service " + name : out.strip() + "\n");
        }
        ModuleResult.Builder result = ModuleResult.builder().put("name", name);
        boolean changed = probe.record("EC") != null || probe.record("A") != null;
        if (enabled != null) {
            result.put("enabled", enabled);
        }
        if (state != null) {
            result.put("state", "stopped".equals(state) ? "stopped" : "started");
        }
        return result.changed(changed).build();
    }
}
