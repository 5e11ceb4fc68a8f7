package io.jplay.template.python;

import java.util.ArrayList;
import java.util.Collection;

/** A Python tuple (from dict.items(), rsplit results are lists): a list that prints with parentheses. */
public final class PythonTuple extends ArrayList<Object> {

    public PythonTuple(Collection<?> items) {
        super(items);
    }
}
