package io.jplay.inventory;

import io.jplay.error.JplayException;
import io.jplay.error.Location;
import io.jplay.python.PythonLiteral;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's INI inventory plugin: {@code [group]}, {@code [group:vars]}, {@code [group:children]} sections,
 * host lines with ranges, {@code host:port} and {@code key=value} vars (shell-quoted, values read as Python
 * literals), group vars read as Python literals too, and its error messages with the line number.
 */
final class IniInventoryParser {

    private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?$",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$");

    private final Inventory inventory;
    private final Path file;
    private int lineNumber;

    /** A group named before its declaration: by [x:vars] or as a child in [y:children]. */
    private static final class Pending {
        final int line;
        final String state;
        final String name;
        final List<String> parents = new ArrayList<>();

        Pending(int line, String state, String name) {
            this.line = line;
            this.state = state;
            this.name = name;
        }
    }

    IniInventoryParser(Inventory inventory, Path file) {
        this.inventory = inventory;
        this.file = file;
    }

    void parse(List<String> lines) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        String groupName = "ungrouped";
        String state = "hosts";
        lineNumber = 0;
        for (String raw : lines) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.charAt(0) == ';' || line.charAt(0) == '#') {
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                groupName = section.group(1);
                String tag = section.group(2);
                state = tag == null ? "hosts" : tag;
                if (!List.of("hosts", "children", "vars").contains(state)) {
                    throw error("Section [" + groupName + ":" + state + "] has unknown type: " + state);
                }
                if (!inventory.groups().containsKey(groupName)) {
                    if ("vars".equals(state) && !pending.containsKey(groupName)) {
                        pending.put(groupName, new Pending(lineNumber, state, groupName));
                    }
                    inventory.addGroup(groupName);
                }
                if (pending.containsKey(groupName) && !"vars".equals(state)) {
                    if ("children".equals(pending.get(groupName).state)) {
                        addPendingChildren(groupName, pending);
                    } else {
                        pending.remove(groupName);
                    }
                }
                continue;
            } else if (line.startsWith("[") && line.endsWith("]")) {
                throw error("Invalid section entry: '" + line + "'. Please make sure that there are no spaces in the "
                        + "section entry, and that there are no other invalid characters");
            }
            switch (state) {
                case "hosts" -> parseHostLine(line, groupName);
                case "vars" -> {
                    int eq = line.indexOf('=');
                    if (eq < 0) {
                        throw error("Expected key=value, got: " + line);
                    }
                    String key = line.substring(0, eq).strip();
                    String value = line.substring(eq + 1).strip();
                    inventory.setVariable(groupName, key, PythonLiteral.evalOrText(value));
                }
                default -> {
                    Matcher m = GROUP_NAME.matcher(line);
                    if (!m.matches()) {
                        throw error("Expected group name, got: " + line);
                    }
                    String child = m.group(1);
                    if (!inventory.groups().containsKey(child)) {
                        Pending p = pending.computeIfAbsent(child, c -> new Pending(lineNumber, "children", c));
                        p.parents.add(groupName);
                    } else {
                        addChild(groupName, child);
                    }
                }
            }
        }
        for (Pending p : pending.values()) {
            lineNumber = p.line;
            if ("vars".equals(p.state)) {
                throw error("Section [" + p.name + ":vars] not valid for undefined group: " + p.name);
            }
            throw error("Section [" + p.parents.get(p.parents.size() - 1) + ":children] includes undefined group: "
                    + p.name);
        }
    }

    private void addPendingChildren(String group, Map<String, Pending> pending) {
        for (String parent : pending.get(group).parents) {
            addChild(parent, group);
            if (pending.containsKey(parent) && "children".equals(pending.get(parent).state)) {
                addPendingChildren(parent, pending);
            }
        }
        pending.remove(group);
    }

    private void addChild(String parent, String child) {
        try {
            inventory.addChild(parent, child);
        } catch (JplayException e) {
            throw error(e.getMessage());
        }
    }

    private void parseHostLine(String line, String groupName) {
        List<String> tokens;
        try {
            tokens = PosixShlex.split(line);
        } catch (PosixShlex.ShlexException e) {
            throw error("Error parsing host definition '" + line + "': " + e.getMessage());
        }
        if (tokens.isEmpty()) {
            // Ansible fails here with Python's bare "list index out of range"; say what the line lacks instead.
            throw error("Expected a host name at the start of the line, got: " + line);
        }
        HostPatternExpansion expansion;
        try {
            expansion = HostPatternExpansion.of(tokens.get(0));
        } catch (JplayException e) {
            // Ansible passes on Python's unpacking error ("not enough values to unpack"), which names no cause.
            if (tokens.get(0).startsWith("[")) {
                throw error("Invalid section entry: '" + line + "'. A section header is [name], [name:vars] or "
                        + "[name:children], closed with ']' on the same line.");
            }
            throw error(e.getMessage());
        }
        if (tokens.get(0).strip().endsWith(":") && expansion.port() == null) {
            throw error("Invalid host pattern '" + tokens.get(0) + "' supplied, ending in ':' is not allowed, "
                    + "this character is reserved to provide a port.");
        }
        for (String name : expansion.hostnames()) {
            if ("---".equals(name.strip())) {
                throw error("Invalid host pattern '" + tokens.get(0) + "' supplied, '---' is normally a sign this is "
                        + "a YAML file.");
            }
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String token : tokens.subList(1, tokens.size())) {
            int eq = token.indexOf('=');
            if (eq < 0) {
                throw error("Expected key=value host variable assignment, got: " + token);
            }
            variables.put(token.substring(0, eq), PythonLiteral.evalOrText(token.substring(eq + 1)));
        }
        for (String host : expansion.hostnames()) {
            inventory.addHost(host, groupName, expansion.port());
            variables.forEach((k, v) -> inventory.setVariable(host, k, v));
        }
    }

    private JplayException error(String message) {
        return new JplayException(message, Location.of(file, lineNumber, 1));
    }
}
