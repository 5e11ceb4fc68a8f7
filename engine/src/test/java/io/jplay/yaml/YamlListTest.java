package io.jplay.yaml;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class YamlListTest {

    @Test
    void sequencesRememberWhereEachItemIsWritten() {
        YamlMap play = (YamlMap) ((List<?>) YamlLoader.load("- hosts: all\n  roles:\n    - common\n    - role: app\n",
                Path.of("site.yml"))).get(0);
        YamlList roles = (YamlList) play.get("roles");
        assertThat(roles).hasSize(2);
        assertThat(roles.locationOf(0).line()).isEqualTo(3);
        assertThat(roles.locationOf(0).column()).isEqualTo(7);
        assertThat(roles.locationOf(1).line()).isEqualTo(4);
        assertThat(roles).isEqualTo(List.of("common", java.util.Map.of("role", "app")));
    }
}
