package io.jplay.template.lookup;

import io.jplay.error.JplayException;
import io.jplay.template.filter.Args;
import io.jplay.template.filter.Py;
import io.jplay.template.filter.PythonRandom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The password lookup kubespray uses for its credentials: {@code lookup('password', 'path length=N chars=...')}
 * reads the password saved in the file, or generates one and saves it (mode 0600, directories 0700).
 * {@code /dev/null} generates without saving. Hashing with {@code encrypt=} is not supported.
 */
final class PasswordLookup {

    private static final Set<String> VALID = Set.of("length", "encrypt", "chars", "ident", "seed");
    private static final Map<String, String> STRING_MODULE = Map.of(
            "ascii_letters", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "ascii_lowercase", "abcdefghijklmnopqrstuvwxyz",
            "ascii_uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "digits", "0123456789",
            "hexdigits", "0123456789abcdefABCDEF",
            "octdigits", "01234567",
            "punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
            "whitespace", " \t\n\r\u000b\f");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Ansible's DEFAULT_PASSWORD_CHARS. */
    private static final String DEFAULT_CHARS = STRING_MODULE.get("ascii_letters") + STRING_MODULE.get("digits") + ".,:-_";

    private PasswordLookup() {
    }

    static List<Object> run(List<Object> terms, Args options, LookupContext context) {
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            String text = Py.str(term);
            String relpath = text;
            Map<String, String> params = new LinkedHashMap<>();
            int space = text.indexOf(' ');
            if (space >= 0) {
                relpath = text.substring(0, space);
                for (String part : text.substring(space + 1).strip().split("\\s+")) {
                    int eq = part.indexOf('=');
                    if (eq <= 0) {
                        throw new JplayException("Unrecognized value after key=value parameters given to password lookup");
                    }
                    params.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
            for (String key : params.keySet()) {
                if (!VALID.contains(key)) {
                    throw new JplayException("Unrecognized parameter(s) given to password lookup: " + key);
                }
            }
            options.keywords().forEach((k, v) -> params.putIfAbsent(k, Py.str(v)));
            if (params.containsKey("encrypt") && !params.get("encrypt").isEmpty() && !params.get("encrypt").equals("None")) {
                throw new JplayException("the password lookup's encrypt= is not supported by jplay");
            }
            int length = Integer.parseInt(params.getOrDefault("length", "20"));
            String chars = params.containsKey("chars") ? candidateChars(params.get("chars")) : DEFAULT_CHARS;
            result.add(passwordAt(resolve(relpath, context), length, chars, params.get("seed")));
        }
        return result;
    }

    private static Path resolve(String relpath, LookupContext context) {
        Path path = Paths.get(relpath);
        if (path.isAbsolute()) {
            return path;
        }
        // Ansible's loader.path_dwim: relative to the playbook's directory, the last of the search paths
        List<Path> dirs = context.searchPaths("");
        return (dirs.isEmpty() ? Paths.get("").toAbsolutePath() : dirs.get(dirs.size() - 1)).resolve(path).normalize();
    }

    /** _gen_candidate_chars: names of Python's string constants or literal characters; quotes removed. */
    static String candidateChars(String spec) {
        List<String> parts = new ArrayList<>();
        if (spec.contains(",,")) {
            parts.add(",");
        }
        for (String part : spec.replace(",,", ",").split(",")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        StringBuilder chars = new StringBuilder();
        for (String part : parts) {
            chars.append(STRING_MODULE.getOrDefault(part, part));
        }
        return chars.toString().replace("\"", "").replace("'", "");
    }

    private static String passwordAt(Path path, int length, String chars, String seed) {
        boolean devNull = path.toString().equals("/dev/null");
        try {
            if (!devNull && Files.exists(path)) {
                String content = Files.readString(path, StandardCharsets.UTF_8).stripTrailing();
                int salt = content.lastIndexOf(" salt=");
                return salt >= 0 ? content.substring(0, salt) : content;
            }
            String password = generate(length, chars, seed);
            if (!devNull) {
                Path dir = path.toAbsolutePath().getParent();
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                Files.writeString(path, password + "\n", StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
            return password;
        } catch (IOException e) {
            throw new JplayException("the password lookup could not use " + path + ": " + e.getMessage());
        }
    }

    /** random_password: each character chosen from chars (Python's Random(seed).choice when seeded). */
    static String generate(int length, String chars, String seed) {
        PythonRandom seeded = seed == null ? null : new PythonRandom(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int index = seeded != null ? (int) seeded.below(chars.length()) : RANDOM.nextInt(chars.length());
            out.append(chars.charAt(index));
        }
        return out.toString();
    }
}
