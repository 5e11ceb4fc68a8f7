package io.jplay.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code diff -u} of two texts, cut after a number of lines: enough for a developer to see at once
 * what differs. Lines keep their terminator, so a missing final newline is a difference too (shown as
 * diff does, with "\ No newline at end of file").
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    /** Above this many cells the LCS table is skipped and the differing middle is shown as replaced wholesale. */
    private static final long MAX_TABLE = 4_000_000;

    private UnifiedDiff() {
    }

    static String of(String expected, String actual, String expectedLabel, String actualLabel, int maxLines) {
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        List<Edit> edits = edits(a, b);
        List<String> out = new ArrayList<>();
        out.add("--- " + expectedLabel);
        out.add("+++ " + actualLabel);
        for (int start = 0; start < edits.size(); ) {
            int firstChange = nextChange(edits, start);
            if (firstChange < 0) {
                break;
            }
            int from = Math.max(start, firstChange - CONTEXT);
            int to = hunkEnd(edits, firstChange);
            appendHunk(out, edits, from, to);
            start = to;
        }
        if (out.size() > maxLines) {
            int more = out.size() - maxLines;
            out = new ArrayList<>(out.subList(0, maxLines));
            out.add("... (" + more + " more diff lines)");
        }
        return String.join("\n", out);
    }

    /** Lines with their "\n"; the last one without it if the text does not end with a newline. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    private enum Kind { SAME, DELETE, INSERT }

    /** One step of the edit script, with the 1-based line numbers it is at on each side. */
    private record Edit(Kind kind, String line, int aLine, int bLine) {
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            edits.add(new Edit(Kind.SAME, a.get(i), i + 1, i + 1));
        }
        middle(midA, midB, prefix, edits);
        for (int i = 0; i < suffix; i++) {
            int ai = a.size() - suffix + i;
            int bi = b.size() - suffix + i;
            edits.add(new Edit(Kind.SAME, a.get(ai), ai + 1, bi + 1));
        }
        return edits;
    }

    /** Longest common subsequence of the differing middle part. */
    private static void middle(List<String> a, List<String> b, int offset, List<Edit> edits) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_TABLE) {
            for (int i = 0; i < n; i++) {
                edits.add(new Edit(Kind.DELETE, a.get(i), offset + i + 1, offset + 1));
            }
            for (int j = 0; j < m; j++) {
                edits.add(new Edit(Kind.INSERT, b.get(j), offset + n + 1, offset + j + 1));
            }
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(Kind.SAME, a.get(i), offset + i + 1, offset + j + 1));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // deletions before insertions, as diff prints a changed block
                edits.add(new Edit(Kind.DELETE, a.get(i), offset + i + 1, offset + j + 1));
                i++;
            } else {
                edits.add(new Edit(Kind.INSERT, b.get(j), offset + i + 1, offset + j + 1));
                j++;
            }
        }
    }

    private static int nextChange(List<Edit> edits, int from) {
        for (int k = from; k < edits.size(); k++) {
            if (edits.get(k).kind() != Kind.SAME) {
                return k;
            }
        }
        return -1;
    }

    /** End (exclusive) of the hunk starting with the change at {@code change}: changes closer than 2*CONTEXT merge. */
    private static int hunkEnd(List<Edit> edits, int change) {
        int lastChange = change;
        for (int k = change + 1; k < edits.size(); k++) {
            if (edits.get(k).kind() != Kind.SAME) {
                lastChange = k;
            } else if (k - lastChange > 2 * CONTEXT) {
                break;
            }
        }
        return Math.min(edits.size(), lastChange + CONTEXT + 1);
    }

    private static void appendHunk(List<String> out, List<Edit> edits, int from, int to) {
        int aCount = 0;
        int bCount = 0;
        for (int k = from; k < to; k++) {
            Kind kind = edits.get(k).kind();
            aCount += kind != Kind.INSERT ? 1 : 0;
            bCount += kind != Kind.DELETE ? 1 : 0;
        }
        Edit first = edits.get(from);
        // diff -u numbers an empty side by the line before it
        int aStart = aCount == 0 ? first.aLine() - 1 : first.aLine();
        int bStart = bCount == 0 ? first.bLine() - 1 : first.bLine();
        out.add("@@ -" + aStart + "," + aCount + " +" + bStart + "," + bCount + " @@");
        for (int k = from; k < to; k++) {
            Edit edit = edits.get(k);
            String prefix = switch (edit.kind()) {
                case SAME -> " ";
                case DELETE -> "-";
                case INSERT -> "+";
            };
            String line = edit.line();
            if (line.endsWith("\n")) {
                out.add(prefix + line.substring(0, line.length() - 1));
            } else {
                out.add(prefix + line);
                out.add("\\ No newline at end of file");
            }
        }
    }
}
