package io.jplay.output;

/**
 * ansible.utils.display.get_text_width, which banners subtract from the width: wide (East Asian) characters
 * take two columns, combining marks and control characters none.
 */
final class TextWidth {

    private TextWidth() {
    }

    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            width += width(c);
        }
        return width;
    }

    private static int width(int c) {
        int type = Character.getType(c);
        if (c == 0 || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT || c == 0x200b) {
            return 0;
        }
        if (isWide(c)) {
            return 2;
        }
        return 1;
    }

    /** The main East Asian Wide/Fullwidth blocks of wcwidth. */
    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff)
                || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf)
                || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f)
                || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f)
                || (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd);
    }
}
