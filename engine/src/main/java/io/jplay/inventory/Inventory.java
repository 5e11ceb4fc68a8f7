package io.jplay.inventory;

import io.jplay.error.JplayException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The hosts and groups of all inventory sources, kept under ansible-core's rules ({@code InventoryData}):
 * the implicit groups {@code all} and {@code ungrouped}, every group below {@code all}, hosts without a
 * group in {@code ungrouped}, and each host's first source remembered as {@code inventory_file}/
 * {@code inventory_dir}. Parsers and the {@code add_host}/{@code group_by} actions change it through
 * {@link #addGroup}, {@link #addHost}, {@link #addChild} and {@link #setVariable}.
 */
public final class Inventory {

    /** Names Ansible treats as the controller itself (C.LOCALHOST). */
    public static final Set<String> LOCALHOST_NAMES = Set.of("127.0.0.1", "localhost", "::1");

    private static final Pattern INVALID_GROUP_CHARS = Pattern.compile("^[\\d\\W]|[^\\w]",
            Pattern.UNICODE_CHARACTER_CLASS);

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final List<String> sources = new ArrayList<>();
    private final Consumer<String> warnings;
    private final boolean mergeHashes;
    private Host localhost;
    private String currentSource;

    public Inventory(Consumer<String> warnings) {
        this(warnings, false);
    }

    /** @param mergeHashes hash_behaviour=merge: a dict variable set twice on a host or group is merged */
    public Inventory(Consumer<String> warnings, boolean mergeHashes) {
        this.warnings = warnings == null ? w -> { } : warnings;
        this.mergeHashes = mergeHashes;
        addGroup("all");
        addGroup("ungrouped");
        addChild("all", "ungrouped");
    }

    public Inventory() {
        this(null);
    }

    /** Groups by name, in the order they were first declared ({@code all}, {@code ungrouped} first). */
    public Map<String, Group> groups() {
        return Collections.unmodifiableMap(groups);
    }

    /** Hosts by name, in the order they were first declared. */
    public Map<String, Host> hosts() {
        return Collections.unmodifiableMap(hosts);
    }

    public Group group(String name) {
        return groups.get(name);
    }

    /** The host of that name, or for a localhost name not in the inventory the implicit localhost; else null. */
    public Host host(String name) {
        Host host = hosts.get(name);
        if (host == null && LOCALHOST_NAMES.contains(name)) {
            host = implicitLocalhost(name);
        }
        return host;
    }

    /** The sources given with {@code -i}, as Ansible keeps them (absolute paths or host lists). */
    public List<String> sources() {
        return Collections.unmodifiableList(sources);
    }

    /** Ansible's {@code groups} magic variable: every group name to its hosts, descendants included. */
    public Map<String, List<String>> groupsDict() {
        Map<String, List<String>> dict = new LinkedHashMap<>();
        for (Group g : groups.values()) {
            dict.put(g.name(), g.allHosts().stream().map(Host::name).toList());
        }
        return dict;
    }

    void addSource(String source) {
        sources.add(source);
    }

    /** While a source is parsed, new hosts record it as their inventory_file. */
    void setCurrentSource(String source) {
        this.currentSource = source;
    }

    void warn(String message) {
        warnings.accept(message);
    }

    /** Adds a group if new; returns its name. Invalid characters only warn, as Ansible's default 'never'. */
    public String addGroup(String name) {
        if (name == null || name.isEmpty()) {
            throw new JplayException("Invalid empty/false group name provided: " + name);
        }
        if (!groups.containsKey(name)) {
            if (INVALID_GROUP_CHARS.matcher(name).find()) {
                warn("Invalid characters were found in group names but not replaced, use -vvvv to see details");
            }
            groups.put(name, new Group(name));
        }
        return name;
    }

    /** Adds a host if new (with its port as ansible_port) and puts it into {@code group} if given. */
    public String addHost(String name, String group, Integer port) {
        if (name == null || name.isEmpty()) {
            throw new JplayException("Invalid empty host name provided: " + name);
        }
        Group g = null;
        if (group != null && !group.isEmpty()) {
            g = groups.get(group);
            if (g == null) {
                throw new JplayException("Could not find group " + group + " in inventory");
            }
        }
        Host h = hosts.get(name);
        if (h == null) {
            h = new Host(name, port, false);
            hosts.put(name, h);
            if (currentSource != null) {
                h.setVariable("inventory_file", currentSource);
                h.setVariable("inventory_dir", basedir(currentSource));
            } else {
                h.setVariable("inventory_file", null);
                h.setVariable("inventory_dir", null);
            }
            if (LOCALHOST_NAMES.contains(name)) {
                if (localhost == null) {
                    localhost = h;
                } else {
                    warn("A duplicate localhost-like entry was found (" + name + "). First found localhost was "
                            + localhost.name());
                }
            }
        }
        if (g != null) {
            g.addHost(h);
        }
        return name;
    }

    /** Makes {@code child} (a group or a host) a member of {@code group}. */
    public boolean addChild(String group, String child) {
        Group g = groups.get(group);
        if (g == null) {
            throw new JplayException(group + " is not a known group");
        }
        if (groups.containsKey(child)) {
            return g.addChildGroup(groups.get(child));
        }
        if (hosts.containsKey(child)) {
            return g.addHost(hosts.get(child));
        }
        throw new JplayException(child + " is not a known host nor group");
    }

    /** Sets a variable on the group or host of that name (groups first, as Ansible looks them up). */
    public void setVariable(String entity, String key, Object value) {
        if (groups.containsKey(entity)) {
            Group group = groups.get(entity);
            group.setVariable(key, combined(group.vars().get(key), value));
        } else if (hosts.containsKey(entity)) {
            Host host = hosts.get(entity);
            host.setVariable(key, combined(host.vars().get(key), value));
        } else {
            throw new JplayException("Could not identify group or host named " + entity);
        }
    }

    /** Host/Group.set_variable: a dict over a dict goes through combine_vars, else the new value wins. */
    @SuppressWarnings("unchecked")
    private Object combined(Object existing, Object value) {
        if (mergeHashes && existing instanceof Map<?, ?> old && value instanceof Map<?, ?> update) {
            return CombineVars.mergeHash((Map<String, Object>) old, (Map<String, Object>) update);
        }
        return value;
    }

    /**
     * InventoryManager.add_dynamic_host (the add_host action's result): adds the host under {@code all} if new,
     * combines its variables, puts it into each group (created if new) and reconciles. Returns whether
     * anything changed, which is the task's {@code changed}.
     */
    public synchronized boolean addDynamicHost(String name, Map<String, Object> hostVars, List<String> newGroups) {
        boolean changed = false;
        if (!hosts.containsKey(name)) {
            addHost(name, "all", null);
            changed = true;
        }
        Host host = hosts.get(name);
        for (Map.Entry<String, Object> e : hostVars.entrySet()) {
            boolean known = host.vars().containsKey(e.getKey());
            Object value = combined(host.vars().get(e.getKey()), e.getValue());
            if (!known || !java.util.Objects.equals(host.vars().get(e.getKey()), value)) {
                host.setVariable(e.getKey(), value);
                changed = true;
            }
        }
        for (String groupName : newGroups) {
            if (!groups.containsKey(groupName)) {
                addGroup(groupName);
                changed = true;
            }
            if (groups.get(groupName).addHost(host)) {
                changed = true;
            }
        }
        if (changed) {
            reconcile();
        }
        return changed;
    }

    /**
     * InventoryManager.add_dynamic_group (the group_by action's result): the group and its parents (created
     * if new), the group made a child of each parent, the host put into the group. Returns whether anything
     * changed; as in Ansible, a new group alone (without new parents or membership) is not a change.
     */
    public synchronized boolean addDynamicGroup(String hostName, String groupName, List<String> parents) {
        Host host = host(hostName);
        if (host == null) {
            throw new JplayException(hostName + " cannot be matched in inventory");
        }
        boolean changed = false;
        addGroup(groupName);
        for (String parent : parents) {
            if (!groups.containsKey(parent)) {
                addGroup(parent);
                changed = true;
            }
        }
        Group group = groups.get(groupName);
        for (String parent : parents) {
            if (groups.get(parent).addChildGroup(group)) {
                changed = true;
            }
        }
        if (!group.allHosts().contains(host)) {
            changed = group.addHost(host);
        }
        if (changed) {
            reconcile();
        }
        return changed;
    }

    /** Ansible's reconcile_inventory: every group under all, group-less hosts in ungrouped. */
    public void reconcile() {
        currentSource = null;
        Group all = groups.get("all");
        Group ungrouped = groups.get("ungrouped");
        for (Group g : new ArrayList<>(groups.values())) {
            if (g != all && g.ancestors().isEmpty()) {
                addChild("all", g.name());
            }
        }
        for (Host host : hosts.values()) {
            List<Group> mine = host.groups();
            if (mine.contains(ungrouped)) {
                Set<Group> others = new HashSet<>(mine);
                others.remove(all);
                others.remove(ungrouped);
                if (!others.isEmpty()) {
                    ungrouped.removeHost(host);
                }
            } else if (!host.isImplicit()) {
                if (mine.isEmpty() || (mine.size() == 1 && mine.contains(all))) {
                    addChild("ungrouped", host.name());
                }
            }
        }
        Set<String> both = new java.util.TreeSet<>(groups.keySet());
        both.retainAll(hosts.keySet());
        for (String conflict : both) {
            warn("Found both group and host with same name: " + conflict);
        }
    }

    private Host implicitLocalhost(String name) {
        if (localhost == null) {
            Host h = new Host(name, null, true);
            h.setVariable("ansible_python_interpreter", "/usr/bin/python3");
            h.setVariable("ansible_connection", "local");
            localhost = h;
        }
        return localhost;
    }

    /**
     * Ansible's utils.path.basedir: the source itself when a directory, else its parent; for a source that
     * is neither (a host list) the text "None", which is what Ansible's to_text(None) stores.
     */
    static String basedir(String source) {
        if (source == null || source.isEmpty() || ".".equals(source)) {
            return Path.of("").toAbsolutePath().toString();
        }
        Path p = Path.of(source);
        if (Files.isDirectory(p)) {
            return p.toAbsolutePath().normalize().toString();
        }
        if (Files.isRegularFile(p)) {
            Path parent = p.toAbsolutePath().getParent();
            return parent == null ? "/" : parent.normalize().toString();
        }
        return "None";
    }
}
