package io.jplay.modules.support;

import io.jplay.module.ModuleFailure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Expected values from Python's shlex.split. */
class ShellWordsTest {

    @Test
    void splitsLikeShlex() {
        assertThat(ShellWords.split("echo 'a b' \"c \\\"d\\\" $e\" f\\ g")).isEqualTo(List.of("echo", "a b", "c \"d\" $e", "f g"));
        assertThat(ShellWords.split("  a''b  \"\" ")).isEqualTo(List.of("ab", ""));
        assertThat(ShellWords.split("a\\\\b 'c\\d'")).isEqualTo(List.of("a\\b", "c\\d"));
        assertThat(ShellWords.split("x # not a comment")).isEqualTo(List.of("x", "#", "not", "a", "comment"));
    }

    @Test
    void unbalancedQuotesFail() {
        assertThatThrownBy(() -> ShellWords.split("echo 'oops")).isInstanceOf(ModuleFailure.class).hasMessage("No closing quotation");
    }
}
