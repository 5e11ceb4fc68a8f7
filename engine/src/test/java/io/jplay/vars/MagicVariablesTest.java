package io.jplay.vars;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Magic variables, with the values ansible-playbook 2.14.18 showed for the same inventory and options. */
class MagicVariablesTest {

    private final TestInventory inventory = new TestInventory()
            .host("h0.example.com", Map.of(), "ungrouped")
            .host("10.1.2.3", Map.of(), "ungrouped")
            .host("h1", Map.of("x", "1"), "web");

    private VariableManager manager() {
        return VariableManager.builder(inventory)
                .playbookDir(Path.of("playbooks/.."), null)
                .options(RunOptions.defaults(List.of("/srv/inventory/hosts.ini")))
                .build();
    }

    private static VarsContext playOverAll() {
        List<String> hosts = List.of("h0.example.com", "10.1.2.3", "h1");
        return VarsContext.play().push(Precedence.MAGIC, "play",
                MagicVariables.play("all", List.of(), List.of(), hosts, hosts, hosts));
    }

    @Test
    void hostNamesShortNamesAndGroupNames() {
        VariableManager manager = manager();
        Map<String, Object> h0 = manager.getVars("h0.example.com", playOverAll(), true);
        Map<String, Object> ip = manager.getVars("10.1.2.3", playOverAll(), true);
        Map<String, Object> h1 = manager.getVars("h1", playOverAll(), true);

        assertThat(h0).containsEntry("inventory_hostname", "h0.example.com")
                .containsEntry("inventory_hostname_short", "h0")
                .containsEntry("group_names", List.of("ungrouped"));
        assertThat(ip).containsEntry("inventory_hostname_short", "10.1.2.3");
        assertThat(h1).containsEntry("group_names", List.of("web"));
        assertThat(h1.get("groups")).isEqualTo(Map.of("all", List.of("h0.example.com", "10.1.2.3", "h1"),
                "ungrouped", List.of("h0.example.com", "10.1.2.3"), "web", List.of("h1")));
    }

    @Test
    void runOptionsVersionAndPlaybookDir() {
        Map<String, Object> vars = manager().getVars("h1", playOverAll(), true);

        Map<String, Object> version = new LinkedHashMap<>();
        version.put("full", "2.14.18");
        version.put("major", 2L);
        version.put("minor", 14L);
        version.put("revision", 18L);
        version.put("string", "2.14.18");
        assertThat(vars.get("ansible_version")).isEqualTo(version);
        assertThat(vars).containsEntry("ansible_check_mode", false).containsEntry("ansible_diff_mode", false)
                .containsEntry("ansible_forks", 5L).containsEntry("ansible_verbosity", 0L)
                .containsEntry("ansible_run_tags", List.of("all")).containsEntry("ansible_skip_tags", List.of())
                .containsEntry("ansible_inventory_sources", List.of("/srv/inventory/hosts.ini"))
                .containsEntry("ansible_config_file", null)
                .containsEntry("playbook_dir", Path.of("").toAbsolutePath().toString())
                .containsEntry("ansible_play_name", "all").containsEntry("ansible_facts", Map.of())
                .containsEntry("ansible_play_role_names", List.of()).doesNotContainKey("ansible_limit");
    }

    @Test
    void omitIsOnePlaceholderPerRun() {
        VariableManager run = manager();
        Object omit = run.getVars("h1", playOverAll(), true).get("omit");
        assertThat((String) omit).matches("__omit_place_holder__[0-9a-f]{40}");
        assertThat(run.getVars("h0.example.com", playOverAll(), true).get("omit")).isEqualTo(omit);
        assertThat(manager().omit()).isNotEqualTo(omit);
    }

    @Test
    void aPlayTaskSeesTheVariablesAnsibleListsInVars() {
        // vars.keys() of a play without roles, from the oracle; 'environment' is the executor's to add,
        // and ansible_playbook_python is left undefined: jplay runs no Python.
        List<String> oracle = List.of("x", "inventory_hostname", "inventory_hostname_short", "group_names",
                "ansible_facts", "playbook_dir", "ansible_config_file", "ansible_role_names",
                "ansible_play_role_names", "ansible_dependent_role_names", "role_names", "ansible_play_name",
                "groups", "ansible_play_hosts_all", "ansible_play_hosts", "ansible_play_batch", "play_hosts", "omit",
                "ansible_version", "ansible_check_mode", "ansible_diff_mode", "ansible_forks",
                "ansible_inventory_sources", "ansible_skip_tags", "ansible_run_tags", "ansible_verbosity",
                "hostvars");
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = (Map<String, Object>) manager().getVars("h1", playOverAll(), true).get("vars");
        assertThat(new ArrayList<>(vars.keySet())).containsExactlyElementsOf(oracle);
    }

    @Test
    void varsHoldsRawValuesThatAreNotRenderedInTheHostsScope() {
        // ansible 2.14: with foo: "{{ bar }}-x", {{ vars['foo'] }} gives the raw "{{ bar }}-x"
        VarsContext play = playOverAll().push(Precedence.PLAY_VARS, "play vars",
                Map.of("bar", "B", "foo", "{{ bar }}-x"));
        Object vars = manager().getVars("h1", play, true).get("vars");
        assertThat(vars).isNotInstanceOf(io.jplay.template.VariableScope.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> all = (Map<String, Object>) vars;
        assertThat(all).containsEntry("foo", "{{ bar }}-x").containsKey("hostvars");
        assertThat(manager().getVars("h1", VarsContext.NONE, false)).doesNotContainKey("vars");
    }

    @Test
    void delegatedHostVariablesKeepTheOriginalInventoryHostname() {
        Map<String, Object> delegated = manager().delegatedVars("h1", "h0.example.com", playOverAll());
        assertThat(delegated).containsEntry("x", "1").containsEntry("inventory_hostname", "h0.example.com")
                .containsEntry("group_names", List.of("web"));
    }

    @Test
    void hostvarsAreBuiltOnlyForTheHostsLookedUp() {
        List<String> asked = new ArrayList<>();
        TestInventory counting = new TestInventory() {
            @Override
            public Map<String, Object> hostVars(String host) {
                asked.add(host);
                return super.hostVars(host);
            }
        }.host("a", Map.of("v", "a"), "g").host("b", Map.of("v", "b"), "g");
        VariableManager manager = VariableManager.builder(counting).build();

        Map<String, Object> scope = manager.scope("a", playOverAll());
        assertThat(asked).containsExactly("a");
        @SuppressWarnings("unchecked")
        Map<String, Object> hostvars = (Map<String, Object>) scope.get("hostvars");
        assertThat(hostvars.keySet()).containsExactly("a", "b");
        assertThat(asked).containsExactly("a");
        @SuppressWarnings("unchecked")
        Map<String, Object> b = (Map<String, Object>) hostvars.get("b");
        assertThat(b).containsEntry("v", "b").containsEntry("inventory_hostname", "b")
                .doesNotContainKey("hostvars").doesNotContainKey("vars").doesNotContainKey("ansible_play_hosts");
        assertThat(asked).containsExactly("a", "b");
        assertThat(hostvars.get("nowhere")).isNull();
        assertThat(((io.jplay.template.VariableScope) b).hostName()).isEqualTo("b");
    }
}
