package io.jplay.vars;

import io.jplay.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Facts as variables; ansible-playbook 2.14.18 was given the same facts from a module. */
class FactsTest {

    @SuppressWarnings("unchecked")
    private final Map<String, Object> facts = (Map<String, Object>) YamlLoader.load("{ansible_os_family: Debian, "
            + "ansible_host: 10.9.9.9, ansible_python_interpreter: /x, ansible_ssh_host_key_rsa_public: K, "
            + "ansible_ssh_extra: y, ansible_docker0_bridge: b, custom: c, ansible_local: {l: 1}}", null);

    private Map<String, Object> varsWithFacts(boolean inject) {
        VariableManager manager = VariableManager.builder(new TestInventory().host("h", Map.of()))
                .injectFactsAsVars(inject).build();
        manager.setHostFacts("h", facts);
        return manager.getVars("h", VarsContext.play(), false);
    }

    @Test
    void factsBecomeVariablesExceptConnectionAndInterpreterSettings() {
        Map<String, Object> vars = varsWithFacts(true);
        assertThat(vars).containsEntry("ansible_os_family", "Debian").containsEntry("custom", "c")
                .containsEntry("ansible_ssh_host_key_rsa_public", "K").containsEntry("ansible_docker0_bridge", "b")
                .containsEntry("ansible_local", Map.of("l", 1))
                .doesNotContainKeys("ansible_host", "ansible_python_interpreter", "ansible_ssh_extra");
    }

    @Test
    void ansibleFactsHoldsThemAllWithoutPrefix() {
        assertThat(varsWithFacts(true).get("ansible_facts")).isEqualTo(YamlLoader.load("{ansible_local: {l: 1}, "
                + "custom: c, docker0_bridge: b, host: 10.9.9.9, os_family: Debian, python_interpreter: /x, "
                + "ssh_extra: y, ssh_host_key_rsa_public: K}", null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutInjectionOnlyAnsibleLocalIsPromoted() {
        Map<String, Object> vars = varsWithFacts(false);
        assertThat(vars).containsEntry("ansible_local", Map.of("l", 1)).doesNotContainKeys("ansible_os_family", "custom");
        assertThat((Map<String, Object>) vars.get("ansible_facts")).containsEntry("os_family", "Debian");
    }
}
