package io.jplay.output;

/**
 * One host's PLAY RECAP line: ansible.utils.color.hostcolor and colorize. The host is padded to 26
 * columns (37 with its colour codes), each count to 4 ("ok=5    "), and only non-zero counts are coloured.
 */
final class RecapLine {

    private RecapLine() {
    }

    static String format(String host, AggregateStats.HostSummary t, Display display) {
        return hostColor(host, t, display) + " : "
                + colorize("ok", t.ok(), Color.OK, display) + " "
                + colorize("changed", t.changed(), Color.CHANGED, display) + " "
                + colorize("unreachable", t.unreachable(), Color.UNREACHABLE, display) + " "
                + colorize("failed", t.failures(), Color.ERROR, display) + " "
                + colorize("skipped", t.skipped(), Color.SKIP, display) + " "
                + colorize("rescued", t.rescued(), Color.OK, display) + " "
                + colorize("ignored", t.ignored(), Color.WARN, display);
    }

    private static String hostColor(String host, AggregateStats.HostSummary t, Display display) {
        if (display.colorEnabled()) {
            Color c = t.failures() != 0 || t.unreachable() != 0 ? Color.ERROR : t.changed() != 0 ? Color.CHANGED : Color.OK;
            return pad(c.wrap(host), 37);
        }
        return pad(host, 26);
    }

    private static String colorize(String lead, int num, Color c, Display display) {
        String s = lead + "=" + pad(Integer.toString(num), 4);
        return num != 0 && display.colorEnabled() ? c.wrap(s) : s;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
