package io.jplay.template.lookup;

import io.jplay.template.LibraryHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password lookup. Expected values from ansible-core 2.14.18: a playbook in a directory with
 * {@code debug: msg="{{ lookup('password', '<term>') }}"} for each term below (seeded, so reproducible).
 */
class PasswordLookupTest {

    @TempDir
    Path playDir;

    private LibraryHarness harness() {
        LibraryHarness harness = new LibraryHarness();
        harness.lookupContext().searchIn(playDir);
        return harness;
    }

    @Test
    void seededPasswordsAreThoseAnsibleGenerates() {
        LibraryHarness harness = harness();
        assertThat(harness.eval("lookup('password', '/dev/null length=12 chars=ascii_letters,digits seed=abc')")).isEqualTo("XJDT6w90X6w8");
        assertThat(harness.eval("lookup('password', '/dev/null seed=node1')")).isEqualTo("c7DItoFPgf-lUXBcyqxe");
        assertThat(harness.eval("lookup('password', '/dev/null length=8 chars=hexdigits seed=x')")).isEqualTo("EaDDf2cC");
        assertThat(harness.eval("lookup('password', '/dev/null length=6 chars=digits,,,- seed=q')")).isEqualTo("63,217");
    }

    @Test
    void passwordIsSavedBesideThePlaybookAndReadBackNextTime() throws IOException {
        LibraryHarness harness = harness();
        assertThat(harness.eval("lookup('password', 'creds/a.creds length=10 seed=s1')")).isEqualTo("bJ27qvwl0N");
        Path saved = playDir.resolve("creds/a.creds");
        assertThat(Files.readString(saved)).isEqualTo("bJ27qvwl0N\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved.getParent()))).isEqualTo("rwx------");
        assertThat(harness.eval("lookup('password', 'creds/a.creds length=30 seed=other')")).isEqualTo("bJ27qvwl0N");
    }

    @Test
    void unseededPasswordsUseTheRequestedCharacters() {
        Object password = harness().eval("lookup('password', '/dev/null length=64 chars=hexdigits')");
        assertThat((String) password).hasSize(64).matches("[0-9a-fA-F]+");
    }
}
