package io.jplay.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the project's {@code ../shared} folder (kubespray data and ansible-core golden files).
 * Order: system property {@code jplay.shared}, env {@code JPLAY_SHARED}, then {@code <repo>/../shared}.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String explicit = System.getProperty("jplay.shared", System.getenv("JPLAY_SHARED"));
        if (explicit != null) {
            return Paths.get(explicit).toAbsolutePath().normalize();
        }
        String repo = System.getProperty("jplay.repo");
        Path base = repo != null ? Paths.get(repo) : Paths.get("").toAbsolutePath();
        for (Path p = base.toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("golden"))) {
                return candidate.normalize();
            }
        }
        throw new IllegalStateException("cannot find the shared/ folder beside the repository; set -Djplay.shared=DIR");
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
