package io.jplay.inventory;

import io.jplay.inventory.output.InventoryReport;
import io.jplay.inventory.output.PythonYaml;
import io.jplay.python.PythonJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ansible-inventory's outputs byte for byte, against files recorded with ansible-inventory 2.14.18 from an
 * empty directory (so no playbook-side group_vars).
 */
class InventoryOutputTest {

    private static InventoryReport report(Inventory inventory, boolean export) {
        InventoryVars vars = new InventoryVars(inventory, List.of(), null);
        return new InventoryReport(inventory, vars, vars, Map.of(), export);
    }

    private static InventoryReport report(String... sources) {
        return report(Fixtures.load(sources), false);
    }

    @Test
    void listOfYamlInventoryWithGroupVarsDirectories() {
        assertThat(inventoryJson(report("precedence/hosts.yml").list()) + "\n")
                .isEqualTo(Fixtures.expected("precedence.list.json"));
    }

    @Test
    void listWithHashBehaviourMerge() {
        Inventory inventory = Fixtures.load("precedence/hosts.yml");
        InventoryVars vars = new InventoryVars(inventory, List.of(), null, true);
        InventoryReport report = new InventoryReport(inventory, vars, vars, Map.of(), false);
        assertThat(inventoryJson(report.list()) + "\n").isEqualTo(Fixtures.expected("precedence.merge.list.json"));
    }

    @Test
    void listAsYaml() {
        assertThat(PythonYaml.dump(report("precedence/hosts.yml").yamlList()))
                .isEqualTo(Fixtures.expected("precedence.list.yaml"));
    }

    @Test
    void exportListsGroupVarsAndOnlyTheHostsOwnVars() {
        assertThat(inventoryJson(report(Fixtures.load("precedence/hosts.yml"), true).list()) + "\n")
                .isEqualTo(Fixtures.expected("precedence.export.json"));
    }

    @Test
    void graphWithVars() {
        assertThat(report("precedence/hosts.yml").graph("all", true) + "\n")
                .isEqualTo(Fixtures.expected("precedence.graph-vars.txt"));
    }

    @Test
    void iniRangesGraphAndList() {
        assertThat(report("ranges.ini").graph("all", false) + "\n").isEqualTo(Fixtures.expected("ranges.graph.txt"));
        assertThat(inventoryJson(report("ranges.ini").list()) + "\n").isEqualTo(Fixtures.expected("ranges.list.json"));
    }

    @Test
    void directoryInventoryReadsItsFilesInOrderAndSkipsIgnoredOnes() {
        // 03-skipped.ini, .retry, .orig, ~ and hidden files are ignored in a directory, as in Ansible
        assertThat(inventoryJson(report("dirinv").list()) + "\n").isEqualTo(Fixtures.expected("dirinv.list.json"));
    }

    @Test
    void severalSourcesMergeInOrderWithAHostList() {
        InventoryReport report = report("ranges.ini", "precedence/hosts.yml", "x1,x2:33,web1");
        assertThat(report.graph("all", false) + "\n").isEqualTo(Fixtures.expected("multi.graph.txt"));
        assertThat(inventoryJson(report.list()) + "\n").isEqualTo(Fixtures.expected("multi.list.json"));
    }

    @Test
    void hostAndGraphOfOneGroup() {
        InventoryReport report = report("precedence/hosts.yml");
        List<String> warnings = new java.util.ArrayList<>();
        assertThat(report.host("api", warnings::add)).containsEntry("layer", "backend-yml").containsEntry("ansible_port", 6022L)
                .doesNotContainKeys("inventory_file", "inventory_dir", "inventory_hostname", "group_names");
        assertThat(report.graph("backend", false)).isEqualTo("@backend:\n  |--db1\n  |--api");
        assertThatThrownBy(() -> report.host("nope", warnings::add))
                .hasMessage("You must pass a single valid host to --host parameter");
        assertThat(warnings).containsExactly("Could not match supplied host pattern, ignoring: nope");
    }

    @Test
    void scalarsQuotedFoldedAndPrintedAsPythonWould() {
        InventoryReport report = report("scalars/hosts.yml");
        assertThat(PythonYaml.dump(report.yamlList())).isEqualTo(Fixtures.expected("scalars.list.yaml"));
        assertThat(inventoryJson(report.list()) + "\n").isEqualTo(Fixtures.expected("scalars.list.json"));
        assertThat(report.graph("all", true) + "\n").isEqualTo(Fixtures.expected("scalars.graph-vars.txt"));
    }

    @Test
    void vaultedValuesStayCiphertextAndCannotBePrintedWithoutSecrets() {
        InventoryReport report = report("vault/hosts.ini");
        assertThat(inventoryJson(report.list()) + "\n").isEqualTo(Fixtures.expected("vault.list.json"));
        assertThat(PythonYaml.dump(report.yamlList())).isEqualTo(Fixtures.expected("vault.list.yaml"));
        assertThatThrownBy(() -> report.graph("all", true))
                .hasMessage("Attempting to decrypt but no vault secrets found");
    }

    @Test
    void pythonJsonFormatting() {
        assertThat(inventoryJson(Map.of("b", List.of(), "a", Map.of(), "c", 1e16, "d", "é\"\n\u0001")))
                .isEqualTo("{\n    \"a\": {},\n    \"b\": [],\n    \"c\": 1e+16,\n    \"d\": \"é\\\"\\n\\u0001\"\n}");
    }

    /** ansible-inventory's json.dumps(sort_keys=True, indent=4, ensure_ascii=False). */
    private static String inventoryJson(Object value) {
        return PythonJson.dumps(value, PythonJson.Options.unicode(4, true));
    }
}
