package io.jplay.connection;

import io.jplay.inventory.PosixShlex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs everything on the wrapped connection as another user (Ansible's {@code become}). Decorating keeps
 * privilege escalation out of both transports and modules: a module writes its script once, and
 * file transfers go through {@code cat} under the same wrapper so the file lands with the become user's
 * rights.
 *
 * <p>The password never goes on a command line (where {@code ps} on the target would show it): it is the first
 * line of the command's stdin, and the rest of stdin is the command's own input.
 * <ul>
 * <li>sudo: a first {@code sudo -n true} asks whether a password is needed at all (NOPASSWD rule). If not, the
 * shell reads the password line away itself, so it never reaches the command; otherwise {@code sudo -k -S}
 * reads exactly that line (sudo reads its password byte by byte) and the command gets the rest.</li>
 * <li>su: PAM reads its password in blocks, which would swallow the command's input, so the shell reads the
 * password line with {@code read}, hands it to su through a pipe of its own, and the command gets the original
 * stdin back on fd 3.</li>
 * </ul>
 * Flags are Ansible's become_flags: sudo's default {@code -H -S -n} (with a password, {@code -n} is dropped as
 * Ansible does), su's none.
 */
public final class BecomeConnection implements Connection {

    public enum Method { SUDO, SU }

    /** Ansible's sudo become plugin default flags. */
    public static final String SUDO_DEFAULT_FLAGS = "-H -S -n";

    private final Connection inner;
    private final Method method;
    private final String user;
    private final String password;
    private final List<String> flags;

    public BecomeConnection(Connection inner, Method method, String user, String password) {
        this(inner, method, user, password, null);
    }

    /** @param flags become_flags as written (shell words), or null for the method's default */
    public BecomeConnection(Connection inner, Method method, String user, String password, String flags) {
        this.inner = inner;
        this.method = method;
        this.user = user == null || user.isEmpty() ? "root" : user;
        this.password = password;
        String written = flags != null ? flags : method == Method.SUDO ? SUDO_DEFAULT_FLAGS : "";
        try {
            this.flags = PosixShlex.split(written);
        } catch (PosixShlex.ShlexException e) {
            throw new BecomeException("cannot read become_flags '" + written + "': " + e.getMessage());
        }
    }

    @Override
    public io.jplay.connection.ssh.SshSettings sshSettings() {
        return inner.sshSettings();
    }

    @Override
    public String describe() {
        return inner.describe() + " (become " + user + ")";
    }

    /** The command line that runs {@code command} as the become user (its stdin starts with the password line when there is one). */
    public String wrap(Command command) {
        String line = command.toShellString();
        return method == Method.SU ? wrapSu(line) : wrapSudo(line);
    }

    private String wrapSudo(String line) {
        String target = " -u " + ShellQuote.quote(user) + " /bin/sh -c " + ShellQuote.quote(line);
        if (password == null) {
            // without a password sudo must not wait for one (it would read the command's stdin or hang)
            List<String> own = new ArrayList<>(flags);
            if (own.stream().noneMatch(f -> f.equals("-n") || f.equals("--non-interactive"))) {
                own.add("-n");
            }
            return "sudo " + words(own) + target;
        }
        List<String> withPassword = new ArrayList<>();
        for (String flag : flags) {
            if (flag.equals("-n") || flag.equals("--non-interactive")) {
                continue;
            }
            // -Hn and the like: drop the n, as Ansible's sudo plugin does
            withPassword.add(flag.startsWith("--") ? flag : flag.replaceFirst("^(-\\w*)n(\\w*.*)", "$1$2"));
        }
        if (!withPassword.contains("-S") && !withPassword.contains("--stdin")) {
            withPassword.add("-S");
        }
        String probe = "sudo -n " + words(withPassword) + " -u " + ShellQuote.quote(user) + " /bin/sh -c true 2>/dev/null";
        return "if " + probe + "; then IFS= read -r _ || :; exec sudo -n " + words(withPassword) + target
                + "; else exec sudo -k -p '' " + words(withPassword) + target + "; fi";
    }

    private String wrapSu(String line) {
        String su = "su " + (flags.isEmpty() ? "" : words(flags) + " ") + ShellQuote.quote(user) + " -c "
                + ShellQuote.quote("exec 0<&3 3<&-; " + line);
        if (password == null) {
            // su would read the command's input as its password: it gets nothing, and fails if it needs one
            return "exec 3<&0; " + su + " </dev/null";
        }
        return "IFS= read -r p; exec 3<&0; printf '%s\\n' \"$p\" | " + su + "; rc=$?; exit $rc";
    }

    private static String words(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
            quoted.add(ShellQuote.quote(word));
        }
        return String.join(" ", quoted);
    }

    @Override
    public ExecResult exec(Command command) {
        byte[] stdin = command.stdin();
        if (password != null) {
            byte[] secret = (password + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] data = stdin == null ? new byte[0] : stdin;
            byte[] joined = new byte[secret.length + data.length];
            System.arraycopy(secret, 0, joined, 0, secret.length);
            System.arraycopy(data, 0, joined, secret.length, data.length);
            stdin = joined;
        }
        Command wrapped = Command.shell(wrap(command));
        ExecResult result = inner.exec(stdin == null ? wrapped : wrapped.withStdin(stdin));
        if (result.rc() != 0) {
            refused(result.stderrText());
        }
        return result;
    }

    /** sudo's and su's own refusals become Ansible's messages; anything else is the command's failure. */
    private void refused(String stderr) {
        String name = method == Method.SU ? "su" : "sudo";
        boolean missing;
        if (method == Method.SUDO) {
            if (stderr.startsWith("sudo: a password is required") || stderr.contains("\nsudo: a password is required")) {
                missing = true;
            } else if (stderr.startsWith("Sorry, try again.") || stderr.contains("sudo: no password was provided")
                    || stderr.matches("(?s).*sudo: \\d+ incorrect password attempts?.*")) {
                missing = false;
            } else {
                return;
            }
        } else if (stderr.contains("su: Authentication failure")) {
            missing = password == null;
        } else {
            return;
        }
        throw new BecomeException((missing ? "Missing " : "Incorrect ") + name + " password");
    }

    // put and get use the interface defaults (cat over exec), which go through exec() and so through become.

    @Override
    public void close() {
        inner.close();
    }
}
