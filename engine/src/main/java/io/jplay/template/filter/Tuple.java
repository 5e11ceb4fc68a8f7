package io.jplay.template.filter;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A Python tuple (as zip, subelements, dictsort and splitext return): a list that prints as {@code ('a', 1)}.
 * JSON and YAML output treat it as a list, as Ansible does. Tuples are made with {@link #of}/{@link #from},
 * which use the Templar's {@code io.jplay.template.python.PythonTuple} when it is present (it is developed
 * on another branch), so the Templar prints them with parentheses; this class stands in for it otherwise.
 */
public final class Tuple extends ArrayList<Object> {

    private static final Constructor<?> TEMPLAR_TUPLE = find();

    private Tuple(Collection<?> items) {
        super(items);
    }

    private static Constructor<?> find() {
        try {
            return Class.forName("io.jplay.template.python.PythonTuple").getConstructor(Collection.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Object> from(Collection<?> items) {
        if (TEMPLAR_TUPLE != null) {
            try {
                return (List<Object>) TEMPLAR_TUPLE.newInstance(items);
            } catch (ReflectiveOperationException e) {
                // fall back to our own
            }
        }
        return new Tuple(items);
    }

    public static List<Object> of(Object... items) {
        return from(Arrays.asList(items));
    }

    /** Whether a value is a tuple, ours or the Templar's. */
    public static boolean isTuple(Object value) {
        return value instanceof Tuple || (value != null && value.getClass().getName().equals("io.jplay.template.python.PythonTuple"));
    }

    @Override
    public String toString() {
        return Py.repr(this);
    }
}
