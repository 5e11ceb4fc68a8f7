package io.jplay.modules.system;

import io.jplay.connection.Connection;
import io.jplay.connection.ExecResult;
import io.jplay.module.ModuleFailure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fact script (facts.sh beside this class) printed, split into its sections. The script reads the
 * target once, in one round trip; everything after is parsing on the controller.
 */
final class FactsProbe {

    private static final String SCRIPT = load();

    private final Map<String, String> sections;

    private FactsProbe(Map<String, String> sections) {
        this.sections = sections;
    }

    /** Runs the script over the connection. */
    static FactsProbe run(Connection connection) {
        ExecResult result = connection.exec(io.jplay.connection.Command.shell(SCRIPT));
        if (!result.stdoutText().contains("@@@end")) {
            throw new ModuleFailure("the fact probe did not finish on the target (rc " + result.rc() + "): "
                    + result.stderrText().strip());
        }
        return parse(result.stdoutText());
    }

    static FactsProbe parse(String output) {
        Map<String, String> sections = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("@@@")) {
                if (name != null) {
                    sections.merge(name, body.toString().strip(), (a, b) -> a + "\n@@@\n" + b);
                }
                name = line.substring(3).strip();
                body.setLength(0);
            } else if (name != null) {
                body.append(line).append('\n');
            }
        }
        return new FactsProbe(sections);
    }

    /** A section's text without surrounding blank lines; empty when the probe found nothing. */
    String text(String section) {
        return sections.getOrDefault(section, "");
    }

    /** A section's non-empty lines. */
    List<String> lines(String section) {
        List<String> lines = new ArrayList<>();
        for (String line : text(section).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** {@code KEY=VALUE} lines (os-release style), quotes removed. */
    Map<String, String> keyValues(String section) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines(section)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(line.substring(0, eq).strip(), value);
            }
        }
        return values;
    }

    private static String load() {
        try (InputStream in = FactsProbe.class.getResourceAsStream("facts.sh")) {
            // comment lines stay behind: the script travels on every gathering and shows in the target's sudo log
            StringBuilder script = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    script.append(line).append('\n');
                }
            }
            return script.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
