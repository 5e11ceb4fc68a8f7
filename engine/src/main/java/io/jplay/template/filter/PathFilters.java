package io.jplay.template.filter;

import io.jplay.error.JplayException;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Controller-side path filters with Python's os.path semantics: basename, dirname, expanduser, realpath,
 * relpath, splitext, path_join, fileglob.
 */
public final class PathFilters {

    private PathFilters() {
    }

    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> filters = new ArrayList<>();
        filters.add(AnsibleFilter.of("basename", (value, args) -> basename(Py.str(value))));
        filters.add(AnsibleFilter.of("dirname", (value, args) -> dirname(Py.str(value))));
        filters.add(AnsibleFilter.of("expanduser", (value, args) -> expanduser(Py.str(value))));
        filters.add(AnsibleFilter.of("realpath", (value, args) -> realpath(Py.str(value))));
        filters.add(AnsibleFilter.of("relpath", (value, args) -> relpath(Py.str(value), args.string(0, "start", "."))));
        filters.add(AnsibleFilter.of("splitext", (value, args) -> splitext(Py.str(value))));
        filters.add(AnsibleFilter.of("path_join", (value, args) -> pathJoin(value)));
        filters.add(AnsibleFilter.of("fileglob", (value, args) -> fileglob(Py.str(value))));
        filters.add(AnsibleFilter.of("expandvars", (value, args) -> expandvars(Py.str(value))));
        filters.add(AnsibleFilter.of("win_basename", (value, args) -> winSplit(Py.str(value))[1]));
        filters.add(AnsibleFilter.of("win_dirname", (value, args) -> winSplit(Py.str(value))[0]));
        return filters;
    }

    /** os.path.basename: the text after the last '/'. */
    public static String basename(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** os.path.dirname: the text up to the last '/', trailing slashes removed unless it is all slashes. */
    public static String dirname(String path) {
        String head = path.substring(0, path.lastIndexOf('/') + 1);
        if (!head.isEmpty() && !head.matches("/+")) {
            head = head.replaceAll("/+$", "");
        }
        return head;
    }

    public static String expanduser(String path) {
        if (!path.startsWith("~")) {
            return path;
        }
        int slash = path.indexOf('/');
        String user = slash < 0 ? path.substring(1) : path.substring(1, slash);
        String home;
        if (user.isEmpty()) {
            home = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
        } else {
            home = homeOf(user);
            if (home == null) {
                return path;
            }
        }
        String rest = slash < 0 ? "" : path.substring(slash);
        if (home.endsWith("/") && rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        return home + rest;
    }

    private static final java.util.regex.Pattern ENV_VAR = java.util.regex.Pattern.compile("\\$(\\w+|\\{[^}]*\\})");

    /** os.path.expandvars: $NAME and ${NAME} from the controller's environment; unknown names stay. */
    public static String expandvars(String path) {
        java.util.regex.Matcher m = ENV_VAR.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).startsWith("{") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
            String value = System.getenv(name);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** ntpath.split: (head, tail) at the last slash or backslash, the drive kept with the head. */
    static String[] winSplit(String path) {
        String drive = path.length() >= 2 && path.charAt(1) == ':' ? path.substring(0, 2) : "";
        String rest = path.substring(drive.length());
        int cut = Math.max(rest.lastIndexOf('/'), rest.lastIndexOf('\\')) + 1;
        String head = rest.substring(0, cut);
        String tail = rest.substring(cut);
        String stripped = head.replaceAll("[/\\\\]+$", "");
        return new String[] {drive + (stripped.isEmpty() ? head : stripped), tail};
    }

    /** A user's home directory from the controller's passwd file (Python's pwd.getpwnam), or null. */
    private static String homeOf(String user) {
        try (Stream<String> lines = Files.lines(Paths.get("/etc/passwd"))) {
            return lines.map(line -> line.split(":", -1))
                    .filter(fields -> fields.length >= 6 && fields[0].equals(user))
                    .map(fields -> fields[5])
                    .findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** os.path.realpath: absolute, symlinks resolved as far as the path exists. */
    public static String realpath(String path) {
        Path absolute = Paths.get(path).toAbsolutePath().normalize();
        Path existing = absolute;
        Path remainder = Paths.get("");
        while (existing != null && !Files.exists(existing)) {
            remainder = existing.getFileName().resolve(remainder);
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute.toString();
        }
        try {
            Path resolved = existing.toRealPath().resolve(remainder).normalize();
            String text = resolved.toString();
            return text.endsWith("/") && text.length() > 1 ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            return absolute.toString();
        }
    }

    static String relpath(String path, String start) {
        Path target = Paths.get(path).toAbsolutePath().normalize();
        Path base = Paths.get(start).toAbsolutePath().normalize();
        String relative = base.relativize(target).toString();
        return relative.isEmpty() ? "." : relative;
    }

    /** os.path.splitext: (root, ext), ignoring leading dots of the last component. */
    public static List<Object> splitext(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot > slash) {
            int start = slash + 1;
            while (start < dot && path.charAt(start) == '.') {
                start++;
            }
            if (start < dot) {
                return Tuple.of(path.substring(0, dot), path.substring(dot));
            }
        }
        return Tuple.of(path, "");
    }

    /** os.path.join(*paths): an absolute part restarts the path. */
    static String pathJoin(Object value) {
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        if (!Py.isSequence(value)) {
            throw new JplayException("|path_join expects string or sequence, got <class '" + Py.typeName(value) + "'> instead.");
        }
        String result = "";
        for (Object part : Py.iterate(value)) {
            String text = Py.str(part);
            if (text.startsWith("/") || result.isEmpty()) {
                result = text;
            } else {
                result = result.endsWith("/") ? result + text : result + "/" + text;
            }
        }
        return result;
    }

    /** Regular files matching a shell glob (glob.glob), sorted as the directory lists them. */
    public static List<Object> fileglob(String pattern) {
        List<Object> result = new ArrayList<>();
        Path patternPath = Paths.get(pattern);
        Path dir = patternPath.getParent() == null ? Paths.get("") : patternPath.getParent();
        if (dir.toString().matches(".*[*?\\[].*")) {
            // globs in directory parts are rare in playbooks; only the last component may hold wildcards
            return result;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + patternPath.getFileName());
        Path listing = dir.toString().isEmpty() ? Paths.get(".") : dir;
        if (!Files.isDirectory(listing)) {
            return result;
        }
        try (Stream<Path> entries = Files.list(listing)) {
            entries.filter(p -> matcher.matches(p.getFileName()))
                    .filter(p -> !p.getFileName().toString().startsWith(".") || patternPath.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .map(p -> dir.toString().isEmpty() ? p.getFileName().toString() : dir.resolve(p.getFileName()).toString())
                    .sorted()
                    .forEach(result::add);
        } catch (IOException e) {
            return result;
        }
        return result;
    }
}
