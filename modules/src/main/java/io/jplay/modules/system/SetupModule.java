package io.jplay.modules.system;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * ansible.builtin.setup without Python: one POSIX sh probe (facts.sh) reads the target in one round trip, and the
 * controller turns its output into Ansible's facts. gather_subset chooses collectors as Ansible does (the "min"
 * collectors always, unless "!min"; "all" or a subset name adds more; "!name" removes), filter keeps facts whose
 * name matches one of its shell patterns.
 *
 * <p>Not reported, because they describe Python: {@code ansible_python}, {@code ansible_python_version},
 * {@code ansible_selinux_python_present}. Not collected yet: {@code ansible_devices}, {@code ansible_device_links}
 * and capabilities (capsh).
 */
public final class SetupModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("gather_subset", OptionType.LIST).elements(OptionType.STR).defaultValue(List.of("all"))
            .option("gather_timeout", OptionType.INT).defaultValue(10L)
            .option("filter", OptionType.LIST).elements(OptionType.STR).defaultValue(List.of())
            .option("fact_path", OptionType.PATH).defaultValue("/etc/ansible/facts.d")
            .option("parallel", OptionType.BOOL)
            .build();

    /** Collectors by the subset names Ansible gives them, in the order Ansible runs them. */
    private static final Map<String, BiConsumer<FactsProbe, Map<String, Object>>> COLLECTORS = new LinkedHashMap<>();
    private static final Set<String> MIN = Set.of("apparmor", "cmdline", "date_time", "distribution", "dns", "env",
            "fips", "local", "lsb", "pkg_mgr", "platform", "selinux", "service_mgr", "ssh_pub_keys", "user");
    private static final Map<String, Set<String>> GROUPS = Map.of(
            "hardware", Set.of("hardware"), "network", Set.of("network"), "virtual", Set.of("virtual"),
            "min", MIN, "facter", Set.of(), "ohai", Set.of());

    static {
        COLLECTORS.put("platform", SystemFacts::platform);
        COLLECTORS.put("distribution", SystemFacts::distribution);
        COLLECTORS.put("lsb", SystemFacts::lsb);
        COLLECTORS.put("user", SystemFacts::user);
        COLLECTORS.put("date_time", SystemFacts::dateTime);
        COLLECTORS.put("env", SystemFacts::env);
        COLLECTORS.put("dns", SystemFacts::dns);
        COLLECTORS.put("cmdline", SystemFacts::cmdline);
        COLLECTORS.put("fips", (probe, facts) -> facts.put("fips", probe.text("fips").strip().equals("1")));
        COLLECTORS.put("apparmor", (probe, facts) -> facts.put("apparmor",
                Map.of("status", probe.text("apparmor").isEmpty() ? "disabled" : "enabled")));
        COLLECTORS.put("selinux", SetupModule::selinux);
        COLLECTORS.put("chroot", (probe, facts) -> facts.put("is_chroot", probe.text("chroot").strip().equals("yes")));
        COLLECTORS.put("service_mgr", SystemFacts::serviceManager);
        COLLECTORS.put("pkg_mgr", SystemFacts::packageManager);
        COLLECTORS.put("ssh_pub_keys", SystemFacts::sshHostKeys);
        COLLECTORS.put("local", SystemFacts::local);
        COLLECTORS.put("loadavg", HardwareFacts::loadavg);
        COLLECTORS.put("hardware", HardwareFacts::collect);
        COLLECTORS.put("network", NetworkFacts::collect);
        COLLECTORS.put("virtual", VirtualFacts::collect);
    }

    @Override
    public String name() {
        return "setup";
    }

    /** The play's implicit "Gathering Facts" task runs ansible.builtin.gather_facts, which runs setup. */
    @Override
    public List<String> aliases() {
        return List.of("ansible.builtin.setup", "ansible.legacy.setup", "gather_facts", "ansible.builtin.gather_facts",
                "ansible.legacy.gather_facts");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        List<String> subset = ctx.args().strings("gather_subset");
        Set<String> chosen = choose(subset);
        FactsProbe probe = FactsProbe.run(ctx.connection());
        Map<String, Object> collected = new LinkedHashMap<>();
        for (Map.Entry<String, BiConsumer<FactsProbe, Map<String, Object>>> collector : COLLECTORS.entrySet()) {
            if (chosen.contains(collector.getKey())) {
                collector.getValue().accept(probe, collected);
            }
        }
        List<Pattern> filters = new ArrayList<>();
        for (String glob : ctx.args().strings("filter")) {
            filters.add(Pattern.compile(globToRegex(glob)));
        }
        Map<String, Object> facts = new java.util.TreeMap<>();
        for (Map.Entry<String, Object> fact : collected.entrySet()) {
            String name = "ansible_" + fact.getKey();
            if (filters.isEmpty() || filters.stream().anyMatch(p -> p.matcher(name).matches())) {
                facts.put(name, fact.getValue());
            }
        }
        Map<String, Object> result = new LinkedHashMap<>(facts);
        result.put("gather_subset", new ArrayList<>(subset));
        result.put("module_setup", true);
        ModuleResult.Builder builder = ModuleResult.builder().put("ansible_facts", result);
        if (ctx.invokedName() != null && ctx.invokedName().endsWith("gather_facts")) {
            // gather_facts' results are not printed with -v, as Ansible's action plugin marks them
            builder.put("_ansible_verbose_override", true);
        }
        return builder.build();
    }

    /**
     * Ansible's get_collector_names: "min" first, then each entry adds ("all", a group, a collector) or removes
     * ("!all" removes all but min, "!min" the minimal ones, "!x" x); what was added by name survives removal.
     */
    static Set<String> choose(List<String> subset) {
        Set<String> additional = new LinkedHashSet<>(MIN);
        Set<String> exclude = new LinkedHashSet<>();
        Set<String> explicitlyAdded = new LinkedHashSet<>();
        for (String raw : subset) {
            String name = raw.strip();
            if (name.equals("min")) {
                additional.addAll(MIN);
            } else if (name.equals("all")) {
                additional.addAll(COLLECTORS.keySet());
            } else if (name.equals("!min")) {
                exclude.addAll(MIN);
            } else if (name.equals("!all")) {
                COLLECTORS.keySet().stream().filter(collector -> !MIN.contains(collector)).forEach(exclude::add);
            } else if (name.startsWith("!")) {
                exclude.addAll(expand(name.substring(1)));
            } else {
                if (!allNames().contains(name)) {
                    throw new ModuleFailure("Bad subset '" + name + "' given to Ansible. gather_subset options allowed: all, "
                            + String.join(", ", new java.util.TreeSet<>(allNames())));
                }
                explicitlyAdded.addAll(expand(name));
                additional.addAll(expand(name));
            }
        }
        exclude.removeAll(explicitlyAdded);
        additional.removeAll(exclude);
        return additional;
    }

    private static Set<String> expand(String name) {
        return GROUPS.getOrDefault(name, Set.of(name));
    }

    private static Set<String> allNames() {
        Set<String> names = new LinkedHashSet<>(COLLECTORS.keySet());
        names.addAll(GROUPS.keySet());
        names.add("caps");
        names.add("python");
        return names;
    }

    private static void selinux(FactsProbe probe, Map<String, Object> facts) {
        String enforce = probe.text("selinux").strip();
        Map<String, Object> selinux = new LinkedHashMap<>();
        if (enforce.isEmpty()) {
            selinux.put("status", "disabled");
        } else {
            selinux.put("status", "enabled");
            selinux.put("mode", enforce.equals("1") ? "enforcing" : "permissive");
        }
        facts.put("selinux", selinux);
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
