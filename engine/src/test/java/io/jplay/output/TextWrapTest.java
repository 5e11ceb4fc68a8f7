package io.jplay.output;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected lines are Python 3.11's textwrap.wrap(text, 79, drop_whitespace=...). */
class TextWrapTest {

    @Test
    void breaksLongWordsAfterHyphens() {
        assertThat(TextWrap.wrap("[WARNING]: Could not match supplied host pattern, ignoring: "
                + "a-very-long-host-name-that-goes-on-and-on-and-on-forever.example.com", 79, true)).containsExactly(
                "[WARNING]: Could not match supplied host pattern, ignoring: a-very-long-host-",
                "name-that-goes-on-and-on-and-on-forever.example.com");
    }

    @Test
    void keepsTrailingSpacesWhenWhitespaceIsNotDropped() {
        assertThat(TextWrap.wrap("[DEPRECATION WARNING]: The 'foo' option is deprecated. This feature will be "
                + "removed from community.general in version 9.0.0. Deprecation warnings can be disabled by "
                + "setting deprecation_warnings=False in ansible.cfg.", 79, false)).containsExactly(
                "[DEPRECATION WARNING]: The 'foo' option is deprecated. This feature will be ",
                "removed from community.general in version 9.0.0. Deprecation warnings can be ",
                "disabled by setting deprecation_warnings=False in ansible.cfg.");
    }

    @Test
    void expandsTabsAndKeepsInnerSpaces() {
        assertThat(TextWrap.wrap("[WARNING]: Unable to parse /etc/ansible/hosts as an inventory source\twith tabs"
                + "   and    spaces", 79, true)).containsExactly(
                "[WARNING]: Unable to parse /etc/ansible/hosts as an inventory source    with",
                "tabs   and    spaces");
    }

    @Test
    void leadingNewlineBecomesASpaceOnTheFirstLine() {
        assertThat(TextWrap.wrap("\n[ERROR]: something went wrong with a long message that certainly must be "
                + "wrapped by textwrap at 79", 79, true)).containsExactly(
                " [ERROR]: something went wrong with a long message that certainly must be",
                "wrapped by textwrap at 79");
    }

    @Test
    void cutsWordsLongerThanTheWidth() {
        String x = "x".repeat(100);
        assertThat(TextWrap.wrap("[WARNING]: " + x, 79, true))
                .containsExactly("[WARNING]: " + "x".repeat(68), "x".repeat(32));
    }

    @Test
    void splitsHyphenatedWordsAtTheLineEnd() {
        assertThat(TextWrap.wrap("[WARNING]: well-known hyphenated-words-are-split-on-hyphens-when-they-are-"
                + "longer-than-the-line", 79, true)).containsExactly(
                "[WARNING]: well-known hyphenated-words-are-split-on-hyphens-when-they-are-",
                "longer-than-the-line");
    }
}
