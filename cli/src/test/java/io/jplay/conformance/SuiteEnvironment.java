package io.jplay.conformance;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of a run (README "How a case is run", step 4): empty except PATH, HOME, USER and the
 * lines of {@code conformance/env}, with {@code @SUITE@}, {@code @PYTHON@} and {@code @TMP@} filled in
 * as record.sh does.
 */
final class SuiteEnvironment {

    /** record.sh's PATH: the test JVM's own PATH would make the run depend on the developer's shell. */
    static final String PATH = "/usr/local/bin:/usr/bin:/bin";

    private final String envFile;
    private final Path suiteDir;

    SuiteEnvironment(Path suiteDir) {
        this.suiteDir = suiteDir;
        this.envFile = ConformanceCase.read(suiteDir.resolve("env"));
    }

    Map<String, String> forRun(CaseSandbox sandbox) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", PATH);
        env.put("HOME", sandbox.home().toString());
        env.put("USER", userName());
        for (String line : envFile.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String filled = line.replace("@PYTHON@", python3()).replace("@TMP@", sandbox.tmpDir().toString())
                    .replace("@SUITE@", suiteDir.toString());
            int eq = filled.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("conformance/env: not a KEY=VALUE line: " + line);
            }
            env.put(filled.substring(0, eq), filled.substring(eq + 1));
        }
        return env;
    }

    private static String userName() {
        String user = System.getenv("USER");
        return user != null ? user : System.getProperty("user.name");
    }

    /**
     * record.sh's {@code command -v python3}, looked up on {@link #PATH} without running anything (tests
     * never call Python). jplay only passes it on as ansible_python_interpreter; the fallback keeps the
     * value plausible where no python3 is installed.
     */
    static String python3() {
        for (String dir : PATH.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "python3");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return "/usr/bin/python3";
    }
}
