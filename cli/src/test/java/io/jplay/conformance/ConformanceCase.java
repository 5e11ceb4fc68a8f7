package io.jplay.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One folder of {@code conformance/cases}: what to run and the outcome ansible-playbook had (already normalised).
 *
 * @param dir       the case folder, absolute with symlinks resolved (the run's working directory, {@code @CASE@})
 * @param inventory the case's {@code inventory}, else the suite's {@code inventory.local}
 * @param args      the lines of {@code args}: one argv element each
 */
record ConformanceCase(String name, Path dir, Path inventory, List<String> args, CompareMode compareMode,
                       Outcome expected) {

    static ConformanceCase load(Path caseDir, Path suiteDir) {
        Path dir = realPath(caseDir);
        Path inventory = Files.isRegularFile(dir.resolve("inventory"))
                ? dir.resolve("inventory") : suiteDir.resolve("inventory.local");
        List<String> args = Files.isRegularFile(dir.resolve("args")) ? argLines(read(dir.resolve("args"))) : List.of();
        CompareMode mode = Files.isRegularFile(dir.resolve("compare"))
                ? CompareMode.parse(read(dir.resolve("compare"))) : CompareMode.FULL;
        Path results = dir.resolve("expected.results.json");
        Outcome expected = new Outcome(
                Integer.parseInt(read(dir.resolve("expected.rc")).strip()),
                read(dir.resolve("expected.stdout")),
                read(dir.resolve("expected.stderr")),
                Files.isRegularFile(results) ? Optional.of(read(results)) : Optional.empty());
        return new ConformanceCase(dir.getFileName().toString(), dir, inventory, args, mode, expected);
    }

    /**
     * record.sh reads {@code args} with {@code while IFS= read -r line}: lines are kept whole (spaces included),
     * empty lines and lines starting with '#' are dropped.
     */
    static List<String> argLines(String text) {
        List<String> args = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                args.add(line);
            }
        }
        return args;
    }

    /** The command line of README "How a case is run", step 3 (without the program name). */
    List<String> commandLine(Path workDir) {
        List<String> argv = new ArrayList<>(List.of("-i", inventory.toString(), "-e", "work_dir=" + workDir));
        argv.addAll(args);
        argv.add("playbook.yml");
        return argv;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
