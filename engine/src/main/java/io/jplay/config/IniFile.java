package io.jplay.config;

import io.jplay.error.JplayException;
import io.jplay.error.Location;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An ansible.cfg read as Python's {@code configparser.ConfigParser(inline_comment_prefixes=(';',))}:
 * {@code [section]}, {@code key = value} or {@code key: value}, keys case-insensitive, full-line comments
 * with # or ;, inline comments after " ;", indented lines continue the previous value.
 */
final class IniFile {

    private final Path path;
    private final Map<String, Map<String, String>> sections;

    private IniFile(Path path, Map<String, Map<String, String>> sections) {
        this.path = path;
        this.sections = sections;
    }

    Path path() {
        return path;
    }

    Optional<String> get(String section, String key) {
        Map<String, String> values = sections.get(section);
        return values == null ? Optional.empty() : Optional.ofNullable(values.get(key.toLowerCase(Locale.ROOT)));
    }

    static IniFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JplayException("Error reading config file (" + path + "): " + e.getMessage(), Location.of(path), e);
        }
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String lastKey = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && current != null && lastKey != null) {
                current.put(lastKey, current.get(lastKey) + "\n" + stripInlineComment(trimmed));
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                current = sections.computeIfAbsent(trimmed.substring(1, trimmed.length() - 1), s -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            int eq = firstDelimiter(trimmed);
            Location where = Location.of(path, i + 1, 1);
            if (current == null) {
                throw new JplayException("Error reading config file (" + path + "): File contains no section headers.\n"
                        + "file: '" + path + "', line: " + (i + 1) + "\n'" + line + "'", where);
            }
            if (eq < 0) {
                throw new JplayException("Error reading config file (" + path + "): Source contains parsing errors: '"
                        + path + "'\n\t[line " + (i + 1) + "]: '" + line + "'", where);
            }
            lastKey = trimmed.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            current.put(lastKey, stripInlineComment(trimmed.substring(eq + 1).strip()));
        }
        return new IniFile(path, sections);
    }

    private static int firstDelimiter(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    /** configparser only treats ';' as an inline comment when whitespace precedes it. */
    private static String stripInlineComment(String value) {
        for (int i = 1; i < value.length(); i++) {
            if (value.charAt(i) == ';' && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i).strip();
            }
        }
        return value;
    }
}
