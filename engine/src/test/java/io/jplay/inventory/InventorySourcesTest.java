package io.jplay.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which parser reads a source, and which directory entries are read (checked with ansible-inventory 2.14). */
class InventorySourcesTest {

    @TempDir
    Path dir;

    private List<String> hostNames(Inventory inventory) {
        return new ArrayList<>(inventory.hosts().keySet());
    }

    @Test
    void fileWithoutExtensionIsYamlWhenItIsAYamlInventoryElseIni() throws IOException {
        Files.writeString(dir.resolve("yamlnoext"), "all:\n  hosts:\n    y1:\n");
        Files.writeString(dir.resolve("ininoext"), "[g]\ni1\n");
        Inventory inv = InventoryLoader.load(List.of(dir.resolve("yamlnoext").toString(),
                dir.resolve("ininoext").toString()), w -> { });
        assertThat(inv.group("ungrouped").hosts()).extracting(Host::name).containsExactly("y1");
        assertThat(inv.group("g").hosts()).extracting(Host::name).containsExactly("i1");
    }

    @Test
    void ymlFileThatIsNoYamlFallsBackToIni() throws IOException {
        Files.writeString(dir.resolve("looks.yml"), "[g]\nj1\n");
        Inventory inv = InventoryLoader.load(List.of(dir.resolve("looks.yml").toString()), w -> { });
        assertThat(inv.group("g").hosts()).extracting(Host::name).containsExactly("j1");
    }

    @Test
    void directoryEntriesSkippedByConfiguredExtensionsAndPatterns() throws IOException {
        Path d = Files.createDirectories(dir.resolve("d"));
        Files.writeString(d.resolve("a.conf"), "[g]\nk1\n");
        Files.writeString(d.resolve("skip-me"), "[g]\nk2\n");
        Files.writeString(d.resolve("b.ini"), "[g]\nk3\n");
        Inventory inv = InventoryLoader.load(List.of(d.toString()), List.of(".conf"), List.of("^skip"), w -> { });
        // with ANSIBLE_INVENTORY_IGNORE=.conf the default .ini exclusion no longer applies
        assertThat(hostNames(inv)).containsExactly("k3");
        Inventory defaults = InventoryLoader.load(List.of(d.toString()), w -> { });
        assertThat(hostNames(defaults)).containsExactly("k1", "k2");
    }

    @Test
    void groupVarsThatIsAFileIsSkippedWithAWarning() throws IOException {
        Path d = Files.createDirectories(dir.resolve("gvfile"));
        Files.writeString(d.resolve("hosts"), "[g]\nz1\n");
        Files.writeString(d.resolve("group_vars"), "x: 1\n");
        List<String> warnings = new ArrayList<>();
        Inventory inv = InventoryLoader.load(List.of(d.resolve("hosts").toString()), warnings::add);
        assertThat(new InventoryVars(inv, List.of(), warnings::add).hostVars(inv.host("z1"))).doesNotContainKey("x");
        assertThat(warnings).containsExactly("Found group_vars that is not a directory, skipping: " + d.resolve("group_vars").toRealPath());
    }

    @Test
    void relativeSourcesBecomeAbsolutePaths() {
        assertThat(InventoryLoader.unfrackPath("a/../b/hosts"))
                .isEqualTo(Path.of("").toAbsolutePath().resolve("b/hosts").toString());
    }
}
