package io.jplay.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code difflib.unified_diff(a, b, fromfile, tofile, '', '', n)} over lines that keep their line
 * ends, including SequenceMatcher's matching (longest blocks first, the "autojunk" popularity rule for
 * 200+ lines), so hunks split and align exactly as Ansible's --diff output.
 */
final class UnifiedDiff {

    private record Match(int a, int b, int size) {
    }

    private record Opcode(char tag, int i1, int i2, int j1, int j2) {
    }

    private final List<String> a;
    private final List<String> b;
    private final Map<String, List<Integer>> b2j = new HashMap<>();

    private UnifiedDiff(List<String> a, List<String> b) {
        this.a = a;
        this.b = b;
        for (int j = 0; j < b.size(); j++) {
            b2j.computeIfAbsent(b.get(j), k -> new ArrayList<>()).add(j);
        }
        int n = b.size();
        if (n >= 200) {
            int ntest = n / 100 + 1;
            Set<String> popular = new HashSet<>();
            b2j.forEach((line, idxs) -> {
                if (idxs.size() > ntest) {
                    popular.add(line);
                }
            });
            popular.forEach(b2j::remove);
        }
    }

    /** The diff's lines (each ending as difflib yields them), empty when the sequences are equal. */
    static List<String> diff(List<String> a, List<String> b, String fromFile, String toFile, int context) {
        UnifiedDiff matcher = new UnifiedDiff(a, b);
        List<String> out = new ArrayList<>();
        for (List<Opcode> group : matcher.groupedOpcodes(context)) {
            if (out.isEmpty()) {
                out.add("--- " + fromFile + "\n");
                out.add("+++ " + toFile + "\n");
            }
            Opcode first = group.get(0);
            Opcode last = group.get(group.size() - 1);
            out.add("@@ -" + range(first.i1, last.i2) + " +" + range(first.j1, last.j2) + " @@\n");
            for (Opcode op : group) {
                if (op.tag == 'e') {
                    a.subList(op.i1, op.i2).forEach(line -> out.add(" " + line));
                    continue;
                }
                if (op.tag == 'r' || op.tag == 'd') {
                    a.subList(op.i1, op.i2).forEach(line -> out.add("-" + line));
                }
                if (op.tag == 'r' || op.tag == 'i') {
                    b.subList(op.j1, op.j2).forEach(line -> out.add("+" + line));
                }
            }
        }
        return out;
    }

    private static String range(int start, int stop) {
        int beginning = start + 1;
        int length = stop - start;
        if (length == 1) {
            return Integer.toString(beginning);
        }
        if (length == 0) {
            beginning -= 1;
        }
        return beginning + "," + length;
    }

    private Match findLongestMatch(int alo, int ahi, int blo, int bhi) {
        int besti = alo;
        int bestj = blo;
        int bestsize = 0;
        Map<Integer, Integer> j2len = new HashMap<>();
        for (int i = alo; i < ahi; i++) {
            Map<Integer, Integer> newj2len = new HashMap<>();
            for (int j : b2j.getOrDefault(a.get(i), List.of())) {
                if (j < blo) {
                    continue;
                }
                if (j >= bhi) {
                    break;
                }
                int k = j2len.getOrDefault(j - 1, 0) + 1;
                newj2len.put(j, k);
                if (k > bestsize) {
                    besti = i - k + 1;
                    bestj = j - k + 1;
                    bestsize = k;
                }
            }
            j2len = newj2len;
        }
        // No junk function is used, so only "popular" lines were left out of b2j: extend over equal ones.
        while (besti > alo && bestj > blo && a.get(besti - 1).equals(b.get(bestj - 1))) {
            besti--;
            bestj--;
            bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && a.get(besti + bestsize).equals(b.get(bestj + bestsize))) {
            bestsize++;
        }
        return new Match(besti, bestj, bestsize);
    }

