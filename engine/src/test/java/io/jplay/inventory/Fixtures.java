package io.jplay.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Inventory fixtures under test resources {@code inventory/}, and the outputs ansible-core 2.14 gave for them. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/inventory/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Recorded with ansible-inventory 2.14.18 run from an empty directory. */
    static String expected(String name) {
        try {
            return Files.readString(path("expected/" + name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Inventory load(List<String> warnings, String... sources) {
        List<String> paths = new ArrayList<>();
        for (String s : sources) {
            paths.add(s.contains(",") ? s : path(s).toString());
        }
        return InventoryLoader.load(paths, warnings::add);
    }

    static Inventory load(String... sources) {
        return load(new ArrayList<>(), sources);
    }

    /** Writes a temporary inventory file and loads it. */
    static Inventory loadText(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return InventoryLoader.load(List.of(file.toString()), w -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
