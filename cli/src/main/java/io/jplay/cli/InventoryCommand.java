package io.jplay.cli;

import io.jplay.config.AnsibleConfig;
import io.jplay.config.Setting;
import io.jplay.error.JplayException;
import io.jplay.inventory.Inventory;
import io.jplay.inventory.InventoryLoader;
import io.jplay.inventory.InventoryVars;
import io.jplay.inventory.output.InventoryReport;
import io.jplay.python.PythonJson;
import io.jplay.inventory.output.PythonYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jplay inventory}: ansible-inventory's --list / --graph / --host, with its output byte for byte. */
@Command(name = "inventory", mixinStandardHelpOptions = true, description = "Show the inventory as Ansible sees it.")
final class InventoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--inventory", "--inventory-file"}, description = "inventory host path or comma separated host list (repeatable)")
    List<String> inventories = new ArrayList<>();

    @Option(names = {"-e", "--extra-vars"}, description = "set additional variables as key=value, YAML/JSON, or @file (repeatable)")
    List<String> extraVars = new ArrayList<>();

    @Option(names = "--list", description = "Output all hosts info, works as inventory script")
    boolean list;

    @Option(names = "--host", description = "Output specific host info, works as inventory script")
    String host;

    @Option(names = "--graph", description = "create inventory graph, if supplying pattern it must be a valid group name")
    boolean graph;

    @Option(names = {"-y", "--yaml"}, description = "Use YAML format instead of default JSON, ignored for --graph")
    boolean yaml;

    @Option(names = "--vars", description = "Add vars to graph display, ignored unless used with --graph")
    boolean showVars;

    @Option(names = "--export", description = "When doing an --list, represent in a way that is optimized for export")
    boolean export;

    @Option(names = "--output", description = "When doing --list, send the inventory to a file instead of to the screen")
    Path outputFile;

    @Option(names = "--playbook-dir", description = "Sets the relative path for many features including group_vars/host_vars")
    Path playbookDir;

    @Option(names = {"-v", "--verbose"}, description = "more output (accepted for compatibility)")
    boolean[] verbosity = new boolean[0];

    @Parameters(arity = "0..1", paramLabel = "host|group", description = "The name of a group in the inventory, relevant when using --graph")
    String pattern;

    @Override
    public Integer call() {
        int actions = (list ? 1 : 0) + (host != null ? 1 : 0) + (graph ? 1 : 0);
        if (actions == 0) {
            throw InventoryReport.optionsError("No action selected, at least one of --host, --graph or --list needs to be specified.");
        }
        if (actions > 1) {
            throw InventoryReport.optionsError("Conflicting options used, only one of --host, --graph or --list can be used at the same time.");
        }
        WarningPrinter warnings = new WarningPrinter(spec.commandLine().getErr());
        AnsibleConfig config = AnsibleConfig.load();
        Inventory inventory = InventoryLoader.load(inventories, config, warnings);
        boolean mergeHashes = "merge".equals(config.getString(Setting.DEFAULT_HASH_BEHAVIOUR));
        // Host vars come from the variable manager, whose basedir is --playbook-dir or else the current
        // directory; group vars (--graph --vars, --export) only look at --playbook-dir.
        List<Path> playDirs = playbookDir != null ? List.of(playbookDir.toAbsolutePath()) : List.of();
        List<Path> hostVarsDirs = playbookDir != null ? playDirs : List.of(Path.of("").toAbsolutePath());
        InventoryVars hostVars = new InventoryVars(inventory, hostVarsDirs, warnings, mergeHashes);
        InventoryVars groupVars = new InventoryVars(inventory, playDirs, warnings, mergeHashes);
        Map<String, Object> extra = ExtraVarsOption.parse(extraVars);
        InventoryReport report = new InventoryReport(inventory, hostVars, groupVars, extra, export);

        String results;
        if (host != null) {
            results = dump(report.host(host, warnings));
        } else if (graph) {
            results = report.graph(pattern == null ? "all" : pattern, showVars);
        } else {
            results = yaml ? PythonYaml.dump(report.yamlList()) : PythonJson.dumps(report.list(), PythonJson.Options.unicode(4, true));
        }
        if (outputFile == null) {
            // Ansible's Display adds a newline only when the text has none (YAML dumps end with one)
            spec.commandLine().getOut().print(results.endsWith("\n") ? results : results + "\n");
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(outputFile, results, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new JplayException("Unable to write to destination file (" + outputFile + "): " + e.getMessage());
            }
        }
        return 0;
    }

    private String dump(Map<String, Object> data) {
        return yaml ? PythonYaml.dump(data) : PythonJson.dumps(data, PythonJson.Options.unicode(4, true));
    }

}
