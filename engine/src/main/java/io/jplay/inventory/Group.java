package io.jplay.inventory;

import io.jplay.error.JplayException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An inventory group as ansible-core's {@code Group}: its own hosts in the order they were added, child and
 * parent groups, its depth below {@code all} (the longest path) and {@code ansible_group_priority}.
 * The vars are those written in inventory sources only; group_vars files are read by {@link VarsDirectory}.
 */
public final class Group {

    private final String name;
    private final List<Host> hosts = new ArrayList<>();
    private final Set<String> hostNames = new LinkedHashSet<>();
    private final List<Group> childGroups = new ArrayList<>();
    private final List<Group> parentGroups = new ArrayList<>();
    private Map<String, Object> vars = new LinkedHashMap<>();
    private int depth;
    private int priority = 1;
    private List<Host> allHostsCache;

    Group(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Hosts listed directly in this group, in the order the sources listed them. */
    public List<Host> hosts() {
        return Collections.unmodifiableList(hosts);
    }

    public List<Group> childGroups() {
        return Collections.unmodifiableList(childGroups);
    }

    public List<Group> parentGroups() {
        return Collections.unmodifiableList(parentGroups);
    }

    /** The longest distance from {@code all}; Ansible applies deeper groups' vars later. */
    public int depth() {
        return depth;
    }

    /** {@code ansible_group_priority} (default 1); among groups of the same depth a higher one wins. */
    public int priority() {
        return priority;
    }

    /** A copy of the vars the inventory sources gave this group. */
    public Map<String, Object> vars() {
        return new LinkedHashMap<>(vars);
    }

    void setVariable(String key, Object value) {
        if ("ansible_group_priority".equals(key)) {
            priority = PythonInt.toInt(value);
        } else {
            vars.put(key, value);
        }
    }

    /** Every ancestor group (parents, their parents, ...). */
    public Set<Group> ancestors() {
        Set<Group> seen = new LinkedHashSet<>();
        List<Group> unprocessed = new ArrayList<>(parentGroups);
        while (!unprocessed.isEmpty()) {
            seen.addAll(unprocessed);
            List<Group> next = new ArrayList<>();
            for (Group g : unprocessed) {
                for (Group parent : g.parentGroups) {
                    if (!seen.contains(parent) && !next.contains(parent)) {
                        next.add(parent);
                    }
                }
            }
            unprocessed = next;
        }
        seen.remove(this);
        return seen;
    }

    /** This group and its descendants, level by level, each level in list order (Ansible's preserve_ordering). */
    List<Group> selfAndDescendants() {
        List<Group> ordered = new ArrayList<>();
        ordered.add(this);
        Set<Group> seen = new LinkedHashSet<>();
        List<Group> level = new ArrayList<>(childGroups);
        ordered.addAll(childGroups);
        seen.add(this);
        while (!level.isEmpty()) {
            seen.addAll(level);
            List<Group> next = new ArrayList<>();
            for (Group g : level) {
                for (Group child : g.childGroups) {
                    if (!seen.contains(child) && !next.contains(child)) {
                        next.add(child);
                        ordered.add(child);
                    }
                }
            }
            level = next;
        }
        return ordered;
    }

    /**
     * All hosts of this group and its descendants, de-duplicated, in Ansible's order: this group's own
     * hosts, then its children's, level by level. The implicit localhost is never part of {@code all}.
     */
    public List<Host> allHosts() {
        if (allHostsCache == null) {
            List<Host> result = new ArrayList<>();
            Set<Host> seen = new LinkedHashSet<>();
            for (Group g : selfAndDescendants()) {
                for (Host h : g.hosts) {
                    if (seen.add(h) && !("all".equals(name) && h.isImplicit())) {
                        result.add(h);
                    }
                }
            }
            allHostsCache = Collections.unmodifiableList(result);
        }
        return allHostsCache;
    }

    boolean addChildGroup(Group group) {
        if (group == this) {
            throw new JplayException("can't add group to itself");
        }
        if (childGroups.contains(group)) {
            return false;
        }
        Set<Group> startAncestors = group.ancestors();
        Set<Group> newAncestors = ancestors();
        if (newAncestors.contains(group)) {
            throw new JplayException("Adding group '" + group.name + "' as child to '" + name
                    + "' creates a recursive dependency loop.");
        }
        newAncestors.add(this);
        newAncestors.removeAll(startAncestors);
        childGroups.add(group);
        group.depth = Math.max(depth + 1, group.depth);
        group.checkChildrenDepth();
        if (group.parentGroups.stream().noneMatch(p -> p.name.equals(name))) {
            group.parentGroups.add(this);
            for (Host h : group.allHosts()) {
                h.addGroupsIfAbsent(newAncestors);
            }
        }
        clearHostsCache();
        return true;
    }

    private void checkChildrenDepth() {
        int current = depth;
        Set<Group> seen = new LinkedHashSet<>();
        List<Group> unprocessed = new ArrayList<>(childGroups);
        while (!unprocessed.isEmpty()) {
            seen.addAll(unprocessed);
            current++;
            List<Group> next = new ArrayList<>();
            for (Group g : unprocessed) {
                if (g.depth < current) {
                    g.depth = current;
                    next.addAll(g.childGroups);
                }
            }
            unprocessed = next;
            if (current - depth > seen.size()) {
                throw new JplayException("The group named '" + name + "' has a recursive dependency loop.");
            }
        }
    }

    boolean addHost(Host host) {
        if (!hostNames.add(host.name())) {
            return false;
        }
        hosts.add(host);
        host.addGroup(this);
        clearHostsCache();
        return true;
    }

    boolean removeHost(Host host) {
        if (!hostNames.remove(host.name())) {
            return false;
        }
        hosts.remove(host);
        host.removeGroup(this);
        clearHostsCache();
        return true;
    }

    private void clearHostsCache() {
        allHostsCache = null;
        for (Group g : ancestors()) {
            g.allHostsCache = null;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
