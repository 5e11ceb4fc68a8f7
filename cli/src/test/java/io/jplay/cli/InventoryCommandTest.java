package io.jplay.cli;

import io.jplay.testing.SharedData;
import io.jplay.yaml.YamlLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code jplay inventory} end to end through Main.run, against ansible-inventory 2.14.18's golden outputs. */
class InventoryCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static Path kubesprayInventory() {
        return SharedData.resolve("kubespray-data/config/inventory.ini");
    }

    private static String golden(String name) throws IOException {
        return Files.readString(SharedData.resolve("golden/" + name), StandardCharsets.UTF_8);
    }

    @Test
    void kubesprayListEqualsAnsibleInventoryList() throws IOException {
        assertThat(run("inventory", "-i", kubesprayInventory().toString(), "--list")).isEqualTo(0);
        Object expected = YamlLoader.load(golden("kubespray-inventory.list.json"), null);
        assertThat(YamlLoader.load(out.toString(), null)).isEqualTo(expected);
        // and byte for byte: same key order, indent and number formats as Python's json.dumps
        assertThat(out.toString()).isEqualTo(golden("kubespray-inventory.list.json"));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void kubesprayGraphEqualsAnsibleInventoryGraph() throws IOException {
        assertThat(run("inventory", "-i", kubesprayInventory().toString(), "--graph")).isEqualTo(0);
        assertThat(out.toString()).isEqualTo(golden("kubespray-inventory.graph.txt"));
    }

    @Test
    void hostShowsOneHostsVarsWithExtraVarsOnTop() {
        assertThat(run("inventory", "-i", kubesprayInventory().toString(), "--host", "kube-node-01",
                "-e", "ansible_user=admin", "-e", "{\"extra\": [1]}")).isEqualTo(0);
        assertThat(out.toString()).contains("\"ansible_host\": \"172.20.0.24\",")
                .contains("\"ansible_user\": \"admin\",").contains("\"extra\": [\n        1\n    ],")
                .doesNotContain("etcd_deployment_type").doesNotContain("inventory_file");
    }

    @Test
    void extraVarsFromAnAtFileAreAnsiblesNotPicoclis() {
        Path env = SharedData.resolve("kubespray-data/config/env.yml");
        assertThat(run("inventory", "-i", kubesprayInventory().toString(), "--host", "kube-node-01",
                "-e", "@" + env)).isEqualTo(0);
        assertThat(out.toString()).contains("\"kube_version\": \"v1.22.5\",")
                .contains("\"etcd_deployment_type\": \"host\",").contains("\"registry_ip\": \"172.20.0.25\",");
    }

    @Test
    void extraVarsErrorsAreAnsiblesOptionsErrors() {
        assertThat(run("inventory", "-i", "a,", "--list", "-e", "./x.yml")).isEqualTo(5);
        assertThat(err.toString()).contains("ERROR! Please prepend extra_vars filename './x.yml' with '@'");
        assertThat(run("inventory", "-i", "a,", "--list", "-e", "[1,2]")).isEqualTo(5);
        assertThat(err.toString()).contains("ERROR! Invalid extra vars data supplied. '[1,2]' could not be made into a dictionary");
    }

    @Test
    void malformedInventoryLineIsOneErrorWithFileAndLineAndExitCode1(@TempDir Path dir) throws IOException {
        Path inventory = dir.resolve("hosts.ini");
        Files.writeString(inventory, "[web]\nweb1 ansible_host=10.0.0.1 oops\n");
        assertThat(run("inventory", "-i", inventory.toString(), "--list")).isEqualTo(1);
        assertThat(err.toString()).startsWith("ERROR! Expected key=value host variable assignment, got: oops\n\n"
                + "The error appears to be in '" + inventory + "': line 2, column 1")
                .contains("web1 ansible_host=10.0.0.1 oops")
                .containsOnlyOnce("ERROR!");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingSourceWarnsAndShowsAnEmptyInventory(@TempDir Path dir) {
        Path missing = dir.resolve("nothere.ini");
        assertThat(run("inventory", "-i", missing.toString(), "--graph")).isEqualTo(0);
        assertThat(out.toString()).isEqualTo("@all:\n  |--@ungrouped:\n");
        // warnings are wrapped at 79 columns as Ansible's; the temp path has no hyphens to break at
        assertThat(err.toString().replace("\n", " ")).isEqualTo("[WARNING]: Unable to parse " + missing
                + " as an inventory source [WARNING]: No inventory was parsed, only implicit localhost is available ");
    }

    @Test
    void actionsAreRequiredAndExclusiveWithAnsiblesOptionsExitCode() {
        assertThat(run("inventory", "-i", "a,b,")).isEqualTo(5);
        assertThat(err.toString()).contains("No action selected, at least one of --host, --graph or --list needs to be specified.");
        assertThat(run("inventory", "-i", "a,b,", "--list", "--graph")).isEqualTo(5);
        assertThat(err.toString()).contains("Conflicting options used, only one of --host, --graph or --list can be used at the same time.");
    }

    @Test
    void graphOfAnUnknownGroupFailsWithExitCode5() {
        assertThat(run("inventory", "-i", "a,b,", "--graph", "nope")).isEqualTo(5);
        assertThat(err.toString()).contains("ERROR! Pattern must be valid group name when using --graph");
    }
}
