package io.jplay.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code textwrap.wrap(text, width)} with its defaults (whitespace made spaces, breaks after
 * hyphens inside words, long words split), which Ansible's Display uses to wrap warnings.
 */
final class TextWrap {

    private static final String WS = "[\\t\\n\\x0b\\x0c\\r ]";
    private static final String NWS = "[^\\t\\n\\x0b\\x0c\\r ]";
    private static final String LETTER = "[^\\d\\W]";
    private static final String WORD_PUNCT = "[\\w!\"'&.,?]";
    private static final Pattern WORDSEP = Pattern.compile(
            "(" + WS + "+"
                    + "|(?<=" + WORD_PUNCT + ")-{2,}(?=\\w)"
                    + "|" + NWS + "+?(?:"
                    + "-(?:(?<=" + LETTER + "{2}-)|(?<=" + LETTER + "-" + LETTER + "-))(?=" + LETTER + "-?" + LETTER + ")"
                    + "|(?=" + WS + "|\\z)"
                    + "|(?<=" + WORD_PUNCT + ")(?=-{2,}\\w)"
                    + "))", Pattern.UNICODE_CHARACTER_CLASS);

    private TextWrap() {
    }

    static List<String> wrap(String text, int width) {
        String munged = expandTabs(text).replaceAll(WS, " ");
        List<String> chunks = new ArrayList<>();
        Matcher m = WORDSEP.matcher(munged);
        while (m.find()) {
            if (!m.group().isEmpty()) {
                chunks.add(m.group());
            }
        }
        Collections.reverse(chunks);
        List<String> lines = new ArrayList<>();
        while (!chunks.isEmpty()) {
            List<String> line = new ArrayList<>();
            int length = 0;
            if (last(chunks).isBlank() && !lines.isEmpty()) {
                chunks.remove(chunks.size() - 1);
            }
            while (!chunks.isEmpty() && length + last(chunks).length() <= width) {
                String chunk = chunks.remove(chunks.size() - 1);
                line.add(chunk);
                length += chunk.length();
            }
            if (!chunks.isEmpty() && last(chunks).length() > width) {
                splitLongWord(chunks, line, length, width);
            }
            if (!line.isEmpty() && line.get(line.size() - 1).isBlank()) {
                line.remove(line.size() - 1);
            }
            if (!line.isEmpty()) {
                lines.add(String.join("", line));
            }
        }
        return lines;
    }

    /** Python's str.expandtabs(8): tab stops counted from the last line break. */
    private static String expandTabs(String text) {
        StringBuilder sb = new StringBuilder();
        int column = 0;
        for (char c : text.toCharArray()) {
            if (c == '\t') {
                int spaces = 8 - column % 8;
                sb.append(" ".repeat(spaces));
                column += spaces;
            } else {
                sb.append(c);
                column = c == '\n' || c == '\r' ? 0 : column + 1;
            }
        }
        return sb.toString();
    }

    private static String last(List<String> chunks) {
        return chunks.get(chunks.size() - 1);
    }

    private static void splitLongWord(List<String> chunks, List<String> line, int length, int width) {
        int spaceLeft = width < 1 ? 1 : width - length;
        String chunk = last(chunks);
        int end = spaceLeft;
        if (chunk.length() > spaceLeft) {
            int hyphen = chunk.lastIndexOf('-', spaceLeft - 1);
            if (hyphen > 0 && chunk.substring(0, hyphen).chars().anyMatch(c -> c != '-')) {
                end = hyphen + 1;
            }
        }
        line.add(chunk.substring(0, end));
        chunks.set(chunks.size() - 1, chunk.substring(end));
    }
}
