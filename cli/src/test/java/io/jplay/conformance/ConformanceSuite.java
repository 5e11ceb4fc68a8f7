package io.jplay.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The {@code conformance/} folder of the repository and the case folders in it, in name order. */
record ConformanceSuite(Path dir) {

    /** Found through the {@code jplay.repo} property that surefire sets (the reactor root), else from the cwd. */
    static ConformanceSuite locate() {
        String repo = System.getProperty("jplay.repo");
        Path start = repo != null ? Path.of(repo) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("conformance/cases"))) {
                return new ConformanceSuite(ConformanceCase.realPath(p.resolve("conformance")));
            }
        }
        throw new IllegalStateException("no conformance/cases folder above " + start);
    }

    List<String> caseNames() {
        try (Stream<Path> dirs = Files.list(dir.resolve("cases"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("playbook.yml")))
                    .map(d -> d.getFileName().toString())
                    .filter(name -> name.matches("\\d{3}-.+"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The cases to run: all, or those named in {@code selection} (comma-separated, from -Dconformance.case).
     * An unknown name is an error, not an empty run that would pass.
     */
    List<String> select(String selection) {
        List<String> all = caseNames();
        if (selection == null || selection.isBlank()) {
            return all;
        }
        List<String> chosen = new ArrayList<>();
        for (String name : Arrays.stream(selection.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            String bare = name.replaceAll("/+$", "").replaceAll(".*/", "");
            if (!all.contains(bare)) {
                throw new IllegalArgumentException("conformance.case: no such case: " + name);
            }
            chosen.add(bare);
        }
        return chosen;
    }

    ConformanceCase load(String caseName) {
        return ConformanceCase.load(dir.resolve("cases").resolve(caseName), dir);
    }
}
