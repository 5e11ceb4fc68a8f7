package io.jplay.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code textwrap.wrap(text, width, drop_whitespace=...)}: Ansible wraps warnings, deprecations
 * and errors with it, so line breaks (including after hyphens, as in "ansible-\ncore") must match. The CLI's
 * warnings use it too.
 */
public final class TextWrap {

    private static final String WS = "[\\t\\n\\x0b\\x0c\\r ]";
    private static final String NWS = "[^\\t\\n\\x0b\\x0c\\r ]";
    private static final String WORD_PUNCT = "[\\w!\"'&.,?]";
    private static final String LETTER = "[^\\d\\W]";
    /** textwrap.TextWrapper.wordsep_re, verbatim. */
    private static final Pattern WORDSEP = Pattern.compile(
            "(" + WS + "+"
                    + "|(?<=" + WORD_PUNCT + ")-{2,}(?=\\w)"
                    + "|" + NWS + "+?(?:"
                    + "-(?:(?<=" + LETTER + "{2}-)|(?<=" + LETTER + "-" + LETTER + "-))(?=" + LETTER + "-?" + LETTER + ")"
                    + "|(?=" + WS + "|\\z)"
                    + "|(?<=" + WORD_PUNCT + ")(?=-{2,}\\w)"
                    + "))",
            Pattern.UNICODE_CHARACTER_CLASS);

    private TextWrap() {
    }

    /** {@code textwrap.wrap(text, width)} with Python's defaults (drop_whitespace=True). */
    public static List<String> wrap(String text, int width) {
        return wrap(text, width, true);
    }

    public static List<String> wrap(String text, int width, boolean dropWhitespace) {
        List<String> chunks = split(mungeWhitespace(text));
        return wrapChunks(chunks, width, dropWhitespace);
    }

    /** expandtabs() then every whitespace character becomes a space. */
    private static String mungeWhitespace(String text) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (char c : text.toCharArray()) {
            if (c == '\t') {
                int spaces = 8 - column % 8;
                out.append(" ".repeat(spaces));
                column += spaces;
            } else if (c == '\n' || c == '\r') {
                out.append(' ');
                column = 0;
            } else if (c == 0x0b || c == 0x0c) {
                out.append(' ');
                column++;
            } else {
                out.append(c);
                column++;
            }
        }
        return out.toString();
    }

    /** re.split with a capturing group, empty pieces dropped. */
    private static List<String> split(String text) {
        List<String> chunks = new ArrayList<>();
        Matcher m = WORDSEP.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                chunks.add(text.substring(last, m.start()));
            }
            if (!m.group().isEmpty()) {
                chunks.add(m.group());
            }
            last = m.end();
        }
        if (last < text.length()) {
            chunks.add(text.substring(last));
        }
        return chunks;
    }

    private static List<String> wrapChunks(List<String> chunkList, int width, boolean dropWhitespace) {
        List<String> lines = new ArrayList<>();
        List<String> chunks = new ArrayList<>(chunkList);
        java.util.Collections.reverse(chunks);
        while (!chunks.isEmpty()) {
            List<String> line = new ArrayList<>();
            int length = 0;
            if (dropWhitespace && last(chunks).isBlank() && !lines.isEmpty()) {
                chunks.remove(chunks.size() - 1);
            }
            while (!chunks.isEmpty()) {
                int l = last(chunks).length();
                if (length + l <= width) {
                    line.add(chunks.remove(chunks.size() - 1));
                    length += l;
                } else {
                    break;
                }
            }
            if (!chunks.isEmpty() && last(chunks).length() > width) {
                handleLongWord(chunks, line, length, width);
            }
            if (dropWhitespace && !line.isEmpty() && last(line).isBlank()) {
                line.remove(line.size() - 1);
            }
            if (!line.isEmpty()) {
                lines.add(String.join("", line));
            }
        }
        return lines;
    }

    private static void handleLongWord(List<String> reversedChunks, List<String> line, int length, int width) {
        int spaceLeft = width < 1 ? 1 : width - length;
        String chunk = last(reversedChunks);
        int end = spaceLeft;
        if (chunk.length() > spaceLeft) {
            int hyphen = chunk.lastIndexOf('-', spaceLeft - 1);
            if (hyphen > 0 && chunk.substring(0, hyphen).chars().anyMatch(c -> c != '-')) {
                end = hyphen + 1;
            }
        }
        line.add(chunk.substring(0, end));
        reversedChunks.set(reversedChunks.size() - 1, chunk.substring(end));
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }
}
