package io.jplay.cli;

import io.jplay.python.PythonJson;
import io.jplay.testing.SharedData;
import io.jplay.yaml.YamlLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden playbook (shared/golden/kubespray-vars/render2.yml: 495 debug tasks per host, then a copy of
 * every value to out/HOST.json) run by jplay with 4 forks, as ansible-core 2.14.18 ran it: each file must
 * equal expected/HOST.json as parsed JSON, types included.
 */
class KubesprayRender2Test {

    @TempDir
    Path work;

    @Test
    void render2WritesWhatAnsibleWrote() throws IOException {
        Path golden = SharedData.resolve("golden/kubespray-vars");
        Path data = SharedData.resolve("kubespray-data");
        Files.copy(golden.resolve("render2.yml"), work.resolve("render2.yml"));
        copyTree(golden.resolve("host_vars"), work.resolve("host_vars"));
        copyTree(data.resolve("roles/kubespray-defaults"), work.resolve("roles/kubespray-defaults"));
        copyTree(data.resolve("roles/download"), work.resolve("roles/download"));
        Files.createDirectories(work.resolve("out"));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.run(new String[]{"-f", "4", "-i", data.resolve("config/inventory.ini").toString(),
                        "-e", "@" + data.resolve("config/env.yml"), work.resolve("render2.yml").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true),
                new RunEnvironment(System.getenv(), work));
        assertThat(rc).as(out.toString().lines().filter(l -> l.contains("FAILED") || l.contains("fatal")).limit(3).toList() + err.toString()).isZero();

        for (String host : List.of("kube-control-01", "kube-control-02", "kube-control-03", "kube-node-01")) {
            String expected = Files.readString(golden.resolve("expected/" + host + ".json"))
                    .replace("@SHARED@", SharedData.root().toString());
            Object actual = YamlLoader.load(Files.readString(work.resolve("out/" + host + ".json")), null);
            // compare through one serialisation so that ints stay ints and floats floats, as in Python
            assertThat(PythonJson.dumps(actual, PythonJson.Options.unicode(4, true)))
                    .as(host)
                    .isEqualTo(PythonJson.dumps(YamlLoader.load(expected, null), PythonJson.Options.unicode(4, true)));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
