package io.jplay.execution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The action names ansible-core 2.14 resolves (resource {@code ansible-actions.txt}). A playbook that uses one
 * jplay does not run yet still loads, lists and syntax-checks as under Ansible; the task itself then fails
 * with a message saying jplay lacks that module, instead of the whole run being refused.
 */
final class AnsibleActionNames {

    private static final Set<String> NAMES = load();

    private AnsibleActionNames() {
    }

    /** {@code name} as written in a task: a short name, ansible.builtin.X / ansible.legacy.X, or a collection's FQCN. */
    static boolean knownToAnsible(String name) {
        String shortName = name.startsWith("ansible.builtin.") || name.startsWith("ansible.legacy.")
                ? name.substring(name.indexOf('.', "ansible.".length()) + 1) : name;
        // Other collections' FQCNs cannot be checked without the collections; Ansible would load them if installed.
        return NAMES.contains(shortName) || shortName.split("\\.").length >= 3;
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream in = AnsibleActionNames.class.getResourceAsStream("ansible-actions.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource ansible-actions.txt is missing from the jplay jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}
