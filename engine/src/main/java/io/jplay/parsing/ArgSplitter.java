package io.jplay.parsing;

import io.jplay.error.JplayException;

import java.util.ArrayList;
import java.util.List;

/**
 * Ansible's {@code split_args}: splits a module argument string on spaces, but keeps quoted strings and
 * Jinja2 blocks ({@code {{ }}}, {@code {% %}}, {@code {# #}}) together, and keeps newlines.
 * A port of ansible/parsing/splitter.py, kept close to it because kubespray relies on its quirks.
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

        for (int itemIdx = 0; itemIdx < items.length; itemIdx++) {
            String[] tokens = items[itemIdx].split(" ", -1);
            boolean lineContinuation = false;
            for (int idx = 0; idx < tokens.length; idx++) {
                String token = tokens[idx];
                if (token.isEmpty() && idx != 0) {
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
                    if (idx == 0 && wasInsideQuotes) {
                        appendToLast(params, token);
                    } else if (tokens.length > 1) {
                        appendToLast(params, (idx > 0 ? " " : "") + token);
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
            if (items.length > 1 && itemIdx != items.length - 1 && !lineContinuation) {
                appendToLast(params, "\n");
            }
        }
        if (printDepth > 0 || blockDepth > 0 || commentDepth > 0 || insideQuotes) {
            throw new JplayException("failed at splitting arguments, either an unbalanced jinja2 block or quotes: " + args);
        }
        return params;
    }

    /** Ansible's join_args: the inverse of split, keeping the original newlines. */
    public static String join(List<String> parts) {
        StringBuilder result = new StringBuilder();
        for (String part : parts) {
            if (result.length() == 0 || result.charAt(result.length() - 1) == '\n') {
                result.append(part);
            } else {
                result.append(' ').append(part);
            }
        }
        return result.toString();
    }

    private static void appendToLast(List<String> params, String text) {
        if (params.isEmpty()) {
            // Python would raise IndexError here; Ansible reports it as unparsable arguments.
            throw new JplayException("Unable to parse argument string");
        }
        params.set(params.size() - 1, params.get(params.size() - 1) + text);
    }

    private static Character quoteState(String token, Character quoteChar) {
        char prev = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (i > 0) {
                prev = token.charAt(i - 1);
            }
            if ((c == '"' || c == '\'') && prev != '\\') {
                if (quoteChar != null) {
                    if (c == quoteChar) {
                        quoteChar = null;
                    }
                } else {
                    quoteChar = c;
                }
            }
        }
        return quoteChar;
    }

    private static int countBlocks(String token, int depth, String open, String close) {
        int opens = count(token, open);
        int closes = count(token, close);
        if (opens != closes) {
            depth += opens - closes;
            if (depth < 0) {
                depth = 0;
            }
        }
        return depth;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
