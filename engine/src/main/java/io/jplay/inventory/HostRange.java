package io.jplay.inventory;

import io.jplay.error.JplayException;

import java.util.ArrayList;
import java.util.List;

/** Ansible's {@code expand_hostname_range}: {@code web[01:10]}, {@code db[a:f]}, {@code n[0:20:5]}, nested. */
public final class HostRange {

    private static final String ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private HostRange() {
    }

    /** Whether a host pattern contains a range at all (Ansible only looks for '['). */
    public static boolean hasRange(String pattern) {
        return pattern.contains("[");
    }

    /** Expands the first range of the pattern, recursing into later ones, in Ansible's order. */
    public static List<String> expand(String line) {
        List<String> all = new ArrayList<>();
        if (line == null || line.isEmpty()) {
            return all;
        }
        String replaced = line.replaceFirst("\\[", "|").replaceFirst("]", "|");
        String[] parts = replaced.split("\\|", -1);
        if (parts.length != 3) {
            throw new JplayException("not enough values to unpack (expected 3, got " + parts.length + ")");
        }
        String head = parts[0];
        String tail = parts[2];
        String[] bounds = parts[1].split(":", -1);
        if (bounds.length != 2 && bounds.length != 3) {
            throw new JplayException("host range must be begin:end or begin:end:step");
        }
        String beg = bounds[0].isEmpty() ? "0" : bounds[0];
        String end = bounds[1];
        String step = bounds.length == 2 ? "1" : bounds[2];
        if (end.isEmpty()) {
            throw new JplayException("host range must specify end value");
        }
        int width = 0;
        if (beg.charAt(0) == '0' && beg.length() > 1) {
            width = beg.length();
            if (width != end.length()) {
                throw new JplayException("host range must specify equal-length begin and end formats");
            }
        }
        int iStep = pythonInt(step);
        List<String> seq = new ArrayList<>();
        int iBeg = beg.length() == 1 ? ASCII_LETTERS.indexOf(beg) : -1;
        int iEnd = end.length() == 1 ? ASCII_LETTERS.indexOf(end) : -1;
        if (iBeg >= 0 && iEnd >= 0) {
            if (iBeg > iEnd) {
                throw new JplayException("host range must have begin <= end");
            }
            checkStep(iStep);
            for (int i = iBeg; iStep > 0 && i <= iEnd; i += iStep) {
                seq.add(String.valueOf(ASCII_LETTERS.charAt(i)));
            }
        } else {
            long from = pythonInt(beg);
            long to = pythonInt(end);
            checkStep(iStep);
            // Python's range(from, to + 1, step)
            for (long i = from; iStep > 0 ? i < to + 1 : i > to + 1; i += iStep) {
                seq.add(width > 0 ? zfill(Long.toString(i), width) : Long.toString(i));
            }
        }
        for (String item : seq) {
            String name = head + item + tail;
            if (hasRange(name)) {
                all.addAll(expand(name));
            } else {
                all.add(name);
            }
        }
        return all;
    }

    private static void checkStep(int step) {
        if (step == 0) {
            throw new JplayException("range() arg 3 must not be zero");
        }
    }

    private static int pythonInt(String text) {
        try {
            return Integer.parseInt(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new JplayException("invalid literal for int() with base 10: '" + text + "'");
        }
    }

    private static String zfill(String digits, int width) {
        boolean negative = digits.startsWith("-");
        String body = negative ? digits.substring(1) : digits;
        StringBuilder sb = new StringBuilder(body);
        while (sb.length() + (negative ? 1 : 0) < width) {
            sb.insert(0, '0');
        }
        return negative ? "-" + sb : sb.toString();
    }
}
