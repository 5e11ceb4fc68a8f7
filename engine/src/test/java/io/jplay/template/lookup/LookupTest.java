package io.jplay.template.lookup;

import io.jplay.error.JplayException;
import io.jplay.template.LibraryHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lookups that read the controller's files or run commands, and lookup()'s error handling. Expected values and
 * messages were checked against ansible-core 2.14.18 with the same files (e.g. {@code ansible localhost -m debug
 * -a "msg={{ lookup('file', 'a.txt') }}"} in a playbook directory holding files/a.txt).
 */
class LookupTest {

    @TempDir
    Path playDir;

    private LibraryHarness harness;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(playDir.resolve("files"));
        Files.createDirectories(playDir.resolve("templates"));
        Files.writeString(playDir.resolve("files/a.txt"), "hello\n\n");
        Files.writeString(playDir.resolve("files/b.txt"), "  world");
        Files.writeString(playDir.resolve("plain.txt"), "beside the play\n");
        Files.writeString(playDir.resolve("templates/t.j2"), "x={{ x }}");
        harness = new LibraryHarness().with("x", 5L);
        harness.lookupContext().searchIn(playDir).hosts("nodes", List.of("node1", "node2")).hosts("all", List.of("cp1", "node1"));
    }

    @Test
    void fileReadsFromFilesDirThenPlayDirAndStripsTrailingWhitespace() {
        assertThat(harness.eval("lookup('file', 'a.txt')")).isEqualTo("hello");
        assertThat(harness.eval("lookup('file', 'plain.txt')")).isEqualTo("beside the play");
        assertThat(harness.eval("lookup('file', 'a.txt', 'b.txt')")).isEqualTo("hello,  world");
        assertThat(harness.eval("query('file', 'a.txt', 'b.txt')")).isEqualTo(List.of("hello", "  world"));
        assertThat(harness.eval("lookup('file', 'a.txt', rstrip=False)")).isEqualTo("hello\n\n");
        assertThat(harness.eval("lookup('file', 'b.txt', lstrip=True)")).isEqualTo("world");
        assertThat(harness.eval("lookup('file', '" + playDir.resolve("files/a.txt") + "')")).isEqualTo("hello");
    }

    @Test
    void missingFileIsAnErrorUnlessIgnored() {
        assertThatThrownBy(() -> harness.eval("lookup('file', 'nope.txt')"))
                .isInstanceOf(JplayException.class)
                .hasMessage("An unhandled exception occurred while running the lookup plugin 'file'. Error was a "
                        + "<class 'ansible.errors.AnsibleError'>, original message: could not locate file in lookup: nope.txt");
        assertThat(harness.eval("lookup('file', 'nope.txt', errors='ignore')")).isNull();
        assertThat(harness.eval("lookup('file', 'nope.txt', errors='warn')")).isNull();
    }

    @Test
    void templateRendersTheFileWithTheCurrentVariables() {
        assertThat(harness.eval("lookup('template', 't.j2')")).isEqualTo("x=5");
    }

    @Test
    void firstFoundReturnsTheFirstExistingPath() {
        assertThat(harness.eval("lookup('first_found', 'nope.txt', 'b.txt', 'a.txt')"))
                .isEqualTo(playDir.resolve("files/b.txt").toString());
        assertThat(harness.eval("lookup('first_found', {'files': ['nope.txt', 'a.txt'], 'paths': ['" + playDir + "/files']})"))
                .isEqualTo(playDir.resolve("files/a.txt").toString());
        assertThat(harness.eval("query('first_found', ['x.txt', 'y.txt'], skip=True)")).isEqualTo(List.of());
        assertThatThrownBy(() -> harness.eval("lookup('first_found', 'x.txt')"))
                .hasMessageEndingWith("No file was found when using first_found.");
    }

    @Test
    void fileglobMatchesRegularFilesInTheFilesDir() {
        assertThat(harness.eval("lookup('fileglob', '*.txt')"))
                .isEqualTo(playDir.resolve("files/a.txt") + "," + playDir.resolve("files/b.txt"));
        assertThat(harness.eval("query('fileglob', '*.none')")).isEqualTo(List.of());
        assertThat(harness.eval("'" + playDir + "/files/a*' | fileglob")).isEqualTo(List.of(playDir.resolve("files/a.txt").toString()));
    }

    @Test
    void inventoryHostnamesAsksTheInventory() {
        assertThat(harness.eval("query('inventory_hostnames', 'nodes')")).isEqualTo(List.of("node1", "node2"));
        assertThat(harness.eval("lookup('inventory_hostnames', 'all')")).isEqualTo("cp1,node1");
    }

    @Test
    void envReadsTheControllerEnvironment() {
        assertThat(harness.eval("lookup('env', 'PATH')")).isEqualTo(System.getenv("PATH"));
        assertThat(harness.eval("lookup('env', 'JPLAY_SURELY_UNSET_VAR')")).isEqualTo("");
    }

    @Test
    void pipeAndLinesRunTheShell() {
        assertThat(harness.eval("lookup('pipe', 'echo hello; echo world')")).isEqualTo("hello\nworld");
        assertThat(harness.eval("query('lines', 'printf \"a\\\\nb\\\\n\"')")).isEqualTo(List.of("a", "b"));
        assertThatThrownBy(() -> harness.eval("lookup('pipe', 'exit 3')"))
                .hasMessage("An unhandled exception occurred while running the lookup plugin 'pipe'. Error was a "
                        + "<class 'ansible.errors.AnsibleError'>, original message: lookup_plugin.pipe(exit 3) returned 3");
    }

    @Test
    void unknownLookupIsNamed() {
        assertThatThrownBy(() -> harness.eval("lookup('nope_plugin', 'x')"))
                .isInstanceOf(JplayException.class)
                .hasMessage("lookup plugin (nope_plugin) not found");
    }

    @Test
    void undefinedVariableIsRaisedEvenWhenErrorsAreIgnored() {
        assertThatThrownBy(() -> harness.eval("lookup('vars', 'nope', errors='ignore')"))
                .hasMessage("No variable found with this name: nope");
    }

    @Test
    void builtinNamespaceWorksToo() {
        // the call's terms are ([1, [2]],): items flattens one level of them
        assertThat(harness.eval("query('ansible.builtin.items', [1, [2]])")).isEqualTo(List.of(1L, List.of(2L)));
    }

    @Test
    void loopsGiveTheLoopValueAsTerms() {
        // with_items: [1, [2, 3]] loops over 1, 2, 3; with_dict / with_sequence as their lookups
        assertThat(evalLoop("items", List.of(1L, List.of(2L, 3L)))).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(evalLoop("sequence", "count=2")).isEqualTo(List.of("1", "2"));
        assertThat(evalLoop("dict", java.util.Map.of("a", 1L))).isEqualTo(List.of(java.util.Map.of("key", "a", "value", 1L)));
    }

    private Object evalLoop(String name, Object value) {
        return harness.withLookupContext(() -> LookupFunctions.loop(name, value, java.util.Map.of()));
    }
}
