package io.jplay.vars;

import io.jplay.yaml.YamlLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dict at group_vars/all, play vars and -e, under both hash behaviours; expected values are what
 * ansible-playbook 2.14.18 printed with ANSIBLE_HASH_BEHAVIOUR=replace and =merge.
 */
class HashBehaviourTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private Object d(HashBehaviour behaviour, List<String> extra) throws Exception {
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/all.yml"), "d: {a: 1, n: {x: 1, l: [1]}}\n");
        VariableManager manager = VariableManager.builder(new TestInventory().host("localhost", Map.of()))
                .playbookDir(dir, InventoryView.folder(dir, warning -> { }, behaviour))
                .extraVars(ExtraVars.parse(extra, dir, behaviour))
                .hashBehaviour(behaviour).build();
        VarsContext play = VarsContext.play().push(Precedence.PLAY_VARS, "play vars",
                (Map<String, Object>) YamlLoader.load("d: {b: 2, n: {y: 2, l: [2]}}", null));
        return manager.getVars("localhost", play, false).get("d");
    }

    private static Object json(String text) {
        return YamlLoader.load(text, null);
    }

    @Test
    void replaceKeepsTheHighestDictWhole() throws Exception {
        assertThat(d(HashBehaviour.REPLACE, List.of())).isEqualTo(json("{\"b\":2,\"n\":{\"l\":[2],\"y\":2}}"));
        assertThat(d(HashBehaviour.REPLACE, List.of("{\"d\": {\"c\": 3}}"))).isEqualTo(json("{\"c\":3}"));
    }

    @Test
    void mergeMergesDictsRecursivelyButReplacesLists() throws Exception {
        assertThat(d(HashBehaviour.MERGE, List.of()))
                .isEqualTo(json("{\"a\":1,\"b\":2,\"n\":{\"l\":[2],\"x\":1,\"y\":2}}"));
        assertThat(d(HashBehaviour.MERGE, List.of("{\"d\": {\"c\": 3}}")))
                .isEqualTo(json("{\"a\":1,\"b\":2,\"c\":3,\"n\":{\"l\":[2],\"x\":1,\"y\":2}}"));
    }

    @Test
    void settingValues() {
        assertThat(HashBehaviour.fromSetting(null)).isEqualTo(HashBehaviour.REPLACE);
        assertThat(HashBehaviour.fromSetting("merge")).isEqualTo(HashBehaviour.MERGE);
    }
}
