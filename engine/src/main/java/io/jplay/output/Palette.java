package io.jplay.output;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SGR code of each colour role: ansible-core's defaults, overridden by ANSIBLE_COLOR_OK,
 * ANSIBLE_COLOR_CHANGED, ... with a colour name ("bright blue"), "colorN", "rgbRGB" or "grayN"
 * (ansible.utils.color.parsecolor).
 */
public final class Palette {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("black", "0;30"), Map.entry("bright gray", "0;37"),
            Map.entry("blue", "0;34"), Map.entry("white", "1;37"),
            Map.entry("green", "0;32"), Map.entry("bright blue", "1;34"),
            Map.entry("cyan", "0;36"), Map.entry("bright green", "1;32"),
            Map.entry("red", "0;31"), Map.entry("bright cyan", "1;36"),
            Map.entry("purple", "0;35"), Map.entry("bright red", "1;31"),
            Map.entry("yellow", "0;33"), Map.entry("bright purple", "1;35"),
            Map.entry("dark gray", "1;30"), Map.entry("bright yellow", "1;33"),
            Map.entry("magenta", "0;35"), Map.entry("bright magenta", "1;35"),
            Map.entry("normal", "0"));

    private static final Pattern SPECIAL = Pattern.compile(
            "color(?<color>[0-9]+)|(?<rgb>rgb(?<red>[0-5])(?<green>[0-5])(?<blue>[0-5]))|gray(?<gray>[0-9]+)");

    private final Map<Color, String> codes;

    private Palette(Map<Color, String> codes) {
        this.codes = codes;
    }

    public static Palette defaults() {
        Map<Color, String> codes = new EnumMap<>(Color.class);
        for (Color c : Color.values()) {
            codes.put(c, c.defaultCode());
        }
        return new Palette(codes);
    }

    /** The defaults with the environment's ANSIBLE_COLOR_* overrides; unknown colour names are ignored. */
    public static Palette fromEnvironment(Map<String, String> env) {
        Map<Color, String> codes = new EnumMap<>(Color.class);
        for (Color c : Color.values()) {
            String raw = env.get("ANSIBLE_COLOR_" + c.name());
            String code = raw == null ? null : parse(raw.strip().toLowerCase(Locale.ROOT));
            codes.put(c, code != null ? code : c.defaultCode());
        }
        return new Palette(codes);
    }

    /** parsecolor: null for a name Ansible would not know. */
    static String parse(String color) {
        Matcher m = SPECIAL.matcher(color);
        if (!m.lookingAt()) {
            return CODES.get(color);
        }
        if (m.group("color") != null) {
            return "38;5;" + Integer.parseInt(m.group("color"));
        }
        if (m.group("rgb") != null) {
            return "38;5;" + (16 + 36 * Integer.parseInt(m.group("red")) + 6 * Integer.parseInt(m.group("green"))
                    + Integer.parseInt(m.group("blue")));
        }
        return "38;5;" + (232 + Integer.parseInt(m.group("gray")));
    }

    /** stringc: each line wrapped on its own, so colour survives line by line. */
    public String wrap(String text, Color color) {
        String code = codes.get(color);
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append("\033[").append(code).append('m').append(lines[i]).append("\033[0m");
        }
        return out.toString();
    }
}
