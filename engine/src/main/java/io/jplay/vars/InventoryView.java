package io.jplay.vars;

import io.jplay.inventory.Group;
import io.jplay.inventory.GroupOrder;
import io.jplay.inventory.Host;
import io.jplay.inventory.Inventory;
import io.jplay.inventory.VarsDirectory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The inventory as variables see it ({@link InventoryVarsSource} over {@code io.jplay.inventory.Inventory}), and
 * the group_vars/host_vars folders beside its sources and beside a playbook.
 */
public final class InventoryView implements InventoryVarsSource {

    private final Inventory inventory;

    public InventoryView(Inventory inventory) {
        this.inventory = inventory;
    }

    @Override
    public List<String> hostNames() {
        return new ArrayList<>(inventory.hosts().keySet());
    }

    /** Known hosts, and the implicit localhost Ansible creates when it is asked for. */
    @Override
    public boolean hasHost(String host) {
        return inventory.host(host) != null;
    }

    @Override
    public List<String> groupsOf(String host) {
        Host found = inventory.host(host);
        return found == null ? List.of() : GroupOrder.hostGroups(found).stream().map(Group::name).toList();
    }

    @Override
    public Map<String, Object> groupVars(String group) {
        Group found = inventory.group(group);
        return found == null ? Map.of() : found.vars();
    }

    @Override
    public Map<String, Object> hostVars(String host) {
        Host found = inventory.host(host);
        return found == null ? Map.of() : found.vars();
    }

    @Override
    public Map<String, List<String>> groupsDict() {
        return inventory.groupsDict();
    }

    /** group_vars/host_vars beside each inventory source, in source order (host lists have none). */
    public List<AdjacentVars> sourceFolders(Consumer<String> warnings, HashBehaviour behaviour) {
        List<AdjacentVars> folders = new ArrayList<>();
        for (String source : inventory.sources()) {
            Path path = Path.of(source);
            if (source.contains(",") && !Files.exists(path)) {
                continue;
            }
            Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
            folders.add(folder(dir, warnings, behaviour));
        }
        return folders;
    }

    /** group_vars/host_vars beside a playbook (or any folder), read by the inventory's VarsDirectory. */
    public static AdjacentVars folder(Path dir, Consumer<String> warnings, HashBehaviour behaviour) {
        VarsDirectory directory = new VarsDirectory(dir.toAbsolutePath().normalize(), warnings,
                behaviour == HashBehaviour.MERGE);
        return new AdjacentVars() {
            @Override
            public Map<String, Object> groupVars(String group) {
                return directory.groupVars(group);
            }

            @Override
            public Map<String, Object> hostVars(String host) {
                return directory.hostVars(host);
            }

            @Override
            public String toString() {
                return "group_vars/host_vars in " + directory.basedir();
            }
        };
    }
}
