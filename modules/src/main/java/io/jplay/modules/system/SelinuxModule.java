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
import java.util.List;
import java.util.Map;

/**
 * ansible.posix.selinux (policy, state, configfile) in one round trip: the running state from selinuxfs, the
 * configured SELINUX= and SELINUXTYPE= from the config file; changes with {@code setenforce} and edits of the
 * file, with Ansible's messages, warnings and {@code reboot_required}. Where SELinux is absent (no selinuxfs, as on
 * Debian), {@code state: disabled} is a no-op that says so instead of failing on the missing Python binding.
 */
public final class SelinuxModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("policy", OptionType.STR)
            .option("state", OptionType.STR).required().choices("enforcing", "permissive", "disabled")
            .option("configfile", OptionType.STR).defaultValue("/etc/selinux/config").aliases("conf", "file")
            .option("update_kernel_param", OptionType.BOOL).defaultValue(false)
            .build();

    @Override
    public String name() {
        return "selinux";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.posix.selinux", "ansible.builtin.selinux", "ansible.legacy.selinux");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        if (args.bool("update_kernel_param")) {
            throw new ModuleFailure("jplay's selinux module does not support update_kernel_param yet");
        }
        String configfile = args.string("configfile");
        String policy = args.string("policy");
        String state = args.string("state");
        String f = Sh.q(configfile);
        String probeScript = "if [ -r /sys/fs/selinux/enforce ]; then printf 'R|%s\\n' \"$(cat /sys/fs/selinux/enforce)\"; fi\n"
                + "if [ -f " + f + " ]; then echo 'G|1'\n"
                + "  printf 'S|%s\\n' \"$(sed -n 's/^SELINUX=//p' " + f + " | tail -n 1)\"\n"
                + "  printf 'T|%s\\n' \"$(sed -n 's/^SELINUXTYPE=//p' " + f + " | tail -n 1)\"; fi\n";
        Probe.Result probe = Probe.parse(ctx.connection().sh(probeScript).stdout());
        boolean runtimeEnabled = probe.record("R") != null;
        String runtimeState = !runtimeEnabled ? "disabled" : "1".equals(probe.record("R").strip()) ? "enforcing" : "permissive";
        boolean hasConfig = probe.record("G") != null;
        String configState = hasConfig ? probe.record("S").strip() : null;
        String configPolicy = hasConfig ? probe.record("T").strip() : null;

        if (!runtimeEnabled && "disabled".equals(state) && (!hasConfig || "disabled".equals(configState))) {
            // SELinux is absent or off and wanted off: nothing to do
            return ModuleResult.builder().changed(false).msg(hasConfig ? "" : "SELinux is not available on this host.")
                    .put("configfile", configfile).put("policy", policy != null ? policy : configPolicy).put("state", state)
                    .put("reboot_required", false).build();
        }
        if (!hasConfig) {
            throw new ModuleFailure("Unable to find file " + configfile,
                    Map.of("details", "Please install SELinux-policy package, if this package is not installed previously."));
        }
        if (!"disabled".equals(state) && (policy == null || policy.isEmpty())) {
            throw new ModuleFailure("Policy is required if state is not 'disabled'");
        }
        if (policy == null || policy.isEmpty()) {
            policy = configPolicy;
        }
        boolean check = ctx.checkMode();
        boolean changed = false;
        boolean rebootRequired = false;
        List<String> msgs = new ArrayList<>();
        StringBuilder s = new StringBuilder();
        // libselinux's selinux_getpolicytype() reads the configured type: running and configured policy are one
        if (!policy.equals(configPolicy)) {
            if (check) {
                return ModuleResult.builder().changed(true).build();
            }
            msgs.add("Running SELinux policy changed from '" + configPolicy + "' to '" + policy + "'");
            msgs.add("SELinux policy configuration in '" + configfile + "' changed from '" + configPolicy + "' to '" + policy + "'");
            s.append("sed -i 's/^SELINUXTYPE=.*/SELINUXTYPE=").append(sedSafe(policy)).append("/' ").append(f).append(" || echo 'F|'\n");
            changed = true;
        }
        if (!state.equals(runtimeState)) {
            if (runtimeEnabled) {
                if ("disabled".equals(state)) {
                    if (!"permissive".equals(runtimeState)) {
                        s.append(check ? "" : "setenforce 0 || echo 'F|'\n");
                        ctx.warn("SELinux state temporarily changed from '" + runtimeState + "' to 'permissive'. State change will take effect next reboot.");
                        changed = true;
                    } else {
                        ctx.warn("SELinux state change will take effect next reboot");
                    }
                    rebootRequired = true;
                } else {
                    s.append(check ? "" : "setenforce " + ("enforcing".equals(state) ? 1 : 0) + " || echo 'F|'\n");
                    msgs.add("SELinux state changed from '" + runtimeState + "' to '" + state + "'");
                    changed = true;
                }
            } else {
                ctx.warn("Reboot is required to set SELinux state to '" + state + "'");
                rebootRequired = true;
            }
        }
        if (!state.equals(configState)) {
            s.append(check ? "" : "sed -i 's/^SELINUX=.*/SELINUX=" + state + "/' " + f + " || echo 'F|'\n");
            msgs.add("Config SELinux state changed from '" + configState + "' to '" + state + "'");
            changed = true;
        }
        if (!check && s.length() > 0) {
            Probe.Result done = Probe.parse(ctx.connection().sh(s.toString()).stdout());
            if (done.record("F") != null) {
                throw new ModuleFailure("Failed to change the SELinux settings in " + configfile);
            }
        }
        return ModuleResult.builder().changed(changed).msg(String.join(", ", msgs)).put("configfile", configfile)
                .put("policy", policy).put("state", state).put("reboot_required", rebootRequired).build();
    }

    private static String sedSafe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "");
    }
}
