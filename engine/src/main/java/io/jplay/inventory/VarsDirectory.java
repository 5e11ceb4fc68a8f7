package io.jplay.inventory;

import io.jplay.error.JplayException;
import io.jplay.error.Location;
import io.jplay.python.PythonRepr;
import io.jplay.yaml.YamlLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The {@code group_vars/} and {@code host_vars/} beside an inventory source or a playbook, read as Ansible's
 * host_group_vars plugin: for a name, the first of {@code name} (file or directory), {@code name.yml},
 * {@code name.yaml}, {@code name.json} that exists; a directory contributes all its files (recursively, in
 * name order, skipping hidden and {@code ~} files, only no/.yml/.yaml/.json extensions), later files
 * replacing earlier top-level keys. Files are read once per instance.
 */
public final class VarsDirectory {

    private static final List<String> EXTENSIONS = List.of("", ".yml", ".yaml", ".json");

    private final Path basedir;
    private final Consumer<String> warnings;
    private final boolean mergeHashes;
    // Hosts run in parallel (forks) and read group_vars through the same directory: the caches are concurrent.
    private final Map<String, Map<String, Object>> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Path, Object> files = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** {@code basedir} is the directory holding group_vars/ and host_vars/ (an inventory file's directory). */
    public VarsDirectory(Path basedir, Consumer<String> warnings) {
        this(basedir, warnings, false);
    }

    /** @param mergeHashes hash_behaviour=merge: dicts of later files merge into earlier ones */
    public VarsDirectory(Path basedir, Consumer<String> warnings, boolean mergeHashes) {
        this.basedir = basedir;
        this.warnings = warnings == null ? w -> { } : warnings;
        this.mergeHashes = mergeHashes;
    }

    public Path basedir() {
        return basedir;
    }

    /** Vars of {@code group_vars/<group>}; empty when there are none. */
    public Map<String, Object> groupVars(String group) {
        return vars("group_vars", group);
    }

    /** Vars of {@code host_vars/<host>}; empty when there are none. */
    public Map<String, Object> hostVars(String host) {
        return vars("host_vars", host);
    }

    private Map<String, Object> vars(String subdir, String name) {
        // Ansible skips 'chroot'-like names such as /path/to/chroot
        if (name.startsWith("/")) {
            return Map.of();
        }
        String key = subdir + "/" + name;
        Map<String, Object> cached = cache.get(key);
        if (cached == null) {
            cached = Collections.unmodifiableMap(load(subdir, name));
            cache.put(key, cached);
        }
        return new LinkedHashMap<>(cached);
    }

    private Map<String, Object> load(String subdir, String name) {
        Path dir = realPath(basedir.resolve(subdir));
        Map<String, Object> data = new LinkedHashMap<>();
        if (!Files.exists(dir)) {
            return data;
        }
        if (!Files.isDirectory(dir)) {
            // Ansible warns for each host or group, and its Display shows the same warning once
            if (warned.add(subdir)) {
                warnings.accept("Found " + subdir + " that is not a directory, skipping: " + dir);
            }
            return data;
        }
        for (Path file : findVarsFiles(dir, name)) {
            Object loaded = files.computeIfAbsent(file, VarsDirectory::loadFile);
            if (isEmpty(loaded)) {
                continue;
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new JplayException("failed to combine variables, expected dicts but got a 'dict' and a '"
                        + PythonTypes.typeName(loaded).replaceAll("<class '(.*)'>", "$1") + "': \n"
                        + PythonRepr.str(data, PythonRepr.NO_VAULT_SECRETS) + "\n" + PythonRepr.str(loaded, PythonRepr.NO_VAULT_SECRETS), Location.of(file));
            }
            Map<String, Object> fileVars = new LinkedHashMap<>();
            map.forEach((k, v) -> fileVars.put(String.valueOf(k), v));
            data = CombineVars.combine(data, fileVars, mergeHashes);
        }
        return data;
    }

    private static Object loadFile(Path file) {
        try {
            // a whole vault-encrypted file; decryption comes with the Vault issue
            if (new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8).startsWith("$ANSIBLE_VAULT")) {
                throw new JplayException("Attempting to decrypt but no vault secrets found", Location.of(file));
            }
        } catch (IOException e) {
            throw new JplayException("Could not read '" + file + "': " + e.getMessage(), Location.of(file), e);
        }
        return YamlLoader.loadFile(file);
    }

    private static boolean isEmpty(Object loaded) {
        return loaded == null || loaded instanceof Map<?, ?> m && m.isEmpty()
                || loaded instanceof List<?> l && l.isEmpty() || loaded instanceof CharSequence s && s.isEmpty()
                || Boolean.FALSE.equals(loaded) || loaded instanceof Number n && n.doubleValue() == 0;
    }

    private static List<Path> findVarsFiles(Path dir, String name) {
        List<Path> found = new ArrayList<>();
        for (String ext : EXTENSIONS) {
            Path candidate = dir.resolve(name + ext);
            if (Files.exists(candidate)) {
                if (Files.isDirectory(candidate)) {
                    found.addAll(dirVarsFiles(candidate));
                } else {
                    found.add(candidate);
                }
                break;
            }
        }
        return found;
    }

    private static List<Path> dirVarsFiles(Path dir) {
        List<Path> found = new ArrayList<>();
        List<String> names;
        try (Stream<Path> entries = Files.list(dir)) {
            names = new ArrayList<>(entries.map(p -> p.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new JplayException("Could not list '" + dir + "': " + e.getMessage(), Location.of(dir), e);
        }
        names.sort(null);
        for (String entry : names) {
            if (entry.startsWith(".") || entry.endsWith("~")) {
                continue;
            }
            String ext = InventoryLoader.extension(entry);
            Path full = dir.resolve(entry);
            if (Files.isDirectory(full) && ext.isEmpty()) {
                found.addAll(dirVarsFiles(full));
            } else if (Files.isRegularFile(full) && EXTENSIONS.contains(ext)) {
                found.add(full);
            }
        }
        return found;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
