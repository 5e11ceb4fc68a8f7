package io.jplay.template.lookup;

import io.jplay.error.JplayException;
import io.jplay.template.filter.Args;
import io.jplay.template.filter.PathFilters;
import io.jplay.template.filter.Py;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lookups that read controller files found in Ansible's search path (role, then play directories, each with
 * its {@code files}/{@code templates} subdirectory): file, template, first_found, fileglob.
 */
final class FileLookups {

    private FileLookups() {
    }

    /** find_file_in_search_path: an absolute path as is, else the first search directory holding it. */
    static Path find(LookupContext context, String subdir, String name) {
        Path given = Paths.get(name);
        if (given.isAbsolute()) {
            return Files.exists(given) ? given : null;
        }
        for (Path dir : context.searchPaths(subdir)) {
            Path candidate = dir.resolve(name).normalize();
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static List<Object> file(List<Object> terms, Args options, LookupContext context) {
        boolean rstrip = options.bool(-1, "rstrip", true);
        boolean lstrip = options.bool(-1, "lstrip", false);
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            Path path = find(context, "files", Py.str(term));
            if (path == null || !Files.isRegularFile(path)) {
                throw new JplayException("could not locate file in lookup: " + Py.str(term));
            }
            String content = read(path);
            if (rstrip) {
                content = content.stripTrailing();
            }
            if (lstrip) {
                content = content.stripLeading();
            }
            result.add(content);
        }
        return result;
    }

    static List<Object> template(List<Object> terms, Args options, LookupContext context) {
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            Path path = find(context, "templates", Py.str(term));
            if (path == null || !Files.isRegularFile(path)) {
                throw new JplayException("the template file " + Py.str(term) + " could not be found for the lookup");
            }
            result.add(context.renderText(read(path), path));
        }
        return result;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JplayException("could not read file for lookup: " + path + ": " + e.getMessage());
        }
    }

    /** first_found: terms are names, lists of names, or {files, paths, skip} dicts; kwargs files/paths/skip. */
    static List<Object> firstFound(List<Object> terms, Args options, LookupContext context) {
        boolean[] skip = {false};
        List<String> candidates = candidates(terms, options.keywords(), skip);
        for (String candidate : candidates) {
            String rendered = Py.str(context.template(candidate));
            Path path = find(context, "files", rendered);
            if (path != null) {
                return new ArrayList<>(List.of(path.toString()));
            }
        }
        if (skip[0]) {
            return new ArrayList<>();
        }
        throw new JplayException("No file was found when using first_found.");
    }

    private static List<String> candidates(List<?> terms, Map<String, Object> kwargs, boolean[] skip) {
        List<String> total = new ArrayList<>();
        for (Object term : terms) {
            Map<?, ?> options;
            if (term instanceof Map<?, ?> map) {
                options = map;
            } else if (term instanceof CharSequence) {
                options = kwargs;
            } else if (term instanceof List<?> list) {
                total.addAll(candidates(list, kwargs, skip));
                continue;
            } else {
                throw new JplayException("Invalid term supplied, can handle string, mapping or list of strings but got: <class '"
                        + Py.typeName(term) + "'> for " + Py.str(term));
            }
            List<String> files = splitOn(options.get("files"), ",;");
            List<String> paths = splitOn(options.get("paths"), ",:;");
            skip[0] = Py.truthy(options.get("skip"));
            if (!paths.isEmpty()) {
                for (String path : paths) {
                    for (String file : files) {
                        total.add(path.endsWith("/") || file.startsWith("/") ? joinPath(path, file) : path + "/" + file);
                    }
                }
            } else if (!files.isEmpty()) {
                // as Ansible: the file list replaces what was gathered so far
                total = new ArrayList<>(files);
            } else {
                total.add(Py.str(term));
            }
        }
        return total;
    }

    private static String joinPath(String dir, String file) {
        return file.startsWith("/") ? file : dir + file;
    }

    private static List<String> splitOn(Object value, String separators) {
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        for (Object item : items) {
            for (String part : Py.str(item).split("[" + java.util.regex.Pattern.quote(separators) + "]")) {
                if (!part.strip().isEmpty()) {
                    result.add(part.strip());
                }
            }
        }
        return result;
    }

    static List<Object> fileglob(List<Object> terms, Args options, LookupContext context) {
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            String text = Py.str(term);
            String name = PathFilters.basename(text);
            List<Path> dirs = new ArrayList<>();
            if (Paths.get(text).isAbsolute()) {
                dirs.add(Paths.get(PathFilters.dirname(text)));
            } else if (!name.equals(text)) {
                Path dir = find(context, "files", PathFilters.dirname(text));
                if (dir != null) {
                    dirs.add(dir);
                } else {
                    // find_file_in_search_path warns when the directory is nowhere to be found
                    context.warning("Unable to find '" + PathFilters.dirname(text)
                            + "' in expected paths (use -vvvvv to see paths)");
                }
            } else {
                dirs.addAll(context.searchPaths("files"));
            }
            for (Path dir : dirs) {
                List<Object> found = PathFilters.fileglob(dir.resolve(name).toString());
                if (!found.isEmpty()) {
                    result.addAll(found);
                    break;
                }
            }
        }
        return result;
    }
}
