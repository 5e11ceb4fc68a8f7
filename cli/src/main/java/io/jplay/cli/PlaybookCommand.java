package io.jplay.cli;

import io.jplay.error.JplayException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jplay [options] playbook.yml ...}: ansible-playbook's command line. */
@Command(name = "jplay", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs Ansible playbooks over SSH, without Python on the controller or the targets.")
final class PlaybookCommand implements Callable<Integer> {

    @Option(names = {"-i", "--inventory", "--inventory-file"}, description = "inventory host path or comma separated host list (repeatable)")
    List<String> inventories = new ArrayList<>();

    @Option(names = {"-e", "--extra-vars"}, description = "set additional variables as key=value, YAML/JSON, or @file (repeatable)")
    List<String> extraVars = new ArrayList<>();

    @Parameters(paramLabel = "playbook", description = "playbook(s)")
    List<String> playbooks = new ArrayList<>();

    @Override
    public Integer call() {
        if (playbooks.isEmpty()) {
            throw new JplayException("the following arguments are required: playbook");
        }
        throw new JplayException("Running playbooks is not built yet (issue 3); 'jplay inventory' works.");
    }
}
