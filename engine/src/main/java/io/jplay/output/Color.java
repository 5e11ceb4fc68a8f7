package io.jplay.output;

/**
 * The colours of ansible-core's default configuration (COLOR_* in config/base.yml), with their SGR codes
 * from constants.COLOR_CODES.
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

    /**
     * ansible.utils.color.stringc: each line is wrapped on its own, so a multi-line text keeps its colour
     * line by line and an empty last line still gets an (empty) escape pair.
     */
    public String wrap(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append("\033[").append(sgr).append('m').append(lines[i]).append("\033[0m");
        }
        return out.toString();
    }
}
