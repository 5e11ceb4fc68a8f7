package io.jplay.output;

import io.jplay.python.PythonJson;
import io.jplay.python.PythonRepr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CallbackBase._dump_results and _get_diff: how result maps and diffs are turned into text. */
final class ResultFormatter {

    private final Display display;
    private final int diffContext;

    ResultFormatter(Display display, int diffContext) {
        this.display = display;
        this.diffContext = diffContext;
    }

    String dump(Map<String, Object> result) {
        return dump(result, null);
    }

    /**
     * JSON of the result without internal keys; invocation and diff only from -vvv on, exception never.
     * Indented by 4 when the action asks (_ansible_verbose_always, e.g. debug) or from -vvv on.
     */
    String dump(Map<String, Object> result, Integer indent) {
        if ((indent == null || indent == 0)
                && (DefaultCallback.isTruthy(result.get("_ansible_verbose_always")) || display.verbosity() > 2)) {
            indent = 4;
        }
        Map<String, Object> abridged = ResultCleaner.deepCopy(result);
        ResultCleaner.stripInternalKeys(abridged, java.util.Set.of());
        if (display.verbosity() < 3) {
            abridged.remove("invocation");
            abridged.remove("diff");
        }
        abridged.remove("exception");
        return PythonJson.dumps(abridged, PythonJson.Options.unicode(indent == null || indent == 0 ? null : indent, true));
    }

    /** CallbackBase._get_diff for one diff map or a list of them. */
    String diff(Object diffs) {
        List<?> list = diffs instanceof List<?> l ? l : List.of(diffs);
        StringBuilder out = new StringBuilder();
        for (Object item : list) {
            if (item instanceof Map<?, ?> diff) {
                appendDiff(out, diff);
            }
        }
        return out.toString();
    }

    private void appendDiff(StringBuilder out, Map<?, ?> diff) {
        if (diff.containsKey("dst_binary")) {
            out.append("diff skipped: destination file appears to be binary\n");
        }
        if (diff.containsKey("src_binary")) {
            out.append("diff skipped: source file appears to be binary\n");
        }
        if (diff.containsKey("dst_larger")) {
            out.append("diff skipped: destination file size is greater than ").append(diff.get("dst_larger")).append('\n');
        }
        if (diff.containsKey("src_larger")) {
            out.append("diff skipped: source file size is greater than ").append(diff.get("src_larger")).append('\n');
        }
        if (diff.containsKey("before") && diff.containsKey("after")) {
            String before = side(diff.get("before"));
            String after = side(diff.get("after"));
            String beforeHeader = diff.containsKey("before_header") ? "before: " + PythonRepr.str(diff.get("before_header")) : "before";
            String afterHeader = diff.containsKey("after_header") ? "after: " + PythonRepr.str(diff.get("after_header")) : "after";
            List<String> diffLines = UnifiedDiff.diff(linesMarkingMissingNewline(before),
                    linesMarkingMissingNewline(after), beforeHeader, afterHeader, diffContext);
            for (String line : diffLines) {
                if (line.startsWith("+")) {
                    line = display.stringc(line, Color.DIFF_ADD);
                } else if (line.startsWith("-")) {
                    line = display.stringc(line, Color.DIFF_REMOVE);
                } else if (line.startsWith("@@")) {
                    line = display.stringc(line, Color.DIFF_LINES);
                }
                out.append(line);
            }
            if (!diffLines.isEmpty()) {
                out.append('\n');
            }
        }
        if (diff.containsKey("prepared")) {
            out.append(PythonRepr.str(diff.get("prepared")));
        }
    }

    /** Structured before/after values are compared as their sorted, indented JSON; None as empty text. */
    private static String side(Object value) {
        if (value instanceof Map<?, ?>) {
            return PythonJson.dumps(value, PythonJson.Options.unicode(4, true)) + "\n";
        }
        return value == null ? "" : PythonRepr.str(value);
    }

    /** A last line without newline gets Ansible's "\ No newline at end of file" marker glued to it. */
    private static List<String> linesMarkingMissingNewline(String text) {
        List<String> lines = new ArrayList<>(UnifiedDiff.splitLinesKeepEnds(text));
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).endsWith("\n")) {
            lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\n\\ No newline at end of file\n");
        }
        return lines;
    }
}
