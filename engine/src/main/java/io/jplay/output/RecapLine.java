package io.jplay.output;

/**
 * One host's PLAY RECAP line: ansible.utils.color.hostcolor and colorize. The host is padded to 26
 * columns (37 with its colour codes), each count to 4 ("ok=5    "), and only non-zero counts are coloured.
 */
final class RecapLine {

    private RecapLine() {
    }

    /** @param colored false for the log file's copy, which never has colours */
    static String format(String host, AggregateStats.HostSummary t, Display display, boolean colored) {
        Display d = colored && display.colorEnabled() ? display : null;
        return hostColor(host, t, d) + " : "
                + colorize("ok", t.ok(), Color.OK, d) + " "
                + colorize("changed", t.changed(), Color.CHANGED, d) + " "
                + colorize("unreachable", t.unreachable(), Color.UNREACHABLE, d) + " "
                + colorize("failed", t.failures(), Color.ERROR, d) + " "
                + colorize("skipped", t.skipped(), Color.SKIP, d) + " "
                + colorize("rescued", t.rescued(), Color.OK, d) + " "
                + colorize("ignored", t.ignored(), Color.WARN, d);
    }

    /** @param d the display to colour with, null for no colour */
    private static String hostColor(String host, AggregateStats.HostSummary t, Display d) {
        if (d != null) {
            Color c = t.failures() != 0 || t.unreachable() != 0 ? Color.ERROR : t.changed() != 0 ? Color.CHANGED : Color.OK;
            // "%-37s": 26 columns plus the colour codes (their length with custom colours too, as in Ansible)
            return pad(d.stringc(host, c), 37);
        }
        return pad(host, 26);
    }

    private static String colorize(String lead, int num, Color c, Display d) {
        String s = lead + "=" + pad(Integer.toString(num), 4);
        return num != 0 && d != null ? d.stringc(s, c) : s;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
