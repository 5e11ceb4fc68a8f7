package io.jplay.modules.support;

import io.jplay.module.ModuleFailure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code mode} option: an int (YAML {@code 0644} is already 420), an octal string, or a symbolic
 * chmod expression applied to the current mode as AnsibleModule._symbolic_mode_to_octal does. Computing the
 * result on the controller lets modules decide idempotence and send a plain octal chmod.
 */
public final class FileMode {

    public static final int PERM_BITS = 07777;
    private static final Pattern OPERATOR = Pattern.compile("[+=-]");
    private static final Pattern USERS_OK = Pattern.compile("^[ugoa]*$");
    private static final Pattern PERMS_OK = Pattern.compile("^[rwxXstugo]*$");

    private FileMode() {
    }

    /**
     * @param mode     the option's value (Long or String)
     * @param current  the file's current permission bits (0 for a file that will be created)
     * @param isDir    whether the path is a directory (for X)
     * @param umask    the target's umask, for symbolic modes without a who part
     */
    public static int resolve(Object mode, String path, int current, boolean isDir, int umask) {
        if (mode instanceof Number n) {
            return check(n.intValue(), path);
        }
        String text = String.valueOf(mode);
        try {
            return check(Integer.parseInt(text, 8), path);
        } catch (NumberFormatException notOctal) {
            try {
                return symbolic(text, current, isDir, umask);
            } catch (IllegalArgumentException e) {
                throw new ModuleFailure("mode must be in octal or symbolic form",
                        Map.of("path", path, "details", e.getMessage()));
            }
        }
    }

    private static int check(int mode, String path) {
        if ((mode & ~PERM_BITS) != 0 || mode < 0) {
            throw new ModuleFailure("Invalid mode supplied, only permission info is allowed", Map.of("path", path, "details", String.valueOf(mode)));
        }
        return mode;
    }

    /** Formats permission bits as Ansible does: {@code '0%03o'}. */
    public static String format(int mode) {
        return "0" + String.format("%03o", mode & PERM_BITS);
    }

    static int symbolic(String expression, int current, boolean isDir, int umask) {
        int newMode = current & PERM_BITS;
        for (String clause : expression.split(",", -1)) {
            Matcher m = OPERATOR.matcher(clause);
            List<String> operators = new ArrayList<>();
            List<String> perms = new ArrayList<>();
            int last = 0;
            String users = null;
            while (m.find()) {
                String piece = clause.substring(last, m.start());
                if (users == null) {
                    users = piece;
                } else {
                    perms.add(piece);
                }
                operators.add(m.group());
                last = m.end();
            }
            if (users == null) {
                throw new IllegalArgumentException("bad symbolic permission for mode: " + clause);
            }
            perms.add(clause.substring(last));
            boolean useUmask = users.isEmpty();
            if (users.isEmpty() || users.equals("a")) {
                users = "ugo";
            }
            if (!USERS_OK.matcher(users).matches()) {
                throw new IllegalArgumentException("bad symbolic permission for mode: " + clause);
            }
            for (int i = 0; i < perms.size(); i++) {
                if (!PERMS_OK.matcher(perms.get(i)).matches()) {
                    throw new IllegalArgumentException("bad symbolic permission for mode: " + clause);
                }
                for (char user : users.toCharArray()) {
                    int apply = permsFor(current, isDir, user, perms.get(i), useUmask, umask);
                    newMode = operate(user, operators.get(i), apply, newMode);
                }
            }
        }
        return newMode;
    }

    private static int operate(char user, String operator, int apply, int mode) {
        switch (operator) {
            case "=" -> {
                int mask = user == 'u' ? 04700 : user == 'g' ? 02070 : 01007;
                return (mode & (mask ^ PERM_BITS)) | apply;
            }
            case "+" -> {
                return mode | apply;
            }
            default -> {
                return mode - (mode & apply);
            }
        }
    }

    private static int permsFor(int prev, boolean isDir, char user, String perms, boolean useUmask, int umask) {
        prev &= PERM_BITS;
        int revUmask = umask ^ PERM_BITS;
        boolean applyX = isDir || (prev & 0111) > 0;
        int shift = user == 'u' ? 6 : user == 'g' ? 3 : 0;
        int result = 0;
        for (char p : perms.toCharArray()) {
            int bits;
            switch (p) {
                case 'r' -> bits = 04 << shift;
                case 'w' -> bits = 02 << shift;
                case 'x' -> bits = 01 << shift;
                case 'X' -> bits = applyX ? 01 << shift : 0;
                case 's' -> bits = user == 'u' ? 04000 : user == 'g' ? 02000 : 0;
                case 't' -> bits = user == 'o' ? 01000 : 0;
                case 'u' -> bits = (((prev >> 6) & 07) << shift);
                case 'g' -> bits = (((prev >> 3) & 07) << shift);
                case 'o' -> bits = ((prev & 07) << shift);
                default -> throw new IllegalArgumentException("bad symbolic permission for mode: " + perms);
            }
            if (useUmask && (p == 'r' || p == 'w' || p == 'x')) {
                bits &= revUmask;
            }
            result |= bits;
        }
        return result;
    }
}
