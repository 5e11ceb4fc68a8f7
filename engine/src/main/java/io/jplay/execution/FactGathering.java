package io.jplay.execution;

import io.jplay.config.AnsibleConfig;
import io.jplay.config.Setting;
import io.jplay.playbook.Task;
import io.jplay.python.PythonJson;
import io.jplay.yaml.YamlLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When plays gather facts and where gathered facts are kept between runs: the {@code gathering} setting
 * (implicit, explicit, smart), the play's {@code gather_facts}/{@code gather_subset}/{@code gather_timeout}, and the
 * {@code jsonfile} fact cache (one JSON file per host under {@code fact_caching_connection}, valid for
 * {@code fact_caching_timeout} seconds), which kubespray's ansible.cfg turns on with {@code gathering = smart}.
 */
final class FactGathering {

    static final String TASK_NAME = "Gathering Facts";

    private final String mode;
    private final List<String> defaultSubset;
    private final Path cacheDir;
    private final long cacheTimeoutSeconds;
    /** Hosts whose facts were gathered in this run or found in the cache (what "smart" skips). */
    private final Set<String> gathered = ConcurrentHashMap.newKeySet();

    FactGathering(AnsibleConfig config) {
        this.mode = config.getString(Setting.DEFAULT_GATHERING).strip().toLowerCase();
        this.defaultSubset = config.getList(Setting.DEFAULT_GATHER_SUBSET);
        String plugin = config.getString(Setting.CACHE_PLUGIN);
        String connection = config.getString(Setting.CACHE_PLUGIN_CONNECTION);
        boolean jsonfile = plugin != null && plugin.replace("ansible.builtin.", "").equals("jsonfile") && connection != null;
        this.cacheDir = jsonfile ? Path.of(connection.startsWith("~/") ? System.getProperty("user.home") + connection.substring(1) : connection) : null;
        this.cacheTimeoutSeconds = config.getInt(Setting.CACHE_PLUGIN_TIMEOUT);
    }

    /** Whether the play gets a "Gathering Facts" task, from its gather_facts keyword (templated already) and the mode. */
    boolean playGathers(Object gatherFacts) {
        if (mode.equals("explicit")) {
            return gatherFacts != null && io.jplay.config.Booleans.isTrue(gatherFacts);
        }
        return gatherFacts == null || io.jplay.config.Booleans.isTrue(gatherFacts);
    }

    /** The implicit task, tagged always as Ansible's is, with the play's gather_* keywords as its arguments. */
    Task task(Object subset, Object timeout, Object factPath) {
        Map<String, Object> args = new LinkedHashMap<>();
        Object chosenSubset = subset != null ? subset : (defaultSubset == null || defaultSubset.isEmpty() ? null : defaultSubset);
        if (chosenSubset != null) {
            args.put("gather_subset", chosenSubset);
        }
        if (timeout != null) {
            args.put("gather_timeout", timeout);
        }
        if (factPath != null) {
            args.put("fact_path", factPath);
        }
        Map<String, Object> keywords = new LinkedHashMap<>();
        keywords.put("name", TASK_NAME);
        keywords.put("tags", List.of("always"));
        return new Task("gather_facts", args, keywords, null, false, null);
    }

    static boolean isGatherTask(Task task) {
        return task.location() == null && "gather_facts".equals(task.action()) && TASK_NAME.equals(task.keyword("name"));
    }

    /** smart: a host whose facts are already known is not gathered again. */
    boolean skips(String host) {
        return mode.equals("smart") && gathered.contains(host);
    }

    /** Facts of a host from the cache, or null (no cache, no file, expired, unreadable). */
    @SuppressWarnings("unchecked")
    Map<String, Object> cached(String host) {
        if (cacheDir == null) {
            return null;
        }
        Path file = cacheDir.resolve(host);
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            Instant written = Files.getLastModifiedTime(file).toInstant();
            if (cacheTimeoutSeconds > 0 && Duration.between(written, Instant.now()).getSeconds() > cacheTimeoutSeconds) {
                return null;
            }
            Object facts = YamlLoader.load(Files.readString(file), file);
            if (facts instanceof Map<?, ?> map) {
                gathered.add(host);
                return (Map<String, Object>) map;
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable cache entry is a cache miss, as with Ansible's jsonfile plugin
        }
        return null;
    }

    /** Remembers that the host's facts are known and writes them to the cache. */
    void store(String host, Map<String, Object> facts) {
        gathered.add(host);
        if (cacheDir == null) {
            return;
        }
        try {
            Files.createDirectories(cacheDir);
            Files.writeString(cacheDir.resolve(host), PythonJson.dumps(facts, PythonJson.Options.unicode(4, true)));
        } catch (IOException e) {
            // Ansible warns and goes on when the cache cannot be written; the run's result does not depend on it
        }
    }

}
