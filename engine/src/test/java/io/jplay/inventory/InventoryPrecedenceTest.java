package io.jplay.inventory;

import io.jplay.config.AnsibleConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group order and merged inventory vars, against precedence/ (a YAML inventory with group_vars files and
 * directories, host_vars, priorities); expected values recorded with ansible-inventory --host/--list.
 */
class InventoryPrecedenceTest {

    private final Inventory inventory = Fixtures.load("precedence/hosts.yml");
    private final InventoryVars vars = new InventoryVars(inventory, List.of(), null);

    @Test
    void groupsSortByDepthThenPriorityThenName() {
        assertThat(GroupOrder.hostGroups(inventory.host("db1"))).extracting(Group::name)
                .containsExactly("app", "db", "backend");
        // web is both a child of all and of app: its depth is the longest path
        assertThat(inventory.group("web").depth()).isEqualTo(2);
        assertThat(GroupOrder.hostGroups(inventory.host("web3"))).extracting(Group::name)
                .containsExactly("app", "lonely", "web");
        assertThat(inventory.group("db").priority()).isEqualTo(10);
    }

    @Test
    void hostInlineVarsBeatGroupVarsFilesAndHostVarsFilesBeatEverything() {
        assertThat(vars.hostVars(inventory.host("web2"))).containsEntry("layer", "web2-inline");
        Map<String, Object> web1 = vars.hostVars(inventory.host("web1"));
        assertThat(web1).containsEntry("layer", "web1-host_vars");
        assertThat(numbers(web1.get("port_like"))).containsExactly(8080L);
        assertThat(vars.hostVars(inventory.host("db1"))).containsEntry("layer", "db1-host_vars");
    }

    @Test
    void groupVarsFilesOfAnyGroupBeatInventoryVarsOfDeeperGroups() {
        // web's inventory vars are deeper than lonely's, but group_vars/web/a.yml comes after all inventory vars
        assertThat(vars.hostVars(inventory.host("web3"))).containsEntry("layer", "web-a");
        assertThat(vars.hostVars(inventory.host("api"))).containsEntry("layer", "backend-yml")
                .containsEntry("ansible_port", 6022L);
    }

    @Test
    void groupVarsDirectoryMergesFilesInNameOrderRecursivelyAndReplacesDicts() {
        Map<String, Object> web1 = vars.hostVars(inventory.host("web1"));
        assertThat(web1).containsEntry("shared", "c").containsEntry("from_a", "a")
                .containsEntry("nested", Map.of("replaced", true));
        assertThat(numbers(web1.get("from_b"))).containsExactly(1L, 2L);
        Map<String, Object> db1 = vars.hostVars(inventory.host("db1"));
        assertThat(db1.get("nested")).hasToString("{a=1, b={c=2}}");
        assertThat(db1).containsEntry("all_only", "from-all").containsEntry("all_file", true)
                .containsEntry("app_only", true);
        assertThat(numbers(db1.get("app_json"))).containsExactly(1L);
    }

    /** YAML numbers may be Integer or Long: compare by value. */
    private static List<Long> numbers(Object value) {
        List<?> items = value instanceof List<?> l ? l : List.of(value);
        return items.stream().map(n -> ((Number) n).longValue()).toList();
    }

    @Test
    void aDirectoryNamedLikeTheGroupWinsOverItsYmlFile() {
        VarsDirectory dir = new VarsDirectory(Fixtures.path("precedence"), null);
        assertThat(dir.groupVars("db")).containsExactly(Map.entry("layer", "db-dir-file"));
        assertThat(dir.groupVars("lonely")).isEmpty();
        assertThat(dir.hostVars("nobody")).isEmpty();
    }

    @Test
    void groupVarsAllFileBeatsEveryGroupsInventoryVars(@TempDir Path dir) throws IOException {
        // ansible-core 2.14 (VARIABLE_PRECEDENCE): all_inventory, groups_inventory, then all_plugins_inventory
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/all.yml"), "x: gv-all\n");
        Inventory inv = Fixtures.loadText(dir, "hosts.ini", "[g]\nh1\n[g:vars]\nx=inv-g\n[all:vars]\nx=inv-all\n");
        assertThat(new InventoryVars(inv, List.of(), null).hostVars(inv.host("h1"))).containsEntry("x", "gv-all");
    }

    @Test
    void playbookDirectoryVarsComeAfterTheInventorySources(@TempDir Path play) throws IOException {
        Files.createDirectories(play.resolve("group_vars"));
        Files.createDirectories(play.resolve("host_vars"));
        Files.writeString(play.resolve("group_vars/all.yml"), "all_file: from-play\nlayer: play-all\n");
        Files.writeString(play.resolve("group_vars/web.yml"), "shared: play-web\n");
        Files.writeString(play.resolve("host_vars/web1.yml"), "layer: play-web1\n");
        InventoryVars withPlay = vars.withPlaybookDirs(List.of(play));
        assertThat(withPlay.hostVars(inventory.host("web1"))).containsEntry("all_file", "from-play")
                .containsEntry("shared", "play-web").containsEntry("layer", "play-web1");
        // group_vars/all of the play is still below the inventory's group_vars of other groups
        assertThat(withPlay.hostVars(inventory.host("web3"))).containsEntry("layer", "web-a");
    }

    @Test
    void hashBehaviourMergeFromAnsibleConfigMergesDictsSetTwice(@TempDir Path home) {
        // recorded with ANSIBLE_HASH_BEHAVIOUR=merge ansible-inventory --host h1
        AnsibleConfig config = AnsibleConfig.load(Map.of("ANSIBLE_HASH_BEHAVIOUR", "merge"), home, home);
        Inventory inv = InventoryLoader.load(List.of(Fixtures.path("hashmerge/inv.yml").toString()), config, w -> { });
        Map<String, Object> h1 = new InventoryVars(inv, List.of(), null, true).hostVars(inv.host("h1"));
        assertThat(h1.get("d")).hasToString("{a=1, n={x=1, y=2}, b=2}");
        assertThat(h1.get("gd")).hasToString("{a=1, b=2}");

        Inventory replaced = Fixtures.load("hashmerge/inv.yml");
        Map<String, Object> r1 = new InventoryVars(replaced, List.of(), null).hostVars(replaced.host("h1"));
        assertThat(r1.get("d")).hasToString("{b=2, n={y=2}}");
        assertThat(r1.get("gd")).hasToString("{b=2}");
    }

    @Test
    void hostsKnowTheirSourceAndMagicNames() {
        Host api = inventory.host("api");
        assertThat(api.inventoryFile()).isEqualTo(Fixtures.path("precedence/hosts.yml").toString());
        assertThat(api.inventoryDir()).isEqualTo(Fixtures.path("precedence").toString());
        assertThat(api.groupNames()).containsExactly("app", "backend");
        assertThat(InventoryVars.magicVars(inventory.host("web1"))).containsEntry("inventory_hostname_short", "web1");
    }
}
