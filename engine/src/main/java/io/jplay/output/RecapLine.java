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
        boolean on = colored && display.colorEnabled();
        return hostColor(host, t, on) + " : "
                + colorize("ok", t.ok(), Color.OK, on) + " "
                + colorize("changed", t.changed(), Color.CHANGED, on) + " "
                + colorize("unreachable", t.unreachable(), Color.UNREACHABLE, on) + " "
                + colorize("failed", t.failures(), Color.ERROR, on) + " "
                + colorize("skipped", t.skipped(), Color.SKIP, on) + " "
                + colorize("rescued", t.rescued(), Color.OK, on) + " "
                + colorize("ignored", t.ignored(), Color.WARN, on);
    }

    private static String hostColor(String host, AggregateStats.HostSummary t, boolean on) {
        if (on) {
            Color c = t.failures() != 0 || t.unreachable() != 0 ? Color.ERROR : t.changed() != 0 ? Color.CHANGED : Color.OK;
            return pad(c.wrap(host), 37);
        }
        return pad(host, 26);
    }

    private static String colorize(String lead, int num, Color c, boolean on) {
        String s = lead + "=" + pad(Integer.toString(num), 4);
        return num != 0 && on ? c.wrap(s) : s;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
