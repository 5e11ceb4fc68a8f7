package io.jplay.modules.system;

import io.jplay.modules.support.Probe;

import java.util.List;

/**
 * A command run inside a module's script with its stdout, stderr and exit status reported as records, so that
 * one round trip can run several commands and still give Ansible's {@code rc}, {@code stdout}, {@code stderr}:
 * {@code R|tag|rc}, then one {@code Otag|line} per stdout line and {@code Etag|line} per stderr line.
 */
record Captured(int rc, String stdout, String stderr) {

    /** Script lines running {@code command} (a shell command line) under {@code tag} (letters only). */
    static String script(String tag, String command) {
        return "_co=$(mktemp) && _ce=$(mktemp) || exit 1\n"
                + command + " >\"$_co\" 2>\"$_ce\"; printf 'R|" + tag + "|%s\\n' $?\n"
                + "sed 's/^/O" + tag + "|/' \"$_co\"; sed 's/^/E" + tag + "|/' \"$_ce\"; rm -f \"$_co\" \"$_ce\"\n";
    }

    /** The command's outcome, or null when the script did not run it. */
    static Captured of(Probe.Result probe, String tag) {
        Integer rc = null;
        for (String r : probe.records("R")) {
            if (r.startsWith(tag + "|")) {
                rc = Integer.parseInt(r.substring(tag.length() + 1).strip());
            }
        }
        if (rc == null) {
            return null;
        }
        return new Captured(rc, text(probe.records("O" + tag)), text(probe.records("E" + tag)));
    }

    private static String text(List<String> lines) {
        StringBuilder s = new StringBuilder();
        lines.forEach(l -> s.append(l).append('\n'));
        return s.toString();
    }
}
