package io.jplay.execution;

import io.jplay.config.AnsibleConfig;
import io.jplay.config.Setting;
import io.jplay.error.JplayException;
import io.jplay.inventory.HostPatternMatcher;
import io.jplay.inventory.Inventory;
import io.jplay.inventory.InventoryLoader;
import io.jplay.module.ModuleRegistry;
import io.jplay.output.AggregateStats;
import io.jplay.output.CallbackDispatcher;
import io.jplay.output.CallbackOptions;
import io.jplay.output.DefaultCallback;
import io.jplay.output.Display;
import io.jplay.output.PlaybookCallback;
import io.jplay.playbook.ImportPlaybook;
import io.jplay.playbook.Play;
import io.jplay.playbook.Playbook;
import io.jplay.playbook.PlaybookEntry;
import io.jplay.playbook.PlaybookParser;
import io.jplay.template.Templar;
import io.jplay.vars.ExtraVars;
import io.jplay.vars.HashBehaviour;
import io.jplay.vars.InventoryView;
import io.jplay.vars.RunOptions;
import io.jplay.vars.VariableManager;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * ansible-playbook's PlaybookExecutor: loads the configuration, inventory and variables once, then runs each
 * playbook's plays in order, and returns Ansible's exit code (0, 2 failed hosts, 4 unreachable hosts).
 * Parse errors are thrown before anything runs, as Ansible loads a playbook before running it.
 */
public final class PlaybookExecutor {

    private final ExecutorOptions options;
    private final AnsibleConfig config;
    private final Writer out;
    private final Writer err;

    public PlaybookExecutor(ExecutorOptions options, AnsibleConfig config, Writer out, Writer err) {
        this.options = options;
        this.config = config;
        this.out = out;
        this.err = err;
    }

    public int run(List<String> playbookPaths) {
        Display display = new Display(out, err, options.verbosity(), config.getBoolean(Setting.ANSIBLE_FORCE_COLOR),
                79, config.getBoolean(Setting.DEPRECATION_WARNINGS));
        List<Path> files = new ArrayList<>();
        for (String path : playbookPaths) {
            Path file = options.cwd().resolve(path).normalize();
            if (!Files.exists(file)) {
                throw new JplayException("the playbook: " + path + " could not be found");
            }
            files.add(file);
        }
        List<String> sources = options.inventories().isEmpty()
                ? config.getList(Setting.DEFAULT_HOST_LIST) : options.inventories();
        Inventory inventory = InventoryLoader.load(sources, config, display::warning);
        HostPatternMatcher hosts = new HostPatternMatcher(inventory, display::warning);
        String limit = options.limit().isEmpty() ? null : String.join(",", options.limit());
        if (limit != null) {
            hosts.subset(limit);
        }
        HashBehaviour hashBehaviour = HashBehaviour.fromSetting(config.getString(Setting.DEFAULT_HASH_BEHAVIOUR));
        // all playbooks are parsed before any runs: a syntax error in the second stops the first too
        List<Playbook> playbooks = new ArrayList<>();
        for (Path file : files) {
            playbooks.add(PlaybookParser.parse(file));
        }
        Path playbookDir = files.get(0).getParent();
        InventoryView view = new InventoryView(inventory);
        VariableManager.Builder builder = VariableManager.builder(view);
        view.sourceFolders(display::warning, hashBehaviour).forEach(builder::inventoryAdjacent);
        int forks = options.forks() != null ? options.forks() : config.getInt(Setting.DEFAULT_FORKS);
        List<String> runTags = options.tags().isEmpty() ? List.of("all") : options.tags();
        VariableManager variables = builder
                .playbookDir(playbookDir, InventoryView.folder(playbookDir, display::warning, hashBehaviour))
                .extraVars(ExtraVars.parse(options.extraVars(), options.cwd(), hashBehaviour))
                .options(new RunOptions(options.check(), options.diff(), forks, sources, options.skipTags(), runTags,
                        limit, options.verbosity()))
                .configFile(config.configFile().map(Path::toString).orElse(null))
                .hashBehaviour(hashBehaviour)
                .build();
        TaskSearchPaths searchPaths = new TaskSearchPaths(pattern -> new HostPatternMatcher(inventory, w -> { }).hostNames(pattern));
        Templar templar = new Templar(searchPaths);
        PlaybookCallback events = new CallbackDispatcher(List.of(
                new DefaultCallback(display, CallbackOptions.from(config, options.environment(), options.check()))));
        AggregateStats stats = new AggregateStats();
        RunContext run = new RunContext(options, inventory, hosts, variables, templar, searchPaths, ModuleRegistry.load(),
                new Connections(options.connection()), display, events, stats);
        RunState state = new RunState();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, forks), runnable -> {
            Thread thread = new Thread(runnable, "jplay-worker");
            thread.setDaemon(true);
            return thread;
        });
        int result = PlayRun.RUN_OK;
        try {
            for (Playbook playbook : playbooks) {
                events.playbookStart(playbook.file().toString());
                List<Play> plays = new ArrayList<>();
                expand(playbook, plays, new ArrayList<>());
                for (Play play : plays) {
                    PlayRun.Outcome outcome = new PlayRun(run, state, play, playbookDir(play, playbook), workers).run();
                    result = outcome.result();
                    if (outcome.breakPlaybook()) {
                        break;
                    }
                }
            }
        } finally {
            workers.shutdownNow();
        }
        events.stats(stats);
        if (!state.unreachableHosts.isEmpty()) {
            return PlayRun.RUN_UNREACHABLE_HOSTS;
        }
        return result & ~PlayRun.RUN_FAILED_BREAK_PLAY;
    }

    private final java.util.Map<Play, Path> playDirs = new java.util.IdentityHashMap<>();

    private Path playbookDir(Play play, Playbook playbook) {
        return playDirs.getOrDefault(play, playbook.directory());
    }

    /** import_playbook, expanded in place (paths relative to the importing playbook). */
    private void expand(Playbook playbook, List<Play> plays, List<Path> seen) {
        for (PlaybookEntry entry : playbook.entries()) {
            if (entry instanceof Play play) {
                plays.add(play);
                playDirs.put(play, playbook.directory());
            } else if (entry instanceof ImportPlaybook imported) {
                Path file = playbook.directory().resolve(imported.path()).normalize();
                if (!Files.exists(file)) {
                    throw new JplayException("Unable to retrieve file contents\nCould not find or access '" + file + "'",
                            imported.location());
                }
                expand(PlaybookParser.parse(file), plays, seen);
            }
        }
    }
}
