package io.jplay.vars;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * group_vars/ and host_vars/ of one folder, read as the host_group_vars plugin does: for a name, a folder
 * {@code name/} (all its files, recursively, in name order) or the first of {@code name}, {@code name.yml},
 * {@code name.yaml}, {@code name.json}. Files are read once and cached.
 */
public final class GroupHostVarsDirectory implements AdjacentVars {

    private final Path base;
    private final HashBehaviour hashBehaviour;
    private final Map<String, Map<String, Object>> cache = new ConcurrentHashMap<>();

    public GroupHostVarsDirectory(Path base, HashBehaviour hashBehaviour) {
        this.base = base;
        this.hashBehaviour = hashBehaviour;
    }

    public GroupHostVarsDirectory(Path base) {
        this(base, HashBehaviour.REPLACE);
    }

    @Override
    public Map<String, Object> groupVars(String group) {
        return read("group_vars", group);
    }

    @Override
    public Map<String, Object> hostVars(String host) {
        return read("host_vars", host);
    }

    private Map<String, Object> read(String subdir, String name) {
        // Ansible skips names that look like absolute paths ('chroot' style inventory hostnames).
        if (name.startsWith("/")) {
            return Map.of();
        }
        return cache.computeIfAbsent(subdir + "/" + name, key -> {
            Path folder = base.resolve(subdir);
            if (!Files.isDirectory(folder)) {
                return Map.of();
            }
            List<Path> files = VarsFileFinder.find(folder, name, VarsFileFinder.INVENTORY_EXTENSIONS, true);
            return VarsFiles.loadMerged(files, hashBehaviour);
        });
    }

    @Override
    public String toString() {
        return "group_vars/host_vars in " + base;
    }
}
