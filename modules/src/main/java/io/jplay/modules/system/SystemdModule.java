package io.jplay.modules.system;

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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.systemd. One round trip reads everything the decisions need (daemon-reload/-reexec run
 * first, as in Ansible; then {@code systemctl show}, {@code is-enabled}, the SysV script); a second one runs the
 * actions (mask, enable, start...) only when something has to change, so an idempotent run costs one.
 * {@code status} is the unit's {@code systemctl show} properties before any change, as Ansible reports them.
 */
public final class SystemdModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("name", OptionType.STR).aliases("service", "unit")
            .option("state", OptionType.STR).choices("reloaded", "restarted", "started", "stopped")
            .option("enabled", OptionType.BOOL)
            .option("force", OptionType.BOOL)
            .option("masked", OptionType.BOOL)
            .option("daemon_reload", OptionType.BOOL).defaultValue(false).aliases("daemon-reload")
            .option("daemon_reexec", OptionType.BOOL).defaultValue(false).aliases("daemon-reexec")
            .option("scope", OptionType.STR).defaultValue("system").choices("system", "user", "global")
            .option("no_block", OptionType.BOOL).defaultValue(false)
            .requiredOneOf("state", "enabled", "masked", "daemon_reload", "daemon_reexec")
            .requiredBy("state", "name")
            .requiredBy("enabled", "name")
            .requiredBy("masked", "name")
            .build();

    @Override
    public String name() {
        return "systemd";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin.systemd", "ansible.legacy.systemd", "systemd_service",
                "ansible.builtin.systemd_service", "ansible.legacy.systemd_service");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String unit = args.string("name");
        if (unit != null) {
            for (String glob : List.of("*", "?", "[")) {
                if (unit.contains(glob)) {
                    throw new ModuleFailure("This module does not currently support using glob patterns, found '" + glob
                            + "' in service name: " + unit);
                }
            }
        }
        String systemctl = systemctl(args);
        boolean check = ctx.checkMode();

        StringBuilder script = new StringBuilder();
        script.append("command -v systemctl >/dev/null 2>&1 || { echo 'X|'; exit 0; }\n")
                .append("[ -n \"$XDG_RUNTIME_DIR\" ] || export XDG_RUNTIME_DIR=/run/user/$(id -u)\n")
                .append("S=").append(Sh.q(systemctl)).append('\n');
        if (args.bool("daemon_reload") && !check) {
            script.append(step("daemon-reload", "$S daemon-reload", false));
        }
        if (args.bool("daemon_reexec") && !check) {
            script.append(step("daemon-reexec", "$S daemon-reexec", false));
        }
        if (unit != null) {
            String u = Sh.q(unit);
            String initd = Sh.q("/etc/init.d/" + unit);
            script.append("[ -f ").append(initd).append(" ] && echo 'I|1'\n")
                    .append("set -- /etc/rc?.d/S??").append(u).append("; [ -e \"$1\" ] && echo 'V|1'\n")
                    .append("printf 'E|%s\\n' \"$($S is-enabled ").append(u).append(" 2>/dev/null | head -n 1)\"\n")
                    .append("_o=$($S is-enabled ").append(u).append(" -l 2>/dev/null); printf 'N|%s|%s\\n' $? \"$(printf '%s' \"$_o\" | tr '\\n' ',')\"\n")
                    .append("_o=$($S show ").append(u).append(" 2>&1); printf 'W|%s\\n' $?; printf '@@CONTENT\\n%s' \"$_o\"\n");
        }
        Probe.Result probe = Probe.parse(ctx.connection().sh(script.toString()).stdout());
        if (probe.record("X") != null) {
            throw new ModuleFailure("Failed to find required executable \"systemctl\" in paths: " + "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        }
        failIfStepFailed(probe, "during ");

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", unit);
        result.put("changed", false);
        Map<String, Object> status = new LinkedHashMap<>();
        result.put("status", status);
        List<String> warnings = new ArrayList<>();
        if (unit == null) {
            return build(result, warnings);
        }

        String showText = probe.content() == null ? "" : new String(probe.content(), StandardCharsets.UTF_8);
        boolean showOk = "0".equals(probe.record("W"));
        boolean isInitd = probe.record("I") != null;
        boolean isSystemd = false;
        if (showOk && !requestWasIgnored(showText)) {
            if (!showText.isEmpty()) {
                status.putAll(parseSystemctlShow(showText.split("\n", -1)));
                Object load = status.get("LoadState");
                isSystemd = load != null && !"not-found".equals(load);
                boolean masked = "masked".equals(load);
                if (isSystemd && !masked && status.containsKey("LoadError")) {
                    throw new ModuleFailure("Error loading unit file '" + unit + "': " + status.get("LoadError"));
                }
            }
        } else {
            String isEnabled = probe.record("E");
            isSystemd = List.of("enabled", "enabled-runtime", "linked", "linked-runtime", "masked", "masked-runtime", "static",
                    "indirect", "disabled", "generated", "transient").contains(isEnabled == null ? "" : isEnabled.strip());
            if (!isSystemd) {
                throw new ModuleFailure(showText.strip(), Map.of("rc", 1, "cmd", systemctl));
            }
        }
        boolean found = isSystemd || isInitd;
        if (isInitd && !isSystemd) {
            warnings.add("The service (" + unit + ") is actually an init script but the system is managed by systemd");
        }

        StringBuilder actions = new StringBuilder();
        Boolean wantMasked = args.boolOrNull("masked");
        if (wantMasked != null) {
            boolean masked = "masked".equals(probe.record("E").strip());
            if (masked != wantMasked) {
                result.put("changed", true);
                String action = wantMasked ? "mask" : "unmask";
                // Ansible ignores a failing mask/unmask of a unit it found
                actions.append(found ? "$S " + action + " " + Sh.q(unit) + " >/dev/null 2>&1\n" : step(action, "$S " + action + " " + Sh.q(unit), false));
            }
        }
        Boolean wantEnabled = args.boolOrNull("enabled");
        if (wantEnabled != null) {
            String action = wantEnabled ? "enable" : "disable";
            failIfMissing(found, unit);
            String[] n = probe.record("N").split("\\|", 2);
            String lines = n.length > 1 ? n[1] : "";
            boolean enabled = false;
            if ("0".equals(n[0])) {
                enabled = !(lines.equals("indirect,") || lines.equals("indirect") || lines.equals("alias,") || lines.equals("alias"));
            } else if ("1".equals(n[0])) {
                enabled = "system".equals(args.string("scope")) && isInitd && !lines.replaceAll(",$", "").strip().endsWith("disabled")
                        && probe.record("V") != null;
            }
            result.put("enabled", enabled);
            if (enabled != wantEnabled) {
                result.put("changed", true);
                actions.append(step(action, "$S " + action + " " + Sh.q(unit), true));
                result.put("enabled", !enabled);
            }
        }
        String state = args.string("state");
        if (state != null) {
            failIfMissing(found, unit);
            result.put("state", state);
            if (status.containsKey("ActiveState")) {
                Object active = status.get("ActiveState");
                boolean running = "active".equals(active) || "activating".equals(active);
                String action = null;
                switch (state) {
                    case "started" -> action = running ? null : "start";
                    case "stopped" -> action = running || "deactivating".equals(active) ? "stop" : null;
                    default -> {
                        action = running ? state.substring(0, state.length() - 2) : "start";
                        result.put("state", "started");
                    }
                }
                if (action != null) {
                    result.put("changed", true);
                    actions.append(step(action, "$S " + action + " " + Sh.q(unit), false));
                }
            } else {
                throw new ModuleFailure("Service is in unknown state", Map.of("status", status));
            }
        }
        if (!check && actions.length() > 0) {
            String second = "[ -n \"$XDG_RUNTIME_DIR\" ] || export XDG_RUNTIME_DIR=/run/user/$(id -u)\nS=" + Sh.q(systemctl) + "\n" + actions;
            ExecResult r = ctx.connection().sh(second);
            failIfStepFailed(Probe.parse(r.stdout()), "unit:" + unit);
        }
        return build(result, warnings);
    }

    private static ModuleResult build(Map<String, Object> result, List<String> warnings) {
        ModuleResult.Builder b = ModuleResult.builder().putAll(result);
        if (!warnings.isEmpty()) {
            b.put("warnings", warnings);
        }
        return b.build();
    }

    private static String systemctl(ModuleArgs args) {
        StringBuilder s = new StringBuilder("systemctl");
        if (!"system".equals(args.string("scope"))) {
            s.append(" --").append(args.string("scope"));
        }
        if (args.bool("no_block")) {
            s.append(" --no-block");
        }
        if (Boolean.TRUE.equals(args.boolOrNull("force"))) {
            s.append(" --force");
        }
        return s.toString();
    }

    /**
     * A script line running one systemctl command; on failure it prints {@code F|action|rc}, then the error text
     * (stdout and stderr when {@code withStdout}, as Ansible's enable/disable message has both) and stops.
     */
    private static String step(String action, String command, boolean withStdout) {
        // $S is unquoted on purpose: it holds systemctl and its options
        String capture = withStdout ? command + " 2>&1" : command + " 2>&1 >/dev/null";
        return "_e=$(" + capture + "); _rc=$?; if [ $_rc -ne 0 ]; then printf 'F|%s|%s\\n@@CONTENT\\n%s' "
                + Sh.q(action) + " $_rc \"$_e\"; exit 0; fi\n";
    }

    private static void failIfStepFailed(Probe.Result probe, String where) {
        String f = probe.record("F");
        if (f == null) {
            return;
        }
        String[] parts = f.split("\\|", 2);
        String action = parts[0];
        String rc = parts.length > 1 ? parts[1] : "1";
        String err = probe.content() == null ? "" : new String(probe.content(), StandardCharsets.UTF_8);
        if (action.startsWith("daemon-")) {
            throw new ModuleFailure("failure " + rc + " during " + action + ": " + err + "\n");
        }
        String unit = where.startsWith("unit:") ? where.substring(5) : "";
        if (action.equals("mask") || action.equals("unmask")) {
            throw new ModuleFailure("Could not find the requested service " + unit + ": host");
        }
        throw new ModuleFailure("Unable to " + action + " service " + unit + ": " + err + "\n");
    }

    private static void failIfMissing(boolean found, String unit) {
        if (!found) {
            throw new ModuleFailure("Could not find the requested service " + unit + ": host");
        }
    }

    private static boolean requestWasIgnored(String out) {
        return !out.contains("=") && (out.contains("ignoring request") || out.contains("ignoring command"));
    }

    /** Ansible's parse_systemctl_show: Key=value lines; Exec* values in braces may span lines. */
    static Map<String, Object> parseSystemctlShow(String[] lines) {
        Map<String, Object> parsed = new LinkedHashMap<>();
        List<String> multival = new ArrayList<>();
        String k = null;
        for (String line : lines) {
            if (k == null) {
                int eq = line.indexOf('=');
                if (eq >= 0) {
                    k = line.substring(0, eq);
                    String v = line.substring(eq + 1);
                    if (k.startsWith("Exec") && v.stripLeading().startsWith("{") && !v.stripTrailing().endsWith("}")) {
                        multival.add(v);
                        continue;
                    }
                    parsed.put(k, v.strip());
                    k = null;
                }
            } else {
                multival.add(line);
                if (line.stripTrailing().endsWith("}")) {
                    parsed.put(k, String.join("\n", multival).strip());
                    multival.clear();
                    k = null;
                }
            }
        }
        return parsed;
    }
}
