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
            "lineinfile", "blockinfile", "replace", "find", "tempfile", "wait_for", "template",
            "systemd", "service", "sysctl", "modprobe", "user", "group", "hostname", "mount", "reboot", "selinux", "seboolean"};
        for (String name : names) {
            Module module = registry.find(name).orElseThrow(() -> new AssertionError("missing " + name));
            assertThat(registry.find("ansible.builtin." + name)).containsSame(module);
            assertThat(registry.find("ansible.legacy." + name)).containsSame(module);
        }
        assertThat(registry.modules()).hasSize(names.length);
        assertThat(registry.find("nope")).isEmpty();
        // modules Ansible ships in collections answer to their collection's FQCN too
        for (String fqcn : new String[] {"ansible.posix.sysctl", "ansible.posix.mount", "ansible.posix.selinux", "ansible.posix.seboolean",
            "community.general.modprobe", "ansible.builtin.systemd_service"}) {
            assertThat(registry.find(fqcn)).as(fqcn).isPresent();
        }
    }
}
