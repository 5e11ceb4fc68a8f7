package io.jplay.playbook;

import io.jplay.error.Location;
import io.jplay.yaml.YamlMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code roles:} list (of a play, or of a role's meta dependencies): each entry a name, or a map with
 * {@code role:}/{@code name:}, keywords and parameters.
 */
public final class RoleListParser {

    private RoleListParser() {
    }

    public static List<RoleReference> parse(Object list, Location owner) {
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof List<?> items)) {
            throw ParserErrors.error("A malformed role declaration was encountered.", owner);
        }
        List<RoleReference> roles = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            Object item = items.get(index);
            Location location = item instanceof YamlMap yamlMap ? yamlMap.location()
                    : items instanceof io.jplay.yaml.YamlList located ? located.locationOf(index) : owner;
            if (item instanceof String name) {
                roles.add(new RoleReference(name, Map.of(), Map.of(), location));
                continue;
            }
            if (!(item instanceof Map<?, ?> map)) {
                throw ParserErrors.error("A malformed role declaration was encountered.", location);
            }
            Map<String, Object> ds = ActionParser.stringKeys(map);
            Object name = ds.containsKey("role") ? ds.get("role") : ds.get("name");
            if (name == null) {
                throw ParserErrors.error("role definitions must contain a role name", location);
            }
            Map<String, Object> keywords = new LinkedHashMap<>();
            Map<String, Object> params = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ds.entrySet()) {
                if (e.getKey().equals("role") || (e.getKey().equals("name") && !ds.containsKey("role"))) {
                    continue;
                }
                if (Keywords.ROLE_ENTRY.contains(e.getKey())) {
                    keywords.put(e.getKey(), e.getValue());
                } else {
                    params.put(e.getKey(), e.getValue());
                }
            }
            roles.add(new RoleReference(String.valueOf(name), keywords, params, location));
        }
        return roles;
    }
}
