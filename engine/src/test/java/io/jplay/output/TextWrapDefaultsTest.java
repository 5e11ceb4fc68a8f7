package io.jplay.output;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected lines from Python 3.11's textwrap.wrap(text, 79), as Ansible wraps its warnings. */
class TextWrapDefaultsTest {

    @Test
    void breaksAfterHyphensInsideWords() {
        assertThat(TextWrap.wrap("[WARNING]: Unable to parse /srv/inventories/some-very-long-directory-name-with-"
                + "hyphens/and-more-hyphenated-segments/inventory-file.ini as an inventory source", 79)).containsExactly(
                "[WARNING]: Unable to parse /srv/inventories/some-very-long-directory-name-with-",
                "hyphens/and-more-hyphenated-segments/inventory-file.ini as an inventory source");
    }

    @Test
    void splitsWordsLongerThanTheLine() {
        assertThat(TextWrap.wrap("[WARNING]: x " + "a".repeat(100) + " tail", 79)).containsExactly(
                "[WARNING]: x " + "a".repeat(66), "a".repeat(34) + " tail");
    }

    @Test
    void whitespaceBecomesSpacesAfterExpandingTabs() {
        assertThat(TextWrap.wrap("[WARNING]: first\nsecond\tthird  fourth", 79))
                .containsExactly("[WARNING]: first second  third  fourth");
    }
}
