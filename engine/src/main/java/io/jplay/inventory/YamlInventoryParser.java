package io.jplay.inventory;

import io.jplay.error.JplayException;
import io.jplay.error.Location;
import io.jplay.python.PythonRepr;
import io.jplay.yaml.YamlLoader;
import io.jplay.yaml.YamlMap;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ansible's YAML inventory plugin: groups with {@code hosts}, {@code vars} and {@code children} (nested to
 * any depth), hosts as patterns with ranges and {@code host:port}, warnings for keys it skips.
 */
final class YamlInventoryParser {

    private final Inventory inventory;
    private final Path file;

    YamlInventoryParser(Inventory inventory, Path file) {
        this.inventory = inventory;
        this.file = file;
    }

    void parse() {
        Object data = YamlLoader.loadFile(file);
        if (data == null || data instanceof Map<?, ?> m && m.isEmpty() || "".equals(data)) {
            throw error("Parsed empty YAML file", data);
        }
        if (!(data instanceof Map<?, ?> map)) {
            throw error("YAML inventory has invalid structure, it should be a dictionary, got: "
                    + PythonTypes.yamlTypeName(data), data);
        }
        Object plugin = map.get("plugin");
        if (plugin != null && !Boolean.FALSE.equals(plugin) && !"".equals(plugin)) {
            throw error("Plugin configuration YAML file, not YAML inventory", data);
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            parseGroup(String.valueOf(e.getKey()), e.getValue());
        }
    }

    private String parseGroup(String group, Object groupData) {
        if (!(groupData == null || groupData instanceof Map<?, ?>)) {
            inventory.warn("Skipping '" + group + "' as this is not a valid group definition");
            return group;
        }
        try {
            group = inventory.addGroup(group);
        } catch (JplayException e) {
            throw error("Unable to add group " + group + ": " + e.getMessage(), groupData);
        }
        if (groupData == null) {
            return group;
        }
        Map<String, Object> sections = new LinkedHashMap<>();
        ((Map<?, ?>) groupData).forEach((k, v) -> sections.put(String.valueOf(k), v));
        for (String section : new String[]{"vars", "children", "hosts"}) {
            if (sections.containsKey(section)) {
                Object value = sections.get(section);
                if (value instanceof CharSequence s) {
                    Map<String, Object> single = new LinkedHashMap<>();
                    single.put(s.toString(), null);
                    sections.put(section, single);
                } else if (!(value == null || value instanceof Map<?, ?>)) {
                    throw error("Invalid \"" + section + "\" entry for \"" + group + "\" group, requires a dictionary, "
                            + "found \"" + PythonTypes.yamlTypeName(value) + "\" instead.", groupData);
                }
            }
        }
        for (Map.Entry<String, Object> entry : sections.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (value != null && !(value instanceof Map<?, ?>)) {
                inventory.warn("Skipping key (" + key + ") in group (" + group + ") as it is not a mapping, it is a "
                        + PythonTypes.yamlTypeName(value));
                continue;
            }
            if (value == null) {
                continue;
            }
            Map<?, ?> content = (Map<?, ?>) value;
            switch (key) {
                case "vars" -> {
                    for (Map.Entry<?, ?> v : content.entrySet()) {
                        inventory.setVariable(group, String.valueOf(v.getKey()), v.getValue());
                    }
                }
                case "children" -> {
                    for (Map.Entry<?, ?> child : content.entrySet()) {
                        String sub = parseGroup(String.valueOf(child.getKey()), child.getValue());
                        try {
                            inventory.addChild(group, sub);
                        } catch (JplayException e) {
                            throw error(e.getMessage(), content);
                        }
                    }
                }
                case "hosts" -> {
                    for (Map.Entry<?, ?> host : content.entrySet()) {
                        HostPatternExpansion expansion = HostPatternExpansion.of(String.valueOf(host.getKey()));
                        Object hostVars = host.getValue() == null ? Map.of() : host.getValue();
                        if (!(hostVars instanceof Map<?, ?> vars)) {
                            throw error("Invalid data from file, expected dictionary and got:\n\n"
                                    + PythonRepr.str(hostVars, PythonRepr.NO_VAULT_SECRETS), content);
                        }
                        for (String name : expansion.hostnames()) {
                            inventory.addHost(name, group, expansion.port());
                            vars.forEach((k, v) -> inventory.setVariable(name, String.valueOf(k), v));
                        }
                    }
                }
                default -> inventory.warn("Skipping unexpected key (" + key + ") in group (" + group
                        + "), only \"vars\", \"children\" and \"hosts\" are valid");
            }
        }
        return group;
    }

    private JplayException error(String message, Object near) {
        Location where = near instanceof YamlMap m ? m.location() : Location.of(file);
        return new JplayException(message, where);
    }
}
