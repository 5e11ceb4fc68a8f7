package io.jplay.output;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What Ansible asks of the terminal: is stdout one (os.isatty(1)), does it do colours (curses: a known TERM
 * with colours), and how wide is it (TIOCGWINSZ). Java has none of these calls, so Linux's /proc and
 * {@code stty} stand in.
 */
final class Terminal {

    private Terminal() {
    }

    static boolean stdoutIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** curses.setupterm() fails without TERM, and a dumb terminal reports no colours. */
    static boolean supportsColor(Map<String, String> env) {
        String term = env.get("TERM");
        return term != null && !term.isBlank() && !term.equals("dumb");
    }

    /**
     * The terminal's columns, 0 when unknown: {@code stty size} on the controlling terminal (what the ioctl on
     * stdout gives Ansible), else an exported $COLUMNS.
     */
    static int width(Map<String, String> env) {
        int fromTerminal = sttyColumns();
        if (fromTerminal > 0) {
            return fromTerminal;
        }
        try {
            return Math.max(0, Integer.parseInt(env.getOrDefault("COLUMNS", "").strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int sttyColumns() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!stty.waitFor(2, TimeUnit.SECONDS)) {
                stty.destroy();
                return 0;
            }
            String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split("\\s+");
            return size.length == 2 ? Integer.parseInt(size[1]) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
