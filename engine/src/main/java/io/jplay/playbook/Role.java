package io.jplay.playbook;

import io.jplay.vars.RoleNode;
import io.jplay.vars.RoleVars;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role as loaded for a play: where it lives, its defaults/vars files, how it was listed (the entry's
 * keywords such as when/tags/become, its {@code vars:} and its parameters), its raw tasks and handlers, and
 * the roles it depends on (meta/main.yml), which run before it. The loader turns its tasks into blocks that
 * point back at it through {@link BlockOrigin}.
 *
 * <p>Ansible reuses one Role object for every listing of the same role with the same parameters in a play;
 * {@link #identity()} is that key, so the executor can run such a role once per host unless
 * {@link #allowDuplicates()}.
 */
public final class Role implements RoleNode {

    /** Everything that makes two listings of a role the same role (Role.load's hashed params). */
    public record Identity(Path path, Map<String, Object> params, Map<String, Object> keywords,
                           Map<String, Object> includeVars, Map<String, String> fromFiles, boolean fromInclude) {
    }

    private final String name;
    private final Path path;
    private final RoleVars files;
    private final Map<String, Object> keywords;
    private final Map<String, Object> includeVars;
    private final Map<String, Object> params;
    private final Map<String, String> fromFiles;
    private final boolean fromInclude;
    private final RoleFile tasks;
    private final RoleFile handlers;
    private final List<Role> dependencies;
    private final boolean allowDuplicates;

    /** A task or handler file of the role and what it holds (empty when the role has none). */
    public record RoleFile(Path file, List<TaskEntry> entries) {
        public RoleFile {
            entries = List.copyOf(entries);
        }
    }

    public Role(String name, Path path, RoleVars files, Map<String, Object> keywords, Map<String, Object> includeVars,
                Map<String, Object> params, Map<String, String> fromFiles, boolean fromInclude, RoleFile tasks,
                RoleFile handlers, List<Role> dependencies, boolean allowDuplicates) {
        this.name = name;
        this.path = path;
        this.files = files;
        this.keywords = copy(keywords);
        this.includeVars = copy(includeVars);
        this.params = copy(params);
        this.fromFiles = Collections.unmodifiableMap(new LinkedHashMap<>(fromFiles));
        this.fromInclude = fromInclude;
        this.tasks = tasks;
        this.handlers = handlers;
        this.dependencies = List.copyOf(dependencies);
        this.allowDuplicates = allowDuplicates;
    }

    @Override
    public String name() {
        return name;
    }

    /** The role's folder (Ansible's role_path). */
    public Path path() {
        return path;
    }

    @Override
    public RoleVars files() {
        return files;
    }

    /** The keywords of the entry that listed the role (when, tags, become, ...), inherited by its tasks. */
    public Map<String, Object> keywords() {
        return keywords;
    }

    @Override
    public Map<String, Object> includeVars() {
        return includeVars;
    }

    @Override
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public List<Role> dependencies() {
        return dependencies;
    }

    public RoleFile tasks() {
        return tasks;
    }

    public RoleFile handlers() {
        return handlers;
    }

    public boolean allowDuplicates() {
        return allowDuplicates;
    }

    public Identity identity() {
        return new Identity(path, params, keywords, includeVars, fromFiles, fromInclude);
    }

    @Override
    public String toString() {
        return name;
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
