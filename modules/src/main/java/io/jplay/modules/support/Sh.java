package io.jplay.modules.support;

import io.jplay.connection.ShellQuote;

/** Short names for building target-side scripts. */
public final class Sh {
    private Sh() {
    }

    /** A quoted shell word. */
    public static String q(String word) {
        return ShellQuote.quote(word);
    }
}
