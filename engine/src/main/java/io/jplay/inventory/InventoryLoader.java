package io.jplay.inventory;

import io.jplay.config.AnsibleConfig;
import io.jplay.config.Setting;
import io.jplay.error.JplayException;
import io.jplay.error.Location;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds an {@link Inventory} from {@code -i} sources as ansible-core's InventoryManager: a comma-separated
 * host list, an inventory file (YAML tried first for no/.yml/.yaml/.json extensions, then INI), or a
 * directory whose entries are read in name order, skipping hidden files, group_vars/host_vars and
 * ignored extensions.
 *
 * <p>Differences on purpose: a source no parser accepts is an error (exit 1) with the parser's message and
 * line, where Ansible only warns and goes on without it. A missing source only warns, as in Ansible.
 */
public final class InventoryLoader {

    /** INVENTORY_IGNORE_EXTS of ansible-core 2.14 (directory entries with these endings are skipped). */
    static final List<String> IGNORED_EXTENSIONS = List.of(".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md",
            ".txt", ".rst", ".orig", ".ini", ".cfg", ".retry");
    private static final Pattern IGNORED_ALWAYS = Pattern.compile("^\\.|^host_vars$|^group_vars$|^vars_plugins$");
    private static final Set<String> YAML_EXTENSIONS = Set.of(".yaml", ".yml", ".json");

    /** The inventory Ansible reads when neither -i nor ANSIBLE_INVENTORY names one. */
    public static final String DEFAULT_SOURCE = "/etc/ansible/hosts";

    private final Inventory inventory;
    private final Pattern ignored;

    private InventoryLoader(Inventory inventory, List<String> ignoredExtensions, List<String> ignoredPatterns) {
        this.inventory = inventory;
        // Ansible's IGNORED: one regex of the fixed names, the patterns and the escaped extensions
        StringBuilder regex = new StringBuilder(IGNORED_ALWAYS.pattern());
        ignoredPatterns.forEach(p -> regex.append('|').append(p));
        ignoredExtensions.forEach(e -> regex.append('|').append(Pattern.quote(e)).append('$'));
        this.ignored = Pattern.compile(regex.toString());
    }

    /** Parses the sources in order into one inventory; warnings (Ansible's [WARNING]s) go to {@code warnings}. */
    public static Inventory load(List<String> sources, Consumer<String> warnings) {
        return load(sources, IGNORED_EXTENSIONS, List.of(), warnings);
    }

    /**
     * The inventory a command reads: the {@code -i} values, or when there are none ansible.cfg's
     * {@code inventory} (ANSIBLE_INVENTORY, default /etc/ansible/hosts); directory entries skipped per
     * ansible.cfg.
     */
    public static Inventory load(List<String> sources, AnsibleConfig config, Consumer<String> warnings) {
        List<String> chosen = sources.isEmpty()
                ? config.getPaths(Setting.DEFAULT_HOST_LIST).stream().map(Path::toString).toList()
                : sources;
        Inventory inventory = new Inventory(warnings, "merge".equals(config.getString(Setting.DEFAULT_HASH_BEHAVIOUR)));
        return load(inventory, chosen, config.getList(Setting.INVENTORY_IGNORE_EXTS),
                config.getList(Setting.INVENTORY_IGNORE_PATTERNS));
    }

    /**
     * As {@link #load(List, Consumer)} with ansible.cfg's INVENTORY_IGNORE_EXTS and INVENTORY_IGNORE_PATTERNS
     * (directory entries to skip).
     */
    public static Inventory load(List<String> sources, List<String> ignoredExtensions, List<String> ignoredPatterns,
                                 Consumer<String> warnings) {
        return load(new Inventory(warnings), sources, ignoredExtensions, ignoredPatterns);
    }

    private static Inventory load(Inventory inventory, List<String> sources, List<String> ignoredExtensions,
                                  List<String> ignoredPatterns) {
        InventoryLoader loader = new InventoryLoader(inventory, ignoredExtensions, ignoredPatterns);
        boolean parsed = false;
        for (String source : sources) {
            if (source == null || source.isEmpty()) {
                continue;
            }
            String normalized = source.contains(",") ? source : unfrackPath(source);
            inventory.addSource(normalized);
            if (loader.parseSource(normalized)) {
                parsed = true;
            }
        }
        if (parsed) {
            inventory.reconcile();
        } else {
            inventory.warn("No inventory was parsed, only implicit localhost is available");
        }
        return inventory;
    }

    /** Ansible's unfrackpath(follow=False): ~ and $VARS expanded, absolute, normalized, symlinks kept. */
    public static String unfrackPath(String path) {
        String expanded = path;
        if (expanded.equals("~") || expanded.startsWith("~/")) {
            expanded = System.getProperty("user.home") + expanded.substring(1);
        }
        expanded = expandVars(expanded);
        return Path.of(expanded).toAbsolutePath().normalize().toString();
    }

    private static String expandVars(String path) {
        var m = Pattern.compile("\\$(\\w+)|\\$\\{([^}]*)}").matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = System.getenv(name);
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private boolean parseSource(String source) {
        Path path = Path.of(source);
        boolean parsed = false;
        if (!source.contains(",") || Files.exists(path)) {
            if (Files.isDirectory(path)) {
                for (String entry : sortedEntries(path)) {
                    if (ignored.matcher(entry).find()) {
                        continue;
                    }
                    if (parseSource(path.resolve(entry).toString())) {
                        parsed = true;
                    }
                }
                return parsed;
            }
        }
        inventory.setCurrentSource(source);
        try {
            parsed = parseOne(source, path);
        } finally {
            inventory.setCurrentSource(null);
        }
        // Ansible stays silent about its default source when it does not exist
        if (!parsed && (!DEFAULT_SOURCE.equals(source) || Files.exists(path))) {
            inventory.warn("Unable to parse " + source + " as an inventory source");
        }
        return parsed;
    }

    private boolean parseOne(String source, Path path) {
        if (!Files.exists(path)) {
            if (source.contains(",")) {
                new HostListParser(inventory).parse(source);
                return true;
            }
            return false;
        }
        if (!Files.isReadable(path)) {
            return false;
        }
        String extension = extension(path.getFileName().toString());
        JplayException yamlFailure = null;
        if (extension.isEmpty() || YAML_EXTENSIONS.contains(extension)) {
            try {
                new YamlInventoryParser(inventory, path).parse();
                return true;
            } catch (JplayException e) {
                yamlFailure = e;
            }
        }
        try {
            new IniInventoryParser(inventory, path).parse(readLines(path));
            return true;
        } catch (JplayException iniFailure) {
            // a .yml file is meant to be YAML: its YAML error explains more than the INI parser's
            throw yamlFailure != null && !extension.isEmpty() ? yamlFailure : iniFailure;
        }
    }

    private static List<String> readLines(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new JplayException("Could not read '" + path + "': " + e.getMessage(), Location.of(path), e);
        }
    }

    private static List<String> sortedEntries(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = new ArrayList<>(entries.map(p -> p.getFileName().toString()).toList());
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new JplayException("Could not list '" + dir + "': " + e.getMessage(), Location.of(dir), e);
        }
    }

    /** Python's os.path.splitext extension: from the last dot, unless the name only starts with dots. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return "";
        }
        String stem = name.substring(0, dot);
        return stem.chars().allMatch(c -> c == '.') ? "" : name.substring(dot);
    }
}
