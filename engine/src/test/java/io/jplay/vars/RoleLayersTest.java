package io.jplay.vars;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Play role a depends on b (with params and vars:), b on c (with params). Each role's debug printed what
 * ansible-core 2.14.18 gave; "U" means undefined. Role a was listed as {role: a, p: from_play, pa: a_param}.
 */
class RoleLayersTest {

    record Role(String name, RoleVars files, Map<String, Object> includeVars, Map<String, Object> params,
                List<Role> dependencies) implements RoleNode {
    }

    private static Map<String, Object> map(String... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private final Role c = new Role("c", new RoleVars("c", map("d_abc", "c", "d_c", "c", "d_bc", "c"),
            map("v_abc", "c", "v_c", "c", "v_bc", "c")), map(), map("p", "from_b_to_c", "pc", "c_param"), List.of());
    private final Role b = new Role("b", new RoleVars("b", map("d_abc", "b", "d_bc", "b", "d_b", "b"),
            map("v_abc", "b", "v_bc", "b", "v_b", "b")), map("rv", "b_role_include_vars"),
            map("p", "from_a_to_b", "pb", "b_param"), List.of(c));
    private final Role a = new Role("a", new RoleVars("a", map("d_abc", "a", "d_a", "a"),
            map("v_abc", "a", "v_a", "a")), map(), map("p", "from_play", "pa", "a_param"), List.of(b));

    private final RoleLayers layers = new RoleLayers(HashBehaviour.REPLACE);
    private final List<String> names = List.of("d_a", "d_abc", "d_b", "d_bc", "d_c", "p", "pa", "pb", "pc", "role",
            "rv", "v_a", "v_abc", "v_b", "v_bc", "v_c");

    private Map<String, Object> seen(VarsContext context) {
        Map<String, Object> vars = VariableManager.builder(new TestInventory().host("localhost", Map.of())).build()
                .getVars("localhost", context, false);
        Map<String, Object> shown = new LinkedHashMap<>();
        for (String name : names) {
            String key = name.equals("role") ? "role_name" : name;
            shown.put(name, vars.getOrDefault(key, name.equals("role") ? "none" : "U"));
        }
        return shown;
    }

    private Map<String, Object> oracle(String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) io.jplay.yaml.YamlLoader.load(json, null);
        return map;
    }

    @Test
    void eachRolesTaskSeesItsChainAsAnsibleDoes() {
        VarsContext play = layers.enterPlay(VarsContext.play(), List.of(a));
        Path roles = Path.of("roles");

        assertThat(seen(play)).isEqualTo(oracle("{\"d_a\":\"a\",\"d_abc\":\"a\",\"d_b\":\"b\",\"d_bc\":\"b\","
                + "\"d_c\":\"c\",\"p\":\"U\",\"pa\":\"U\",\"pb\":\"U\",\"pc\":\"U\",\"role\":\"none\","
                + "\"rv\":\"b_role_include_vars\",\"v_a\":\"a\",\"v_abc\":\"a\",\"v_b\":\"b\",\"v_bc\":\"b\",\"v_c\":\"c\"}"));
        assertThat(seen(layers.enterRole(play, a, List.of(), roles.resolve("a"), "u")))
                .isEqualTo(oracle("{\"d_a\":\"a\",\"d_abc\":\"a\",\"d_b\":\"b\",\"d_bc\":\"b\",\"d_c\":\"c\","
                        + "\"p\":\"from_play\",\"pa\":\"a_param\",\"pb\":\"U\",\"pc\":\"U\",\"role\":\"a\","
                        + "\"rv\":\"b_role_include_vars\",\"v_a\":\"a\",\"v_abc\":\"a\",\"v_b\":\"b\",\"v_bc\":\"b\","
                        + "\"v_c\":\"c\"}"));
        assertThat(seen(layers.enterRole(play, b, List.of(a), roles.resolve("b"), "u")))
                .isEqualTo(oracle("{\"d_a\":\"a\",\"d_abc\":\"b\",\"d_b\":\"b\",\"d_bc\":\"b\",\"d_c\":\"c\","
                        + "\"p\":\"from_a_to_b\",\"pa\":\"a_param\",\"pb\":\"b_param\",\"pc\":\"U\",\"role\":\"b\","
                        + "\"rv\":\"b_role_include_vars\",\"v_a\":\"a\",\"v_abc\":\"b\",\"v_b\":\"b\",\"v_bc\":\"b\","
                        + "\"v_c\":\"c\"}"));
        assertThat(seen(layers.enterRole(play, c, List.of(a, b), roles.resolve("c"), "u")))
                .isEqualTo(oracle("{\"d_a\":\"a\",\"d_abc\":\"c\",\"d_b\":\"b\",\"d_bc\":\"c\",\"d_c\":\"c\","
                        + "\"p\":\"from_b_to_c\",\"pa\":\"a_param\",\"pb\":\"b_param\",\"pc\":\"c_param\","
                        + "\"role\":\"c\",\"rv\":\"b_role_include_vars\",\"v_a\":\"a\",\"v_abc\":\"c\",\"v_b\":\"b\","
                        + "\"v_bc\":\"c\",\"v_c\":\"c\"}"));
    }

    @Test
    void dependenciesComeDepthFirst() {
        assertThat(RoleLayers.allDependencies(a)).extracting(RoleNode::name).containsExactly("c", "b");
        assertThat(RoleLayers.dependentRoleNames(List.of(a))).containsExactly("c", "b");
    }
}
