package io.jplay.modules.support;

import io.jplay.module.ModuleFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Results of AnsibleModule._symbolic_mode_to_octal for the same inputs (umask 022). */
class FileModeTest {

    @Test
    void octalForms() {
        assertThat(FileMode.resolve("0644", "p", 0, false, 022)).isEqualTo(0644);
        assertThat(FileMode.resolve("644", "p", 0, false, 022)).isEqualTo(0644);
        assertThat(FileMode.resolve(420L, "p", 0, false, 022)).isEqualTo(0644);
        assertThat(FileMode.resolve("01777", "p", 0, true, 022)).isEqualTo(01777);
        assertThat(FileMode.format(01777)).isEqualTo("01777");
        assertThat(FileMode.format(0600)).isEqualTo("0600");
    }

    @Test
    void symbolicForms() {
        assertThat(FileMode.resolve("u+x,g-r", "p", 0640, false, 022)).isEqualTo(0700);
        assertThat(FileMode.resolve("u=rw,g=r,o=", "p", 0777, false, 022)).isEqualTo(0640);
        assertThat(FileMode.resolve("a+X", "p", 0600, true, 022)).isEqualTo(0711);
        assertThat(FileMode.resolve("a+X", "p", 0600, false, 022)).isEqualTo(0600);
        assertThat(FileMode.resolve("+w", "p", 0400, false, 022)).isEqualTo(0600);
        assertThat(FileMode.resolve("g=u", "p", 0750, false, 022)).isEqualTo(0770);
        assertThat(FileMode.resolve("u+s,o+t", "p", 0755, true, 022)).isEqualTo(05755);
    }

    @Test
    void invalidModesFailAsAnsible() {
        assertThatThrownBy(() -> FileMode.resolve("0999", "p", 0, false, 022)).isInstanceOf(ModuleFailure.class)
                .hasMessage("mode must be in octal or symbolic form");
        assertThatThrownBy(() -> FileMode.resolve("z+x", "p", 0, false, 022)).hasMessage("mode must be in octal or symbolic form");
        assertThatThrownBy(() -> FileMode.resolve(0100644L, "p", 0, false, 022)).hasMessage("Invalid mode supplied, only permission info is allowed");
    }
}
