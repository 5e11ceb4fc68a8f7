package io.jplay.module;

import java.util.List;

/**
 * One option of a module's argument spec: Ansible's {@code dict(type=..., required=..., default=...,
 * choices=..., aliases=..., elements=..., no_log=...)}.
 */
public record OptionSpec(String name, OptionType type, boolean required, Object defaultValue,
                         List<Object> choices, List<String> aliases, OptionType elements, boolean noLog) {

    public OptionSpec {
        choices = choices == null ? null : List.copyOf(choices);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
