package io.jplay.inventory;

import io.jplay.error.JplayException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Host patterns as ansible-core's InventoryManager resolves them ({@code hosts:}, {@code ansible PATTERN},
 * {@code --limit}): {@code all}, {@code *}, groups and hosts by name, fnmatch wildcards, {@code ~regex},
 * {@code a:b} / {@code a,b} unions, {@code &} intersections, {@code !} exclusions, subscripts
 * {@code g[0]}, {@code g[-1]}, {@code g[1:3]}, {@code g[2:]}; the result keeps Ansible's order without duplicates.
 */
public final class HostPatternMatcher {

    private static final Pattern WITH_SUBSCRIPT = Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\\]$",
            Pattern.DOTALL);
    private static final Pattern COLON_SEPARATED = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");

    private final Inventory inventory;
    private final Consumer<String> warnings;
    private final Map<String, List<Host>> patternCache = new java.util.concurrent.ConcurrentHashMap<>();
    private List<String> subset;

    public HostPatternMatcher(Inventory inventory, Consumer<String> warnings) {
        this.inventory = inventory;
        this.warnings = warnings == null ? w -> { } : warnings;
    }

    /** Ansible's split_host_pattern: by commas, else by colons unless the whole is one address or range. */
    public static List<String> split(String pattern) {
        List<String> parts = new ArrayList<>();
        if (pattern.contains(",")) {
            parts.addAll(List.of(pattern.split(",", -1)));
        } else {
            try {
                HostAddress.parse(pattern, true);
                parts.add(pattern);
            } catch (JplayException e) {
                Matcher m = COLON_SEPARATED.matcher(pattern);
                while (m.find()) {
                    parts.add(m.group());
                }
            }
        }
        return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** --limit: a pattern, where {@code @file} items stand for the file's lines. Null removes the limit. */
    public void subset(String limit) {
        if (limit == null) {
            subset = null;
            return;
        }
        List<String> results = new ArrayList<>();
        for (String item : split(limit)) {
            if (item.startsWith("@")) {
                Path file = Path.of(item.substring(1));
                if (!Files.exists(file)) {
                    throw new JplayException("Unable to find limit file " + file);
                }
                if (!Files.isRegularFile(file)) {
                    throw new JplayException("Limit starting with \"@\" must be a file, not a directory: " + file);
                }
                try {
                    for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)) {
                        results.add(line.strip());
                    }
                } catch (IOException e) {
                    throw new JplayException("Unable to read limit file " + file + ": " + e.getMessage());
                }
            } else {
                results.add(item);
            }
        }
        subset = results;
    }

    /** Forgets what patterns matched: add_host and group_by changed the inventory (clear_pattern_cache). */
    public void clearCache() {
        patternCache.clear();
    }

    /** The hosts matching the pattern (and the --limit subset), in Ansible's order. */
    public List<Host> hosts(String pattern) {
        List<Host> hosts = evaluate(split(pattern));
        if (subset != null) {
            Set<Host> allowed = new LinkedHashSet<>(evaluate(subset));
            hosts = hosts.stream().filter(allowed::contains).toList();
        }
        return List.copyOf(new LinkedHashSet<>(hosts));
    }

    /** The host names matching the pattern. */
    public List<String> hostNames(String pattern) {
        return hosts(pattern).stream().map(Host::name).toList();
    }

    private List<Host> evaluate(List<String> patterns) {
        List<Host> hosts = new ArrayList<>();
        for (String p : orderPatterns(patterns)) {
            if (inventory.hosts().containsKey(p)) {
                hosts.add(inventory.hosts().get(p));
                continue;
            }
            List<Host> that = matchOne(p);
            if (p.charAt(0) == '!') {
                Set<Host> excluded = new LinkedHashSet<>(that);
                hosts.removeIf(excluded::contains);
            } else if (p.charAt(0) == '&') {
                Set<Host> kept = new LinkedHashSet<>(that);
                hosts.removeIf(h -> !kept.contains(h));
            } else {
                Set<String> existing = new LinkedHashSet<>();
                hosts.forEach(h -> existing.add(h.name()));
                for (Host h : that) {
                    if (!existing.contains(h.name())) {
                        hosts.add(h);
                    }
                }
            }
        }
        return hosts;
    }

    /** Plain patterns first, then intersections, then exclusions; only modifiers means 'all' plus them. */
    static List<String> orderPatterns(Collection<String> patterns) {
        List<String> regular = new ArrayList<>();
        List<String> intersection = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        for (String p : patterns) {
            if (p == null || p.isEmpty()) {
                continue;
            }
            if (p.charAt(0) == '!') {
                exclude.add(p);
            } else if (p.charAt(0) == '&') {
                intersection.add(p);
            } else {
                regular.add(p);
            }
        }
        if (regular.isEmpty()) {
            regular.add("all");
        }
        List<String> ordered = new ArrayList<>(regular);
        ordered.addAll(intersection);
        ordered.addAll(exclude);
        return ordered;
    }

    private List<Host> matchOne(String pattern) {
        if (pattern.charAt(0) == '&' || pattern.charAt(0) == '!') {
            pattern = pattern.substring(1);
        }
        List<Host> cached = patternCache.get(pattern);
        if (cached != null) {
            return cached;
        }
        String expr = pattern;
        int[] subscript = null;
        if (pattern.charAt(0) != '~') {
            Matcher m = WITH_SUBSCRIPT.matcher(pattern);
            if (m.matches()) {
                expr = m.group(1);
                if (m.group(2) != null) {
                    subscript = new int[]{Integer.parseInt(m.group(2)), 0};
                } else {
                    int end = m.group(5).isEmpty() ? -1 : Integer.parseInt(m.group(5));
                    subscript = new int[]{Integer.parseInt(m.group(3)), end};
                    if ("-".equals(m.group(4))) {
                        warnings.accept("Use [x:y] inclusive subscripts instead of [x-y] which has been removed");
                    }
                }
            }
        }
        List<Host> hosts = enumerate(expr);
        if (!hosts.isEmpty() && subscript != null) {
            hosts = applySubscript(hosts, subscript[0], subscript[1], pattern);
        }
        patternCache.put(pattern, hosts);
        return hosts;
    }

    private static List<Host> applySubscript(List<Host> hosts, int start, int end, String pattern) {
        int size = hosts.size();
        if (end != 0) {
            if (end == -1) {
                end = size - 1;
            }
            // Python's hosts[start:end + 1]
            int from = Math.min(start, size);
            int to = Math.max(from, Math.min(end + 1, size));
            return new ArrayList<>(hosts.subList(from, to));
        }
        int index = start < 0 ? size + start : start;
        if (index < 0 || index >= size) {
            throw new JplayException("No hosts matched the subscripted pattern '" + pattern + "'");
        }
        return List.of(hosts.get(index));
    }

    private List<Host> enumerate(String pattern) {
        List<Host> results = new ArrayList<>();
        Pattern regex = compile(pattern);
        List<String> matchingGroups = matchList(inventory.groups().keySet(), regex);
        for (String group : matchingGroups) {
            results.addAll(inventory.group(group).allHosts());
        }
        boolean special = pattern.charAt(0) == '~' || pattern.contains(".") || pattern.contains("?")
                || pattern.contains("*") || pattern.contains("[");
        if (matchingGroups.isEmpty() || special) {
            for (String host : matchList(inventory.hosts().keySet(), regex)) {
                results.add(inventory.hosts().get(host));
            }
        }
        if (results.isEmpty() && Inventory.LOCALHOST_NAMES.contains(pattern)) {
            Host implicit = inventory.host(pattern);
            if (implicit != null) {
                results.add(implicit);
            }
        }
        if (results.isEmpty() && matchingGroups.isEmpty() && !"all".equals(pattern)) {
            warnings.accept("Could not match supplied host pattern, ignoring: " + pattern);
        }
        return results;
    }

    private static Pattern compile(String pattern) {
        try {
            return pattern.charAt(0) == '~' ? Pattern.compile(pattern.substring(1)) : Fnmatch.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new JplayException("Invalid host list pattern: " + pattern);
        }
    }

    /** re.match: anchored at the start only (fnmatch patterns end with their own anchor). */
    private static List<String> matchList(Collection<String> items, Pattern pattern) {
        List<String> matched = new ArrayList<>();
        for (String item : items) {
            if (pattern.matcher(item).lookingAt()) {
                matched.add(item);
            }
        }
        return matched;
    }
}
