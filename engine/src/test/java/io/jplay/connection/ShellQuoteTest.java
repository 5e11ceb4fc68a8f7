package io.jplay.connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellQuoteTest {

    private final LocalConnection shell = new LocalConnection();

    @Test
    void leavesSafeWordsBareLikeShlexQuote() {
        assertThat(ShellQuote.quote("/etc/hosts")).isEqualTo("/etc/hosts");
        assertThat(ShellQuote.quote("a=b,c:d@e%f+g")).isEqualTo("a=b,c:d@e%f+g");
        assertThat(ShellQuote.quote("")).isEqualTo("''");
        assertThat(ShellQuote.quote("a b")).isEqualTo("'a b'");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\"'\"'s'");
        assertThat(ShellQuote.quote("é")).isEqualTo("'é'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "two words", "it's", "$HOME", "`id`", "$(id)", "a\\b", "line1\nline2", "*", "~",
            "\"dq\"", "'", "''", "!event", "-n", "tab\there", "semi;colon&amp|pipe>redir<", "ünïcødé", " lead", "trail "})
    void roundTripsThroughARealShell(String word) {
        ExecResult r = shell.exec(Command.shell("printf '%s' " + ShellQuote.quote(word)));
        assertThat(r.rc()).isZero();
        assertThat(r.stdoutText()).isEqualTo(word);
    }

    @Test
    void joinKeepsArgumentBoundaries() {
        List<String> argv = List.of("printf", "[%s]", "a b", "", "c'd");
        assertThat(shell.exec(Command.shell(ShellQuote.join(argv))).stdoutText()).isEqualTo("[a b][][c'd]");
    }

    @Test
    void refusesNul() {
        assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }
}
