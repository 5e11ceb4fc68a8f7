package io.jplay.modules;

import io.jplay.module.Module;
import io.jplay.module.ModuleRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryTest {

    @Test
    void everyBuiltinModuleIsFoundByShortNameAndFqcn() {
        ModuleRegistry registry = Harness.registry();
        String[] names = {"command", "shell", "raw", "script", "ping", "stat", "file", "copy", "slurp", "fetch",
            "lineinfile", "blockinfile", "replace", "find", "tempfile", "wait_for", "template"};
        for (String name : names) {
            Module module = registry.find(name).orElseThrow(() -> new AssertionError("missing " + name));
            assertThat(registry.find("ansible.builtin." + name)).containsSame(module);
            assertThat(registry.find("ansible.legacy." + name)).containsSame(module);
        }
        assertThat(registry.modules()).hasSize(names.length + NET_MODULES.length);
        assertThat(registry.find("nope")).isEmpty();
    }

    /** The network and file-content modules, each with the FQCN of the collection that ships it in Ansible. */
    static final String[][] NET_MODULES = {{"get_url", "ansible.builtin"}, {"uri", "ansible.builtin"},
        {"unarchive", "ansible.builtin"}, {"ini_file", "community.general"}, {"authorized_key", "ansible.posix"},
        {"synchronize", "ansible.posix"}};

    @Test
    void netModulesAreFoundByTheirCollectionNames() {
        ModuleRegistry registry = Harness.registry();
        for (String[] entry : NET_MODULES) {
            Module module = registry.find(entry[0]).orElseThrow(() -> new AssertionError("missing " + entry[0]));
            assertThat(registry.find(entry[1] + "." + entry[0])).containsSame(module);
            assertThat(registry.find("ansible.legacy." + entry[0])).containsSame(module);
        }
    }
}
