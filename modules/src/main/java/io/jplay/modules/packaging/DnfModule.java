package io.jplay.modules.packaging;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.ModuleFailure;
import io.jplay.module.OptionType;

import java.util.List;
import java.util.Map;

/** ansible.builtin.dnf over the dnf command line (see {@link YumDnfModule}). */
public final class DnfModule extends YumDnfModule {

    private static final ArgumentSpec SPEC = commonSpec()
            .option("allowerasing", OptionType.BOOL).defaultValue(false)
            .option("nobest", OptionType.BOOL).defaultValue(false)
            .build();

    @Override
    public String name() {
        return "dnf";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    List<String> tools() {
        return List.of("dnf", "dnf-3", "dnf5");
    }

    /** Ansible's text for a target without dnf, naming what jplay looked for instead of Python interpreters. */
    @Override
    ModuleFailure toolMissing() {
        return new ModuleFailure("Could not find the dnf command on the target. Please install the `dnf` package or ensure it is on the"
                + " PATH. (attempted " + pyList(tools()) + ")", Map.of("results", List.of()));
    }

    static String pyList(List<String> items) {
        return "[" + String.join(", ", items.stream().map(i -> "'" + i + "'").toList()) + "]";
    }
}
