package io.jplay.modules;

import io.jplay.module.Module;
import io.jplay.module.ModuleRegistry;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryTest {

    @Test
    void everyBuiltinModuleIsFoundByShortNameAndFqcn() {
        ModuleRegistry registry = Harness.registry();
        Set<String> names = new HashSet<>();
        for (Module module : registry.modules()) {
            assertThat(names.add(module.name())).as("registered twice: " + module.name()).isTrue();
            assertThat(registry.find(module.name())).containsSame(module);
            // ansible.builtin.X, or the collection's FQCN for modules Ansible ships in collections (ansible.posix ...)
            for (String alias : module.aliases()) {
                assertThat(registry.find(alias)).as(alias).containsSame(module);
            }
            assertThat(module.aliases()).as(module.name()).anyMatch(alias -> alias.endsWith("." + module.name()));
        }
        for (String core : new String[] {"command", "copy", "file", "template", "setup", "systemd", "service", "user", "apt",
            "get_url", "uri", "unarchive"}) {
            assertThat(registry.find("ansible.builtin." + core)).as(core).containsSame(registry.find(core).orElseThrow());
        }
        assertThat(names).contains("command", "shell", "raw", "script", "ping", "stat", "file", "copy", "slurp", "fetch",
                "lineinfile", "blockinfile", "replace", "find", "tempfile", "wait_for", "template", "setup", "systemd",
                "service", "sysctl", "user", "group", "modprobe", "hostname", "mount", "reboot", "selinux", "seboolean", "apt",
                "package", "apt_repository", "apt_key", "yum", "dnf", "yum_repository", "get_url", "uri", "unarchive", "authorized_key", "synchronize");
        assertThat(registry.find("gather_facts")).containsSame(registry.find("setup").orElseThrow());
        assertThat(registry.find("nope")).isEmpty();
        // modules Ansible ships in collections answer to their collection's FQCN too
        for (String fqcn : new String[] {"ansible.posix.sysctl", "ansible.posix.mount", "ansible.posix.selinux", "ansible.posix.seboolean",
            "community.general.modprobe", "ansible.builtin.systemd_service"}) {
            assertThat(registry.find(fqcn)).as(fqcn).isPresent();
        }
    }
}
