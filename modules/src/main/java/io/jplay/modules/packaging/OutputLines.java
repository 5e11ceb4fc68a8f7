package io.jplay.modules.packaging;

import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ansible's action plugin adds {@code stdout_lines}/{@code stderr_lines} to every module result that has
 * {@code stdout}/{@code stderr}, failed or not; package modules return apt/dnf output both ways.
 */
final class OutputLines {

    private OutputLines() {
    }

    static ModuleResult around(Supplier<ModuleResult> body) {
        try {
            ModuleResult r = body.get();
            return r.with(lines(r.toMap()));
        } catch (ModuleFailure f) {
            Map<String, Object> extra = new LinkedHashMap<>(f.extra());
            extra.putAll(lines(extra));
            throw new ModuleFailure(f.getMessage(), extra);
        }
    }

    private static Map<String, Object> lines(Map<String, Object> values) {
        Map<String, Object> more = new LinkedHashMap<>();
        for (String key : new String[] {"stdout", "stderr"}) {
            if (values.get(key) instanceof String s && !values.containsKey(key + "_lines")) {
                more.put(key + "_lines", ModuleResult.splitLines(s));
            }
        }
        return more;
    }
}
