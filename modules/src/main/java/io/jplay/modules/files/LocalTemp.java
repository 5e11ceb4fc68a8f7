package io.jplay.modules.files;

import java.security.SecureRandom;

/**
 * Names in the shape of Ansible's controller temp files ({@code <tmp>/ansible-local-<id>/tmp<id>}), which copy
 * and template show as the diff's after_header. jplay renders in memory, so these are labels only; keeping
 * Ansible's shape lets output comparisons normalise them the same way.
 */
final class LocalTemp {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RUN = "ansible-local-" + ProcessHandle.current().pid() + random();

    private LocalTemp() {
    }

    static String directory() {
        return base() + "/" + RUN + "/tmp" + random();
    }

    static String contentFile() {
        return base() + "/" + RUN + "/tmp" + random();
    }

    private static String base() {
        String tmp = System.getProperty("java.io.tmpdir", "/tmp");
        return tmp.endsWith("/") ? tmp.substring(0, tmp.length() - 1) : tmp;
    }

    private static String random() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
