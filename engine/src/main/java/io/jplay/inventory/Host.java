package io.jplay.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An inventory host as ansible-core's {@code Host}: its inline vars (including {@code inventory_file} and
 * {@code inventory_dir}, which Ansible stores as host vars of the first source naming the host) and
 * every group it belongs to, ancestors included.
 */
public final class Host {

    private final String name;
    private final Map<String, Object> vars = new LinkedHashMap<>();
    private final List<Group> groups = new ArrayList<>();
    private final boolean implicit;

    Host(String name, Integer port, boolean implicit) {
        this.name = name;
        this.implicit = implicit;
        if (port != null) {
            vars.put("ansible_port", port.longValue());
        }
    }

    public String name() {
        return name;
    }

    /** True for the localhost Ansible invents when a pattern names it but no inventory lists it. */
    public boolean isImplicit() {
        return implicit;
    }

    /** A copy of the vars the inventory sources gave this host (not group_vars/host_vars files). */
    public Map<String, Object> vars() {
        return new LinkedHashMap<>(vars);
    }

    /** The first inventory source that named this host (Ansible's {@code inventory_file}); null for none. */
    public String inventoryFile() {
        return (String) vars.get("inventory_file");
    }

    /**
     * The directory of {@link #inventoryFile()} (Ansible's {@code inventory_dir}); the text "None" for a host
     * from a host list (as Ansible), null for a host added without a source (add_host).
     */
    public String inventoryDir() {
        return (String) vars.get("inventory_dir");
    }

    /** Every group the host belongs to, ancestors included, in the order Ansible records them. */
    public List<Group> groups() {
        return Collections.unmodifiableList(groups);
    }

    /** Ansible's {@code group_names}: the host's groups but {@code all}, sorted by name. */
    public List<String> groupNames() {
        return groups.stream().map(Group::name).filter(n -> !"all".equals(n)).sorted().toList();
    }

    void setVariable(String key, Object value) {
        vars.put(key, value);
    }

    void addGroup(Group group) {
        addGroupsIfAbsent(group.ancestors());
        if (!groups.contains(group)) {
            groups.add(group);
        }
    }

    void addGroupsIfAbsent(Collection<Group> additions) {
        for (Group g : additions) {
            if (!groups.contains(g)) {
                groups.add(g);
            }
        }
    }

    void removeGroup(Group group) {
        if (!groups.remove(group)) {
            return;
        }
        // drop ancestors that no remaining group still leads to, except all
        for (Group old : group.ancestors()) {
            if ("all".equals(old.name())) {
                continue;
            }
            boolean stillReached = groups.stream().anyMatch(g -> g.ancestors().contains(old));
            if (!stillReached) {
                removeGroup(old);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
