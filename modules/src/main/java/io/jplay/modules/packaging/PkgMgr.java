package io.jplay.modules.packaging;

import io.jplay.module.ModuleContext;

/**
 * The target's package manager as Ansible's {@code ansible_pkg_mgr} fact names it: the fact when gathered, else
 * the same probe (the last of these paths that exists wins; a Debian system is always apt).
 */
final class PkgMgr {

    private static final String[][] PATHS = {
            {"/usr/bin/rpm-ostree", "atomic_container"}, {"/usr/bin/yum", "yum"}, {"/usr/bin/dnf", "dnf"},
            {"/usr/bin/apt-get", "apt"}, {"/usr/bin/zypper", "zypper"}, {"/usr/sbin/urpmi", "urpmi"},
            {"/usr/bin/pacman", "pacman"}, {"/bin/opkg", "opkg"}, {"/sbin/apk", "apk"}, {"/usr/bin/emerge", "portage"},
            {"/usr/bin/xbps-install", "xbps"}, {"/usr/bin/swupd", "swupd"},
    };

    private PkgMgr() {
    }

    static String of(ModuleContext ctx) {
        Object fact = ctx.hostVar("ansible_pkg_mgr");
        if (fact != null && !String.valueOf(fact).isBlank()) {
            return String.valueOf(fact);
        }
        return ctx.connection().sh(probeScript()).stdoutText().strip();
    }

    static String probeScript() {
        StringBuilder s = new StringBuilder("_jm=unknown\n");
        for (String[] p : PATHS) {
            s.append("[ -e ").append(p[0]).append(" ] && _jm=").append(p[1]).append('\n');
        }
        // ansible's Debian family rule: yum or zypper installed on Debian does not make them its package manager
        s.append("[ -e /etc/debian_version ] && [ -e /usr/bin/apt-get ] && _jm=apt\n")
                .append("[ \"$_jm\" = yum ] && [ -e /usr/bin/dnf ] && [ -e /etc/fedora-release ] && _jm=dnf\n")
                .append("printf '%s\\n' \"$_jm\"\n");
        return s.toString();
    }
}
