package io.jplay.inventory;

import io.jplay.error.JplayException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Malformed INI inventories: ansible-core 2.14's ini plugin messages (recorded from the plugin), with the
 * file and line in the location. Unlike Ansible, which only warns and goes on without the source, jplay
 * stops with the error.
 */
class InventoryErrorTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[g1]\\nh1 a\\n                  | 2 | Expected key=value host variable assignment, got: a",
            "[g:foo]\\nh\\n                  | 1 | Section [g:foo] has unknown type: foo",
            "[bad group]\\n                  | 1 | Invalid section entry: '[bad group]'. Please make sure that there are no spaces in the section entry, and that there are no other invalid characters",
            "[g:vars]\\nx\\n[g]\\nh\\n         | 2 | Expected key=value, got: x",
            "[g:vars]\\nx=1\\n               | 1 | Section [g:vars] not valid for undefined group: g",
            "[p:children]\\nnope\\n          | 2 | Section [p:children] includes undefined group: nope",
            "[p:children]\\nbad:x\\n         | 2 | Expected group name, got: bad:x",
            "h1 \"unclosed\\n                | 1 | Error parsing host definition 'h1 \"unclosed': No closing quotation",
            "web[01:100]\\n                  | 1 | host range must specify equal-length begin and end formats",
            "host:\\n                        | 1 | Invalid host pattern 'host:' supplied, ending in ':' is not allowed, this character is reserved to provide a port.",
            "[a:children]\\nb\\n[b:children]\\na\\n | 4 | Adding group 'a' as child to 'b' creates a recursive dependency loop.",
            "[g]\\nh x=1 y\\n                | 2 | Expected key=value host variable assignment, got: y",
            // Ansible says "not enough values to unpack (expected 3, got 2)" here; jplay names the cause.
            "[web]\\nh1\\n[web:vars\\nx=1\\n     | 3 | Invalid section entry: '[web:vars'. A section header is [name], [name:vars] or [name:children], closed with ']' on the same line.",
    })
    void malformedLinesNameTheFileAndLine(String text, int line, String message) {
        Path file = dir.resolve("inventory.ini");
        JplayException e = catchThrowableOfType(
                () -> Fixtures.loadText(dir, "inventory.ini", text.strip().replace("\\n", "\n")), JplayException.class);
        assertThat(e).hasMessage(message);
        assertThat(e.location().file()).isEqualTo(file.toString());
        assertThat(e.location().line()).isEqualTo(line);
        assertThat(e.exitCode()).isEqualTo(1);
    }

    @Test
    void aMissingSourceOnlyWarnsAsAnsibleDoes() {
        List<String> warnings = new ArrayList<>();
        Inventory inventory = InventoryLoader.load(List.of(dir.resolve("nothere.ini").toString()), warnings::add);
        assertThat(warnings).containsExactly(
                "Unable to parse " + dir.resolve("nothere.ini") + " as an inventory source",
                "No inventory was parsed, only implicit localhost is available");
        assertThat(inventory.hosts()).isEmpty();
        assertThat(inventory.group("all").childGroups()).extracting(Group::name).containsExactly("ungrouped");
    }

    @Test
    void yamlInventoryErrors() {
        JplayException notADict = catchThrowableOfType(
                () -> Fixtures.loadText(dir, "inv.yml", "- a\n- b\n"), JplayException.class);
        assertThat(notADict).hasMessage("YAML inventory has invalid structure, it should be a dictionary, got: <class 'ansible.parsing.yaml.objects.AnsibleSequence'>");
        JplayException badHosts = catchThrowableOfType(
                () -> Fixtures.loadText(dir, "inv2.yml", "web:\n  hosts: [a, b]\n"), JplayException.class);
        assertThat(badHosts).hasMessage("Invalid \"hosts\" entry for \"web\" group, requires a dictionary, found \"<class 'ansible.parsing.yaml.objects.AnsibleSequence'>\" instead.");
        assertThat(badHosts.location().line()).isEqualTo(2);
    }
}
