package io.jplay.template.filter;

import io.jplay.template.python.PythonTuple;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Python tuples (as zip, subelements, dictsort and splitext return) are the Templar's {@link PythonTuple}:
 * a list that prints as {@code ('a', 1)}; JSON and YAML output treat it as a list, as Ansible does.
 */
public final class Tuple {

    private Tuple() {
    }

    public static List<Object> from(Collection<?> items) {
        return new PythonTuple(items);
    }

    public static List<Object> of(Object... items) {
        return from(Arrays.asList(items));
    }

    public static boolean isTuple(Object value) {
        return value instanceof PythonTuple;
    }
}
