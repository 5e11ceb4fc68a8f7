package io.jplay.template.python;

import java.util.LinkedHashSet;

/**
 * Python's {@code ast.literal_eval} as Ansible's {@code ansible_eval_concat} uses it (with its Json2Python
 * pass, so {@code true}/{@code false}/{@code null} are accepted too): strings, numbers, lists, tuples,
 * dicts, sets, True/False/None. Anything else is "not a literal" and the text stays a string.
 */
public final class PythonLiteral {

    /** Tuples stay tuples, sets sets, dict keys as they are; newlines are blanks; bytes are no str. */
    private static final io.jplay.python.PythonLiteral.Dialect TEMPLATE = new io.jplay.python.PythonLiteral.Dialect(
            true, false, true, PythonTuple::new, LinkedHashSet::new, key -> key);

    private PythonLiteral() {
    }

    /**
     * The literal's value, or {@code fallback} when the text is not exactly one Python literal
     * (so a literal {@code None} and "not a literal" stay distinct).
     */
    public static Object parseOr(String text, Object fallback) {
        return io.jplay.python.PythonLiteral.parseOr(text, fallback, TEMPLATE);
    }
}
