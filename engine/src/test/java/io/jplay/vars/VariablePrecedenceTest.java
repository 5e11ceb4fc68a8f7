package io.jplay.vars;

import io.jplay.inventory.InventoryLoader;
import io.jplay.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every adjacent pair of precedence levels, against what ansible-core 2.14.18 printed for the same files
 * (fixtures in resources io/jplay/vars; see their README). Variable pair_LOW__HIGH is defined at both
 * levels; its value names the winner.
 */
class VariablePrecedenceTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(VariablePrecedenceTest.class.getResource(name).toURI());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expectedMsg(Path dir) throws Exception {
        String json = Files.readString(dir.resolve("expected.json"))
                .replace("@PLAYBOOK_DIR@", dir.resolve("pb2").toString());
        return (Map<String, Object>) ((Map<String, Object>) YamlLoader.load(json, null)).get("msg");
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object data, Object... path) {
        Object current = data;
        for (Object step : path) {
            current = step instanceof Integer index ? ((List<Object>) current).get(index)
                    : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    @Test
    void levelsOfAPlaybookTaskWinInAnsiblesOrder() throws Exception {
        Path dir = fixture("precedence");
        Path pb = dir.resolve("pb");
        InventoryView inventory = new InventoryView(
                InventoryLoader.load(List.of(dir.resolve("inv/hosts.ini").toString()), warning -> { }));
        VariableManager.Builder builder = VariableManager.builder(inventory);
        inventory.sourceFolders(warning -> { }, HashBehaviour.REPLACE).forEach(builder::inventoryAdjacent);
        VariableManager manager = builder
                .playbookDir(pb, InventoryView.folder(pb, warning -> { }, HashBehaviour.REPLACE))
                .extraVars(ExtraVars.parse(List.of("@extra.yml"), dir))
                .build();

        Object play = at(YamlLoader.loadFile(pb.resolve("play.yml")), 0);
        RoleVars r1 = new RoleVarsLoader().load(pb.resolve("roles/r1"));
        manager.setHostFacts("h1", at(play, "tasks", 0, "fakefacts", "facts"));
        VarsFiles.loadMapping(pb.resolve("included.yml")).forEach((k, v) -> manager.setHostVariable("h1", k, v));
        manager.setNonPersistentFacts("h1", at(play, "tasks", 2, "set_fact"));

        VarsContext task = VarsContext.play()
                .push(Precedence.ROLE_DEFAULTS, "role r1 defaults", r1.defaults())
                .push(Precedence.PLAY_VARS, "play vars", at(play, "vars"))
                .push(Precedence.PLAY_VARS_FILES, "vars_file.yml", VarsFiles.loadMapping(pb.resolve("vars_file.yml")))
                .push(Precedence.ROLE_VARS, "role r1 vars", r1.vars())
                .push(Precedence.BLOCK_VARS, "block", at(play, "tasks", 3, "vars"))
                .push(Precedence.TASK_VARS, "debug", at(play, "tasks", 3, "block", 0, "vars"));

        Map<String, Object> vars = manager.getVars("h1", task, true);
        Map<String, Object> expected = expectedMsg(dir);
        assertThat(expected).hasSize(18);
        expected.forEach((name, winner) -> assertThat(vars.get(name)).as(name).isEqualTo(winner));
    }

    @Test
    void roleParamsAndIncludeParamsAndWhatHostvarsSees() throws Exception {
        Path dir = fixture("role-precedence");
        Path pb = dir.resolve("pb2");
        InventoryView inventory = new InventoryView(
                InventoryLoader.load(List.of(dir.resolve("inv/hosts.ini").toString()), warning -> { }));
        VariableManager manager = VariableManager.builder(inventory)
                .playbookDir(pb, InventoryView.folder(pb, warning -> { }, HashBehaviour.REPLACE))
                .extraVars(ExtraVars.parse(List.of("@extra2.yml"), dir))
                .build();
        Map<String, Object> roleEntry = at(YamlLoader.loadFile(pb.resolve("play.yml")), 0, "roles", 0);
        Map<String, Object> params = new java.util.LinkedHashMap<>(roleEntry);
        params.remove("role");
        Object tasks = YamlLoader.loadFile(pb.resolve("roles/r2/tasks/main.yml"));
        RoleVars r2 = new RoleVarsLoader().load(pb.resolve("roles/r2"));
        manager.setNonPersistentFacts("h1", at(tasks, 0, "set_fact"));

        VarsContext play = VarsContext.play()
                .push(Precedence.ROLE_DEFAULTS, "role r2 defaults", r2.defaults())
                .push(Precedence.PLAY_VARS, "play vars", Map.of("only_play", "play_vars"))
                .push(Precedence.MAGIC, "play", MagicVariables.play("all", List.of("r2"), List.of(),
                        List.of("h1"), List.of("h1"), List.of("h1")));
        Map<String, Object> includeVars = at(tasks, 1, "vars");
        VarsContext inner = play
                .push(Precedence.ROLE_DEFAULTS, "role r2 defaults", r2.defaults())
                .push(Precedence.ROLE_VARS, "role r2 vars", r2.vars())
                .push(Precedence.BLOCK_VARS, "include_tasks vars", includeVars)
                .push(Precedence.ROLE_PARAMS, "role r2 params", params)
                .push(Precedence.INCLUDE_PARAMS, "include_tasks params", includeVars)
                .push(Precedence.MAGIC, "role", MagicVariables.role("r2", pb.resolve("roles/r2"), "uuid"));

        Map<String, Object> vars = manager.getVars("h1", inner, true);
        Map<String, Object> expected = expectedMsg(dir);
        for (String name : List.of("pair_set_fact__role_params", "pair_role_params__include_params",
                "pair_include_params__extra_vars", "role_name", "role_path")) {
            assertThat(vars.get(name)).as(name).isEqualTo(expected.get(name));
        }
        assertThat(vars.get("ansible_role_names")).isEqualTo(expected.get("role_names"));
        assertThat(vars.get("ansible_play_role_names")).isEqualTo(expected.get("play_role_names"));

        Map<String, Object> hostvars = at(vars, "hostvars");
        Map<String, Object> own = at(hostvars, "h1");
        assertThat(own.getOrDefault("only_default", "undefined")).isEqualTo(expected.get("hostvars_sees_default"));
        assertThat(own.getOrDefault("only_play", "undefined")).isEqualTo(expected.get("hostvars_sees_play_var"));
        assertThat(own.get("pair_set_fact__role_params")).isEqualTo(expected.get("hostvars_sees_set_fact"));
        assertThat(own.get("only_inventory")).isEqualTo(expected.get("hostvars_sees_inventory"));
        assertThat(own).doesNotContainKey("hostvars").doesNotContainKey("vars");
    }
}
