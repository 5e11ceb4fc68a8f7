package io.jplay.vars;

import io.jplay.error.JplayException;

import java.util.ArrayList;
import java.util.List;

/**
 * Ansible's split_args (parsing/splitter.py): splits {@code a=b c="foo bar"} on spaces, keeping quoted
 * strings and Jinja2 blocks ({@code {{ }}}, {@code {% %}}, {@code {# #}}) together, and keeping newlines.
 * Ported line by line, because users' key=value strings depend on its quirks.
 */
public final class ArgSplitter {

    private ArgSplitter() {
    }

    public static List<String> split(String args) {
        List<String> params = new ArrayList<>();
        String[] items = args.split("\n", -1);
        Character quoteChar = null;
        boolean insideQuotes = false;
        int printDepth = 0;
        int blockDepth = 0;
        int commentDepth = 0;

        for (int itemIndex = 0; itemIndex < items.length; itemIndex++) {
            String[] tokens = items[itemIndex].split(" ", -1);
            boolean lineContinuation = false;
            for (int index = 0; index < tokens.length; index++) {
                String token = tokens[index];
                if (token.isEmpty() && index != 0) {
                    appendToLast(params, " ");
                    continue;
                }
                if (token.equals("\\") && !insideQuotes) {
                    lineContinuation = true;
                    continue;
                }
                boolean wasInsideQuotes = insideQuotes;
                quoteChar = quoteState(token, quoteChar);
                insideQuotes = quoteChar != null;
                boolean appended = false;
                boolean inJinja = printDepth > 0 || blockDepth > 0 || commentDepth > 0;
                if (insideQuotes && !wasInsideQuotes && !inJinja) {
                    params.add(token);
                    appended = true;
                } else if (inJinja || insideQuotes || wasInsideQuotes) {
                    if (index == 0 && wasInsideQuotes) {
                        appendToLast(params, token);
                    } else if (tokens.length > 1) {
                        appendToLast(params, (index > 0 ? " " : "") + token);
                    } else {
                        appendToLast(params, "\n" + token);
                    }
                    appended = true;
                }
                int previous = printDepth;
                printDepth = countBlocks(token, printDepth, "{{", "}}");
                if (printDepth != previous && !appended) {
                    params.add(token);
                    appended = true;
                }
                previous = blockDepth;
                blockDepth = countBlocks(token, blockDepth, "{%", "%}");
                if (blockDepth != previous && !appended) {
                    params.add(token);
                    appended = true;
                }
                previous = commentDepth;
                commentDepth = countBlocks(token, commentDepth, "{#", "#}");
                if (commentDepth != previous && !appended) {
                    params.add(token);
                    appended = true;
                }
                if (printDepth == 0 && blockDepth == 0 && commentDepth == 0 && !insideQuotes && !appended
                        && !token.isEmpty()) {
                    params.add(token);
                }
            }
            if (items.length > 1 && itemIndex != items.length - 1 && !lineContinuation) {
                appendToLast(params, "\n");
            }
        }
        if (printDepth > 0 || blockDepth > 0 || commentDepth > 0 || insideQuotes) {
            throw new JplayException("failed at splitting arguments, either an unbalanced jinja2 block or quotes: "
                    + args);
        }
        return params;
    }

    /** join_args: puts split arguments back together, keeping their newlines. */
    public static String join(List<String> params) {
        StringBuilder result = new StringBuilder();
        for (String param : params) {
            if (result.length() == 0 || result.charAt(result.length() - 1) == '\n') {
                result.append(param);
            } else {
                result.append(' ').append(param);
            }
        }
        return result.toString();
    }

    private static void appendToLast(List<String> params, String text) {
        if (params.isEmpty()) {
            // Python raises IndexError here; parse_kv reports it as this.
            throw new JplayException("Unable to parse argument string");
        }
        params.set(params.size() - 1, params.get(params.size() - 1) + text);
    }

    private static Character quoteState(String token, Character quoteChar) {
        for (int index = 0; index < token.length(); index++) {
            char current = token.charAt(index);
            char previous = index > 0 ? token.charAt(index - 1) : 0;
            if ((current == '"' || current == '\'') && previous != '\\') {
                if (quoteChar != null) {
                    if (current == quoteChar) {
                        quoteChar = null;
                    }
                } else {
                    quoteChar = current;
                }
            }
        }
        return quoteChar;
    }

    private static int countBlocks(String token, int depth, String open, String close) {
        int opened = count(token, open);
        int closed = count(token, close);
        if (opened != closed) {
            depth += opened - closed;
            if (depth < 0) {
                depth = 0;
            }
        }
        return depth;
    }

    /** Python's str.count: non-overlapping occurrences. */
    private static int count(String text, String part) {
        int found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            found++;
        }
        return found;
    }
}
