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
import io.jplay.execution.action.Actions;
import io.jplay.playbook.Block;
import io.jplay.playbook.Task;
import io.jplay.playbook.TaskEntry;
import io.jplay.playbook.load.LoadTimeTemplater;
import io.jplay.playbook.load.LoadedPlay;
import io.jplay.playbook.load.PlayLoader;
import io.jplay.playbook.load.PlaySource;
import io.jplay.playbook.load.PlaybookLoader;
import io.jplay.vars.HostScope;
import io.jplay.vars.RoleVarsLoader;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** What to show instead of running (--list-hosts, --list-tasks, --list-tags, --syntax-check). */
    public record Listing(boolean hosts, boolean tasks, boolean tags, boolean syntaxCheck) {

        public static final Listing NONE = new Listing(false, false, false, false);

        boolean any() {
            return hosts || tasks || tags || syntaxCheck;
        }
    }

    public int run(List<String> playbookPaths) {
        return run(playbookPaths, Listing.NONE);
    }

    public int run(List<String> playbookPaths, Listing listing) {
        Display display = new Display(out, err, options.verbosity(), config.getBoolean(Setting.ANSIBLE_FORCE_COLOR),
                79, config.getBoolean(Setting.DEPRECATION_WARNINGS));
        if (options.verbosity() > 0) {
            display.display(config.configFile().map(f -> "Using " + f + " as config file")
                    .orElse("No config file found; using defaults"));
        }
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
        TaskSearchPaths searchPaths = new TaskSearchPaths(pattern -> new HostPatternMatcher(inventory, w -> { }).hostNames(pattern),
                display::warning);
        Templar templar = new Templar(searchPaths);
        PlaybookCallback events = new CallbackDispatcher(List.of(
                new DefaultCallback(display, CallbackOptions.from(config, options.environment(), options.check()))));
        AggregateStats stats = new AggregateStats();
        ModuleRegistry modules = ModuleRegistry.load();
        ModuleLibraries libraries = new ModuleLibraries();
        config.getPaths(Setting.DEFAULT_MODULE_PATH).forEach(libraries::addFolder);
        RunContext run = new RunContext(options, inventory, hosts, variables, templar, searchPaths, modules,
                new Connections(options.connection(), options.cwd(), new SshSettingsResolver(options, config),
                        config.getString(io.jplay.config.Setting.DEFAULT_BECOME_FLAGS)), display, events,
                stats, libraries, new FactGathering(config));
        for (String host : inventory.hosts().keySet()) {
            Map<String, Object> cached = run.facts().cached(host);
            if (cached != null) {
                variables.setHostFacts(host, cached);
            }
        }
        // every playbook is loaded (imports, roles) before any runs: a syntax error in the second stops the first too
        Map<String, Object> extra = variables.extraVars();
        LoadTimeTemplater loadTime = (value, localVars) -> {
            Map<String, Object> vars = new LinkedHashMap<>(localVars);
            vars.putAll(extra);
            return templar.template(value, new HostScope(null, vars));
        };
        PlayLoader playLoader = new PlayLoader(config.getPaths(Setting.DEFAULT_ROLES_PATH), new RoleVarsLoader(hashBehaviour), loadTime);
        Map<Path, List<LoadedPlay>> playbooks = new LinkedHashMap<>();
        for (Path file : files) {
            List<LoadedPlay> plays = new ArrayList<>();
            for (PlaySource source : new PlaybookLoader(loadTime).load(file)) {
                libraries.addFolder(source.playbookDir().resolve("library"));
                LoadedPlay loaded = playLoader.load(source);
                loaded.roles().forEach(role -> libraries.addFolder(role.path().resolve("library")));
                plays.add(loaded);
            }
            playbooks.put(file, plays);
        }
        for (List<LoadedPlay> plays : playbooks.values()) {
            for (LoadedPlay play : plays) {
                for (List<TaskEntry> section : List.of(play.preTasks(), play.roleTasks(), play.tasks(), play.postTasks(), play.handlers())) {
                    checkActions(section, modules, libraries);
                }
            }
        }
        if (listing.any()) {
            PlaybookListing lister = new PlaybookListing(display, hosts, new TagFilter(options.tags(), options.skipTags()));
            int index = 0;
            for (List<LoadedPlay> plays : playbooks.values()) {
                String given = playbookPaths.get(index++);
                if (listing.syntaxCheck() && !(listing.hosts() || listing.tasks() || listing.tags())) {
                    display.display("\nplaybook: " + given);
                    lister.resolveHosts(plays);
                } else {
                    lister.show(given, plays, listing.hosts(), listing.tasks(), listing.tags());
                }
            }
            return 0;
        }
        RunState state = new RunState();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, forks), runnable -> {
            Thread thread = new Thread(runnable, "jplay-worker");
            thread.setDaemon(true);
            return thread;
        });
        int result = PlayRun.RUN_OK;
        try {
            for (Map.Entry<Path, List<LoadedPlay>> playbook : playbooks.entrySet()) {
                events.playbookStart(playbook.getKey().toString());
                for (LoadedPlay play : playbook.getValue()) {
                    PlayRun.Outcome outcome = new PlayRun(run, state, play, workers).run();
                    result = outcome.result();
                    if (outcome.breakPlaybook()) {
                        break;
                    }
                }
            }
        } finally {
            workers.shutdownNow();
            run.connections().close();
        }
        events.stats(stats);
        if (!state.unreachableHosts.isEmpty()) {
            return PlayRun.RUN_UNREACHABLE_HOSTS;
        }
        // every play's iterator starts with the hosts that failed before marked failed: they make the result
        if (!state.failedHosts.isEmpty()) {
            return PlayRun.RUN_FAILED_HOSTS;
        }
        return result & ~PlayRun.RUN_FAILED_BREAK_PLAY;
    }


    /**
     * Ansible resolves every task's action when it loads the playbook: an unknown one stops the run before it
     * starts. Actions Ansible knows but jplay does not run yet pass here and fail when their task runs.
     */
    private static void checkActions(List<TaskEntry> entries, ModuleRegistry modules, ModuleLibraries libraries) {
        for (TaskEntry entry : entries) {
            if (entry instanceof Block block) {
                checkActions(block.block(), modules, libraries);
                checkActions(block.rescue(), modules, libraries);
                checkActions(block.always(), modules, libraries);
            } else if (entry instanceof Task task) {
                String action = task.moduleName();
                if (action.equals("meta") || TaskRunner.INCLUDES.contains(action) || Actions.find(action).isPresent()
                        || modules.contains(task.action()) || AnsibleActionNames.knownToAnsible(task.action())
                        || libraries.find(task.action()).isPresent()) {
                    continue;
                }
                throw new JplayException("couldn't resolve module/action '" + task.action() + "'. This often indicates a "
                        + "misspelling, missing collection, or incorrect module path.", task.location(), null, 4);
            }
        }
    }
}
