package io.jplay.inventory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The variables the inventory gives a host, merged as ansible-core 2.14's VariableManager does before play
 * and task levels (default VARIABLE_PRECEDENCE, hash_behaviour=replace), lowest first:
 * <ol>
 * <li>{@code all}'s inventory vars, then the host's other groups' inventory vars in {@link GroupOrder};</li>
 * <li>{@code group_vars/all} beside each inventory source, then beside each playbook directory;</li>
 * <li>{@code group_vars/<group>} beside each source (all groups of one source before the next source),
 *     then beside each playbook directory;</li>
 * <li>the host's inventory vars with {@code inventory_hostname}, {@code inventory_hostname_short},
 *     {@code group_names};</li>
 * <li>{@code host_vars/<host>} beside each source, then beside each playbook directory.</li>
 * </ol>
 * Sources that are host lists have no directory; a source file's directory is used, a directory source
 * itself.
 */
public final class InventoryVars {

    private final Inventory inventory;
    private final Consumer<String> warnings;
    private final boolean mergeHashes;
    /** Shared between instances made by {@link #withPlaybookDirs}: each directory's files are read once. */
    private final Map<Path, VarsDirectory> directories;
    private final List<VarsDirectory> inventoryDirs = new ArrayList<>();
    private final List<VarsDirectory> playDirs = new ArrayList<>();

    /**
     * @param playbookDirs directories whose group_vars/host_vars also apply (the playbook's directory; for
     *                     ansible-inventory the current directory, as Ansible's loader basedir)
     */
    public InventoryVars(Inventory inventory, List<Path> playbookDirs, Consumer<String> warnings) {
        this(inventory, playbookDirs, warnings, false);
    }

    /** @param mergeHashes ansible.cfg's hash_behaviour=merge: dicts of later layers merge into earlier ones */
    public InventoryVars(Inventory inventory, List<Path> playbookDirs, Consumer<String> warnings,
                         boolean mergeHashes) {
        this(inventory, playbookDirs, warnings, mergeHashes, new java.util.concurrent.ConcurrentHashMap<>());
    }

    private InventoryVars(Inventory inventory, List<Path> playbookDirs, Consumer<String> warnings,
                          boolean mergeHashes, Map<Path, VarsDirectory> directories) {
        this.inventory = inventory;
        this.warnings = warnings;
        this.mergeHashes = mergeHashes;
        this.directories = directories;
        for (String source : inventory.sources()) {
            Path dir = sourceDirectory(source);
            if (dir != null) {
                inventoryDirs.add(directory(dir));
            }
        }
        for (Path dir : playbookDirs) {
            playDirs.add(directory(dir.toAbsolutePath().normalize()));
        }
    }

    /**
     * The same inventory with other playbook-side directories (a task's search path: its role, the
     * playbook's directory), sharing the files already read.
     */
    public InventoryVars withPlaybookDirs(List<Path> playbookDirs) {
        return new InventoryVars(inventory, playbookDirs, warnings, mergeHashes, directories);
    }

    private VarsDirectory directory(Path dir) {
        return directories.computeIfAbsent(dir, d -> new VarsDirectory(d, warnings, mergeHashes));
    }

    /** Ansible's get_vars_from_inventory_sources: host lists skipped, a file's directory, a directory itself. */
    static Path sourceDirectory(String source) {
        Path path = Path.of(source);
        if (source.contains(",") && !Files.exists(path)) {
            return null;
        }
        if (Files.isDirectory(path)) {
            return path;
        }
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }

    public Inventory inventory() {
        return inventory;
    }

    /** The host's vars from the inventory and the group_vars/host_vars directories, merged (see class doc). */
    public Map<String, Object> hostVars(Host host) {
        Group all = inventory.group("all");
        List<Group> hostGroups = GroupOrder.hostGroups(host);
        Layers vars = new Layers();
        if (all != null) {
            vars.add(all.vars());
        }
        Map<String, Object> groupsInventory = new LinkedHashMap<>();
        for (Group g : hostGroups) {
            groupsInventory = CombineVars.combine(groupsInventory, g.vars(), mergeHashes);
        }
        vars.add(groupsInventory);
        if (all != null) {
            vars.add(groupFiles(inventoryDirs, List.of(all)));
            vars.add(groupFiles(playDirs, List.of(all)));
        }
        vars.add(groupFiles(inventoryDirs, hostGroups));
        vars.add(groupFiles(playDirs, hostGroups));
        vars.add(CombineVars.combine(host.vars(), magicVars(host), mergeHashes));
        vars.add(hostFiles(inventoryDirs, host));
        vars.add(hostFiles(playDirs, host));
        return vars.result;
    }

    /** A group's own vars: inventory vars, then group_vars files of the sources and playbook dirs. */
    public Map<String, Object> groupVars(Group group) {
        Layers vars = new Layers();
        vars.add(group.vars());
        vars.add(groupFiles(inventoryDirs, List.of(group)));
        vars.add(groupFiles(playDirs, List.of(group)));
        return vars.result;
    }

    /** Only the host's inventory vars and host_vars files (ansible-inventory --export). */
    public Map<String, Object> ownHostVars(Host host) {
        Layers vars = new Layers();
        vars.add(CombineVars.combine(host.vars(), magicVars(host), mergeHashes));
        vars.add(hostFiles(inventoryDirs, host));
        vars.add(hostFiles(playDirs, host));
        return vars.result;
    }

    /** get_vars_from_inventory_sources for groups: per directory, each group in order. */
    private Map<String, Object> groupFiles(List<VarsDirectory> dirs, List<Group> groups) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (VarsDirectory dir : dirs) {
            for (Group g : groups) {
                data = CombineVars.combine(data, dir.groupVars(g.name()), mergeHashes);
            }
        }
        return data;
    }

    private Map<String, Object> hostFiles(List<VarsDirectory> dirs, Host host) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (VarsDirectory dir : dirs) {
            data = CombineVars.combine(data, dir.hostVars(host.name()), mergeHashes);
        }
        return data;
    }

    /** Successive combine_vars of the precedence levels. */
    private final class Layers {
        private Map<String, Object> result = new LinkedHashMap<>();

        void add(Map<String, Object> layer) {
            result = CombineVars.combine(result, layer, mergeHashes);
        }
    }

    /** Host.get_magic_vars: inventory_hostname, inventory_hostname_short, group_names. */
    public static Map<String, Object> magicVars(Host host) {
        Map<String, Object> magic = new LinkedHashMap<>();
        magic.put("inventory_hostname", host.name());
        magic.put("inventory_hostname_short", HostAddress.isIpAddress(host.name()) ? host.name()
                : host.name().split("\\.", -1)[0]);
        magic.put("group_names", new ArrayList<>(host.groupNames()));
        return magic;
    }
}
