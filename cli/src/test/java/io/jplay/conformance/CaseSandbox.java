package io.jplay.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The scratch folders of one run, as record.sh makes them: {@code work} (the playbook's {@code work_dir},
 * {@code @WORK@}) and {@code tmp} (Ansible's temp dirs, {@code @TMP@}; {@code tmp/home} is $HOME), in a fresh
 * temporary folder outside the suite. Deleted on close.
 */
final class CaseSandbox implements AutoCloseable {

    private final Path root;

    CaseSandbox() {
        try {
            root = Files.createTempDirectory("jplay-conformance-").toRealPath();
            Files.createDirectories(workDir());
            Files.createDirectories(home());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path workDir() {
        return root.resolve("work");
    }

    Path tmpDir() {
        return root.resolve("tmp");
    }

    Path home() {
        return tmpDir().resolve("home");
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
