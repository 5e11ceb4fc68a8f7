package io.jplay.template.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A Python tuple (as zip, subelements and splitext return): a list that prints as {@code ('a', 1)}.
 * JSON and YAML output treat it as a list, as Ansible does.
 */
public final class Tuple extends ArrayList<Object> {

    public Tuple(Collection<?> items) {
        super(items);
    }

    public static Tuple of(Object... items) {
        return new Tuple(List.of(items).stream().toList());
    }

    @Override
    public String toString() {
        return Py.repr(this);
    }
}
