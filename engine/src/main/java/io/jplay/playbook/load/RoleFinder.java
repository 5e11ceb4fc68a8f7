package io.jplay.playbook.load;

import io.jplay.error.JplayException;
import io.jplay.error.Location;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a role's folder as Ansible's RoleDefinition._load_role_path does: {@code roles/} beside the playbook,
 * then roles_path, then the folder holding the role that depends on it, then the playbook's folder; finally the
 * name as a path. The role is named as written, or after its folder when it was given as a path.
 */
public final class RoleFinder {

    /** The role's name (as Ansible names it) and its folder. */
    public record FoundRole(String name, Path path) {
    }

    private final List<Path> rolesPath;

    public RoleFinder(List<Path> rolesPath) {
        this.rolesPath = List.copyOf(rolesPath);
    }

    public FoundRole find(String name, Path playbookDir, Path dependentRoleDir, Location location) {
        List<Path> searchPaths = new ArrayList<>();
        searchPaths.add(playbookDir.resolve("roles"));
        searchPaths.addAll(rolesPath);
        if (dependentRoleDir != null) {
            searchPaths.add(dependentRoleDir);
        }
        searchPaths.add(playbookDir);
        for (Path base : searchPaths) {
            Path candidate = base.resolve(expandUser(name)).normalize();
            if (Files.exists(candidate)) {
                return new FoundRole(name, candidate);
            }
        }
        Path asPath = playbookDir.resolve(expandUser(name)).normalize();
        if (Files.exists(asPath)) {
            return new FoundRole(asPath.getFileName().toString(), asPath);
        }
        List<String> searched = searchPaths.stream().map(Path::toString).toList();
        throw new JplayException("the role '" + name + "' was not found in " + String.join(":", searched), location);
    }

    private static String expandUser(String name) {
        return name.startsWith("~/") ? System.getProperty("user.home") + name.substring(1) : name;
    }
}
