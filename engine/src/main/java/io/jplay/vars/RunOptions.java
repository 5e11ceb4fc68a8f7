package io.jplay.vars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line options templates can see (load_options_vars): ansible_check_mode, ansible_diff_mode,
 * ansible_forks, ansible_inventory_sources, ansible_skip_tags, ansible_run_tags, ansible_limit (only when
 * given), ansible_verbosity. Defaults are ansible-playbook's.
 */
public record RunOptions(boolean checkMode, boolean diffMode, long forks, List<String> inventorySources,
                         List<String> skipTags, List<String> runTags, String limit, long verbosity) {

    public RunOptions {
        inventorySources = List.copyOf(inventorySources);
        skipTags = List.copyOf(skipTags);
        runTags = List.copyOf(runTags);
    }

    /** ansible-playbook without options: no check or diff, 5 forks, tags [all], no skip tags. */
    public static RunOptions defaults(List<String> inventorySources) {
        return new RunOptions(false, false, 5, inventorySources, List.of(), List.of("all"), null, 0);
    }

    /** The variables, in Ansible's order (ansible_version comes first, from {@link AnsibleVersion}). */
    public Map<String, Object> asVariables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("ansible_version", AnsibleVersion.asVariable());
        vars.put("ansible_check_mode", checkMode);
        vars.put("ansible_diff_mode", diffMode);
        vars.put("ansible_forks", forks);
        vars.put("ansible_inventory_sources", new ArrayList<>(inventorySources));
        if (limit != null) {
            vars.put("ansible_limit", limit);
        }
        vars.put("ansible_skip_tags", new ArrayList<>(skipTags));
        vars.put("ansible_run_tags", new ArrayList<>(runTags));
        vars.put("ansible_verbosity", verbosity);
        return vars;
    }
}