    private List<Match> matchingBlocks() {
        List<Match> blocks = new ArrayList<>();
        List<int[]> queue = new ArrayList<>();
        queue.add(new int[]{0, a.size(), 0, b.size()});
        while (!queue.isEmpty()) {
            int[] q = queue.remove(queue.size() - 1);
            Match m = findLongestMatch(q[0], q[1], q[2], q[3]);
            if (m.size > 0) {
                blocks.add(m);
                if (q[0] < m.a && q[2] < m.b) {
                    queue.add(new int[]{q[0], m.a, q[2], m.b});
                }
                if (m.a + m.size < q[1] && m.b + m.size < q[3]) {
                    queue.add(new int[]{m.a + m.size, q[1], m.b + m.size, q[3]});
                }
            }
        }
        blocks.sort(Comparator.comparingInt(Match::a).thenComparingInt(Match::b).thenComparingInt(Match::size));
        List<Match> nonAdjacent = new ArrayList<>();
        int i1 = 0;
        int j1 = 0;
        int k1 = 0;
        for (Match m : blocks) {
            if (i1 + k1 == m.a && j1 + k1 == m.b) {
                k1 += m.size;
            } else {
                if (k1 > 0) {
                    nonAdjacent.add(new Match(i1, j1, k1));
                }
                i1 = m.a;
                j1 = m.b;
                k1 = m.size;
            }
        }
        if (k1 > 0) {
            nonAdjacent.add(new Match(i1, j1, k1));
        }
        nonAdjacent.add(new Match(a.size(), b.size(), 0));
        return nonAdjacent;
    }

    private List<Opcode> opcodes() {
        List<Opcode> answer = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (Match m : matchingBlocks()) {
            char tag = 0;
            if (i < m.a && j < m.b) {
                tag = 'r';
            } else if (i < m.a) {
                tag = 'd';
            } else if (j < m.b) {
                tag = 'i';
            }
            if (tag != 0) {
                answer.add(new Opcode(tag, i, m.a, j, m.b));
            }
            i = m.a + m.size;
            j = m.b + m.size;
            if (m.size > 0) {
                answer.add(new Opcode('e', m.a, i, m.b, j));
            }
        }
        return answer;
    }

    private List<List<Opcode>> groupedOpcodes(int n) {
        List<Opcode> codes = new ArrayList<>(opcodes());
        if (codes.isEmpty()) {
            codes.add(new Opcode('e', 0, 1, 0, 1));
        }
        Opcode head = codes.get(0);
        if (head.tag == 'e') {
            codes.set(0, new Opcode('e', Math.max(head.i1, head.i2 - n), head.i2, Math.max(head.j1, head.j2 - n), head.j2));
        }
        Opcode tail = codes.get(codes.size() - 1);
        if (tail.tag == 'e') {
            codes.set(codes.size() - 1, new Opcode('e', tail.i1, Math.min(tail.i2, tail.i1 + n), tail.j1, Math.min(tail.j2, tail.j1 + n)));
        }
        List<List<Opcode>> groups = new ArrayList<>();
        List<Opcode> group = new ArrayList<>();
        for (Opcode op : codes) {
            int i1 = op.i1;
            int j1 = op.j1;
            if (op.tag == 'e' && op.i2 - op.i1 > 2 * n) {
                group.add(new Opcode('e', i1, Math.min(op.i2, i1 + n), j1, Math.min(op.j2, j1 + n)));
                groups.add(group);
                group = new ArrayList<>();
                i1 = Math.max(i1, op.i2 - n);
                j1 = Math.max(j1, op.j2 - n);
            }
            group.add(new Opcode(op.tag, i1, op.i2, j1, op.j2));
        }
        if (!group.isEmpty() && !(group.size() == 1 && group.get(0).tag == 'e')) {
            groups.add(group);
        }
        return groups;
    }

    /** Python's str.splitlines(keepends=True). */
    static List<String> splitLinesKeepEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = -1;
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                end = i + 2;
            } else if (c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e
                    || c == 0x85 || c == 0x2028 || c == 0x2029) {
                end = i + 1;
            }
            if (end > 0) {
                lines.add(text.substring(start, end));
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
