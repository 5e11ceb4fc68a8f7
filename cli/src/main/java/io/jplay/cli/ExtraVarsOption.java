package io.jplay.cli;

import io.jplay.vars.ExtraVars;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The {@code -e} options of a command, read by {@link ExtraVars} relative to the current directory. */
final class ExtraVarsOption {
    private ExtraVarsOption() {
    }

    static Map<String, Object> parse(List<String> options) {
        return ExtraVars.parse(options, Path.of("").toAbsolutePath());
    }
}
