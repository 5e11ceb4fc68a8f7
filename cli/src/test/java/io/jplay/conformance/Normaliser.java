package io.jplay.conformance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * conformance/normalise.py in Java, rule for rule and in its order, so that jplay's output can be compared
 * with the recorded (normalised) output of Ansible.
 */
final class Normaliser {

    /**
     * Python's {@code \s} on str: every character for which {@code str.isspace()} holds. Java's {@code \s}
     * is ASCII only, and even its Unicode flavour lacks \x1c-\x1f, which Python counts as whitespace.
     */
    private static final String PY_SPACE =
            "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";

    /** Rule 4: Ansible's controller temp files, named in copy/template --diff headers. */
    private static final Pattern LOCAL_TMP = Pattern.compile(
            "[^" + PY_SPACE + "\"']*/ansible-local-[^/" + PY_SPACE + "\"']+/tmp[^/" + PY_SPACE + "\"']*");

    /** Rule 5: timing fields of command/shell/pause results. */
    private static final Pattern TIME = Pattern.compile("\"(start|end|stop|delta)\": (\"[^\"]*\"|[0-9.]+)");

    private final String workDir;
    private final String caseDir;
    private final String suiteDir;

    Normaliser(String workDir, String caseDir, String suiteDir) {
        this.workDir = workDir;
        this.caseDir = caseDir;
        this.suiteDir = suiteDir;
    }

    String apply(String text) {
        // normalise.py reads and rewrites the file in Python's text mode: universal newlines turn
        // "\r\n" and a lone "\r" into "\n" before any rule runs.
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        s = s.replace(workDir, "@WORK@").replace(caseDir, "@CASE@").replace(suiteDir, "@SUITE@");
        s = LOCAL_TMP.matcher(s).replaceAll("@LOCALTMP@");
        return TIME.matcher(s).replaceAll(m -> Matcher.quoteReplacement("\"" + m.group(1) + "\": \"@TIME@\""));
    }
}
