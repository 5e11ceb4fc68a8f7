package io.jplay.output;

/**
 * The colour roles of ansible-core (COLOR_* in config/base.yml), with their default SGR codes from
 * constants.COLOR_CODES; {@link Palette} applies overrides.
 */
public enum Color {
    /** COLOR_OK. */
    OK("0;32"),
    /** COLOR_CHANGED. */
    CHANGED("0;33"),
    /** COLOR_ERROR. */
    ERROR("0;31"),
    /** COLOR_SKIP. */
    SKIP("0;36"),
    /** COLOR_UNREACHABLE. */
    UNREACHABLE("1;31"),
    /** COLOR_WARN. */
    WARN("1;35"),
    /** COLOR_DEPRECATE. */
    DEPRECATE("0;35"),
    /** COLOR_VERBOSE. */
    VERBOSE("0;34"),
    /** COLOR_DEBUG. */
    DEBUG("1;30"),
    /** COLOR_DIFF_ADD. */
    DIFF_ADD("0;32"),
    /** COLOR_DIFF_REMOVE. */
    DIFF_REMOVE("0;31"),
    /** COLOR_DIFF_LINES. */
    DIFF_LINES("0;36"),
    /** COLOR_HIGHLIGHT. */
    HIGHLIGHT("1;37");

    private final String sgr;

    Color(String sgr) {
        this.sgr = sgr;
    }

    /** ansible-core's default SGR code for this role. */
    String defaultCode() {
        return sgr;
    }

    /** The text in this colour as ansible-core's defaults paint it (see {@link Palette#wrap}). */
    public String wrap(String text) {
        return Palette.defaults().wrap(text, this);
    }
}
