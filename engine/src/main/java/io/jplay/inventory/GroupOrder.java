package io.jplay.inventory;

import io.jplay.python.PythonValues;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Ansible's {@code sort_groups}: the order in which group vars apply (later wins). */
public final class GroupOrder {

    /** By depth, then ansible_group_priority, then name (as Python compares str: by code point). */
    public static final Comparator<Group> PRECEDENCE = Comparator.comparingInt(Group::depth)
            .thenComparingInt(Group::priority)
            .thenComparing(Group::name, PythonValues::compareCodePoints);

    private GroupOrder() {
    }

    public static List<Group> sort(Collection<Group> groups) {
        return groups.stream().sorted(PRECEDENCE).toList();
    }

    /** The host's groups except {@code all}, lowest precedence first (VariableManager's host_groups). */
    public static List<Group> hostGroups(Host host) {
        return sort(host.groups().stream().filter(g -> !"all".equals(g.name())).toList());
    }
}
