package io.jplay.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Ansible's "extended error": where the error appears to be, and the offending line with the line before it
 * and a caret under the column, read back from the file (ansible/errors/__init__.py _get_extended_error).
 */
final class ErrorExcerpt {

    private static final String UNQUOTED_VARIABLE_HINT = """
            We could be wrong, but this one looks like it might be an issue with
            missing quotes. Always quote template expression brackets when they
            start a value. For instance:

                with_items:
                  - {{ foo }}

            Should be written as:

                with_items:
                  - "{{ foo }}"
            """;

    /** k=v shorthand, as _get_extended_error looks for it on the line before the error. */
    private static final java.util.regex.Pattern KEY_VALUE = java.util.regex.Pattern.compile(
            "\\w+(\\s+)?=(\\s+)?[\\w/-]+", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);

    private static final String SHORTHAND_HINT = "There appears to be both 'k=v' shorthand syntax and YAML in this task. "
            + "Only one syntax may be used.\n";

    private ErrorExcerpt() {
    }

    static String of(Location location) {
        StringBuilder message = new StringBuilder();
        message.append("The error appears to be in '").append(location.file()).append("': line ")
                .append(location.line()).append(", column ").append(Math.max(location.column(), 1))
                .append(", but may\nbe elsewhere in the file depending on the exact syntax problem.\n");
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(location.file()), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return message.append("\n(could not open file to display line)").toString();
        }
        if (lines.isEmpty()) {
            return message.toString();
        }
        // PyYAML may report the line after the last one; Ansible clamps it, then walks back over blank lines.
        int index = Math.min(location.line() - 1, lines.size() - 1);
        while (index > 0 && lines.get(index).isBlank()) {
            index--;
        }
        String target = lines.get(index);
        String previous = index > 0 ? lines.get(index - 1) : "";
        if (KEY_VALUE.matcher(previous).find()) {
            // k=v on the line before: Ansible points at its '=' instead, one line up, with the shorthand hint
            int equals = previous.stripTrailing().indexOf('=');
            message.setLength(0);
            message.append("The error appears to be in '").append(location.file()).append("': line ")
                    .append(location.line() - 1).append(", column ").append(equals + 1)
                    .append(", but may\nbe elsewhere in the file depending on the exact syntax problem.\n")
                    .append("\nThe offending line appears to be:\n\n")
                    .append(previous.stripTrailing()).append('\n')
                    .append(" ".repeat(equals)).append("^ here\n\n")
                    .append(SHORTHAND_HINT);
        } else {
            String arrow = " ".repeat(Math.max(location.column() - 1, 0)) + "^ here";
            message.append("\nThe offending line appears to be:\n\n")
                    .append(previous.stripTrailing()).append('\n')
                    .append(target.stripTrailing()).append('\n')
                    .append(arrow).append('\n');
        }
        if (target.contains("{{") && target.contains("}}")
                && (!target.contains("\"{{") || !target.contains("'{{"))) {
            message.append(UNQUOTED_VARIABLE_HINT);
        }
        return message.toString();
    }
}
