package io.jplay.vars;

import io.jplay.inventory.InventoryLoader;
import io.jplay.template.Templar;
import io.jplay.template.VariableScope;
import io.jplay.testing.SharedData;
import io.jplay.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main acceptance test of the variables: the 495 variables of kubespray's kubespray-defaults and
 * download roles, group_vars and env.yml, rendered for each of the 4 hosts of the kubespray inventory, as
 * ansible-core 2.14.18 rendered them (shared/golden/kubespray-vars; README there). Prints the match
 * percentage and every mismatch; fails if fewer values match than {@link #MATCHED_AT_LEAST}, which now is
 * all 1,980 of them.
 */
class KubesprayVarsGoldenTest {

    /** Values known to match today; raise it when more match, never lower it. */
    private static final int MATCHED_AT_LEAST = 1980;

    /** How a value is rendered: "{{ name }}" in the host's scope, as debug: msg did. */
    interface Renderer {
        Object render(VariableScope scope, String template);
    }

    @Test
    void everyKubesprayVariableOfEveryHostMatchesAnsible() throws Exception {
        Path shared = SharedData.root();
        Path golden = shared.resolve("golden/kubespray-vars");
        Path config = shared.resolve("kubespray-data/config");
        Path roles = shared.resolve("kubespray-data/roles");
        Path inventoryFile = config.resolve("inventory.ini");

        List<String> warnings = new ArrayList<>();
        InventoryView inventory = new InventoryView(
                InventoryLoader.load(List.of(inventoryFile.toString()), warnings::add));
        VariableManager.Builder builder = VariableManager.builder(inventory);
        inventory.sourceFolders(warnings::add, HashBehaviour.REPLACE).forEach(builder::inventoryAdjacent);
        VariableManager manager = builder
                .playbookDir(golden, InventoryView.folder(golden, warnings::add, HashBehaviour.REPLACE))
                .extraVars(ExtraVars.parse(List.of("@env.yml"), config))
                .options(new RunOptions(false, false, 4, List.of(inventoryFile.toString()), List.of(),
                        List.of("all"), null, 0))
                .build();

        RoleVarsLoader loader = new RoleVarsLoader();
        List<RoleVars> playRoles = List.of(loader.load(roles.resolve("kubespray-defaults")),
                loader.load(roles.resolve("download")));
        @SuppressWarnings("unchecked")
        Map<String, Object> play = (Map<String, Object>) ((List<Object>) YamlLoader.loadFile(
                golden.resolve("render2.yml"))).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> playVars = (Map<String, Object>) play.get("vars");

        VarsContext context = VarsContext.play();
        for (RoleVars role : playRoles) {
            context = context.push(Precedence.ROLE_DEFAULTS, "role '" + role.roleName() + "' defaults",
                    role.defaults());
        }
        context = context.push(Precedence.PLAY_VARS, "play vars", playVars);
        for (RoleVars role : playRoles) {
            context = context.push(Precedence.ROLE_VARS, "role '" + role.roleName() + "' vars", role.vars());
        }
        List<String> hosts = inventory.hostNames();
        List<String> roleNames = playRoles.stream().map(RoleVars::roleName).toList();
        context = context.push(Precedence.MAGIC, "play",
                MagicVariables.play("all", roleNames, List.of(), hosts, hosts, hosts));

        List<String> names = Files.readAllLines(golden.resolve("varnames.txt")).stream()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        Templar templar = new Templar();
        Renderer renderer = (scope, template) -> templar.template(template, scope);
        int total = 0;
        int matched = 0;
        Map<String, List<String>> mismatches = new TreeMap<>();
        for (String host : hosts) {
            Map<String, Object> expected = expectedValues(golden.resolve("expected/" + host + ".json"), shared);
            VariableScope scope = manager.scope(host, context);
            for (String name : names) {
                total++;
                Object actual;
                try {
                    actual = normalize(renderer.render(scope, "{{ " + name + " }}"));
                } catch (RuntimeException e) {
                    actual = "<error: " + tail(String.valueOf(e.getMessage())) + ">";
                }
                Object wanted = normalize(expected.get(name));
                if (wanted != null && wanted.equals(actual) || wanted == null && actual == null
                        && expected.containsKey(name)) {
                    matched++;
                } else {
                    mismatches.computeIfAbsent(name, key -> new ArrayList<>())
                            .add(host + ": " + difference(wanted, actual));
                }
            }
        }
        System.out.printf("kubespray vars golden: %d/%d values match (%.1f%%)%n", matched, total,
                100.0 * matched / total);
        mismatches.forEach((name, lines) -> {
            System.out.println("  " + name);
            lines.forEach(line -> System.out.println("    " + line));
        });
        assertThat(total).isEqualTo(names.size() * 4).isEqualTo(1980);
        assertThat(matched).as("values matching ansible-core 2.14.18").isGreaterThanOrEqualTo(MATCHED_AT_LEAST);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expectedValues(Path file, Path shared) throws Exception {
        String json = Files.readString(file).replace("@SHARED@", shared.toString());
        return (Map<String, Object>) YamlLoader.load(json, file);
    }

    /** JSON's view of a value: every integer a Long, every float a Double, maps compared without order. */
    private static Object normalize(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), normalize(item)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(KubesprayVarsGoldenTest::normalize).toList();
        }
        return value;
    }

    /** What differs, briefly: for two dicts only the keys whose values differ. */
    private static String difference(Object wanted, Object actual) {
        if (wanted instanceof Map<?, ?> expectedMap && actual instanceof Map<?, ?> actualMap) {
            List<String> keys = new ArrayList<>();
            expectedMap.forEach((key, value) -> {
                if (!actualMap.containsKey(key) || !java.util.Objects.equals(value, actualMap.get(key))) {
                    keys.add(key + ": expected " + abbreviate(String.valueOf(value)) + " but got "
                            + (actualMap.containsKey(key) ? abbreviate(String.valueOf(actualMap.get(key))) : "nothing"));
                }
            });
            actualMap.keySet().stream().filter(key -> !expectedMap.containsKey(key))
                    .forEach(key -> keys.add(key + ": not expected"));
            return "dicts differ at " + String.join("; ", keys);
        }
        return "expected " + abbreviate(String.valueOf(wanted)) + " but got " + abbreviate(String.valueOf(actual));
    }

    /** The end of an error message, where the cause is. */
    private static String tail(String message) {
        return message.length() > 300 ? "..." + message.substring(message.length() - 300) : message;
    }

    private static String abbreviate(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
