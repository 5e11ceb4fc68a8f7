package io.jplay.cli;

import io.jplay.config.AnsibleConfig;
import io.jplay.error.JplayException;
import io.jplay.execution.ConnectionFlags;
import io.jplay.execution.ExecutorOptions;
import io.jplay.execution.PlaybookExecutor;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jplay [options] playbook.yml ...}: ansible-playbook's command line, flag for flag. */
@Command(name = "jplay", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = "Runs Ansible playbooks, executing the defined tasks on the targeted hosts, without Python.")
final class PlaybookCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Environment variables and working directory of this run (see {@link RunEnvironment}). */
    final RunEnvironment environment;

    PlaybookCommand(RunEnvironment environment) {
        this.environment = environment;
    }

    @Option(names = {"-i", "--inventory", "--inventory-file"}, paramLabel = "INVENTORY",
            description = "specify inventory host path or comma separated host list (repeatable)")
    List<String> inventories = new ArrayList<>();

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "EXTRA_VARS",
            description = "set additional variables as key=value or YAML/JSON, if filename prepend with @ (repeatable)")
    List<String> extraVars = new ArrayList<>();

    @Option(names = {"-l", "--limit"}, paramLabel = "SUBSET",
            description = "further limit selected hosts to an additional pattern")
    List<String> limits = new ArrayList<>();

    @Option(names = {"-t", "--tags"}, paramLabel = "TAGS", description = "only run plays and tasks tagged with these values")
    List<String> tags = new ArrayList<>();

    @Option(names = "--skip-tags", paramLabel = "SKIP_TAGS",
            description = "only run plays and tasks whose tags do not match these values")
    List<String> skipTags = new ArrayList<>();

    @Option(names = {"-C", "--check"}, description = "don't make any changes; instead, try to predict some of the changes that may occur")
    boolean check;

    @Option(names = {"-D", "--diff"}, description = "when changing (small) files and templates, show the differences in those files")
    boolean diff;

    @Option(names = {"-f", "--forks"}, paramLabel = "FORKS", description = "specify number of parallel processes to use (default=5)")
    Integer forks;

    @Option(names = {"-v", "--verbose"}, description = "verbose mode (-vvv for more, -vvvv to enable connection debugging)")
    boolean[] verbose = new boolean[0];

    @Option(names = "--list-hosts", description = "outputs a list of matching hosts; does not execute anything else")
    boolean listHosts;

    @Option(names = "--list-tasks", description = "list all tasks that would be executed")
    boolean listTasks;

    @Option(names = "--list-tags", description = "list all available tags")
    boolean listTags;

    @Option(names = "--syntax-check", description = "perform a syntax check on the playbook, but do not execute it")
    boolean syntaxCheck;

    @Option(names = "--start-at-task", paramLabel = "START_AT_TASK", description = "start the playbook at the task matching this name")
    String startAtTask;

    @Option(names = "--force-handlers", description = "run handlers even if a task fails")
    boolean forceHandlers;

    @Option(names = "--flush-cache", description = "clear the fact cache for every host in inventory")
    boolean flushCache;

    @ArgGroup(validate = false, heading = "%nConnection Options:%n")
    ConnectionOptions connection = new ConnectionOptions();

    @ArgGroup(validate = false, heading = "%nPrivilege Escalation Options:%n")
    BecomeOptions become = new BecomeOptions();

    @Option(names = "--vault-id", paramLabel = "VAULT_IDS", description = "the vault identity to use")
    List<String> vaultIds = new ArrayList<>();

    @Option(names = {"--vault-password-file", "--vault-pass-file"}, paramLabel = "VAULT_PASSWORD_FILES", description = "vault password file")
    List<String> vaultPasswordFiles = new ArrayList<>();

    @Option(names = {"--ask-vault-password", "--ask-vault-pass"}, description = "ask for vault password")
    boolean askVaultPassword;

    @Parameters(paramLabel = "playbook", description = "Playbook(s)")
    List<String> playbooks = new ArrayList<>();

    /** -u, -k, --private-key, -c, -T and the ssh argument flags. */
    static final class ConnectionOptions {
        @Option(names = {"--private-key", "--key-file"}, paramLabel = "PRIVATE_KEY_FILE", description = "use this file to authenticate the connection")
        String privateKeyFile;

        @Option(names = {"-u", "--user"}, paramLabel = "REMOTE_USER", description = "connect as this user (default=None)")
        String remoteUser;

        @Option(names = {"-c", "--connection"}, paramLabel = "CONNECTION", description = "connection type to use (default=smart)")
        String connection;

        @Option(names = {"-T", "--timeout"}, paramLabel = "TIMEOUT", description = "override the connection timeout in seconds (default=10)")
        Integer timeout;

        @Option(names = "--ssh-common-args", paramLabel = "SSH_COMMON_ARGS", description = "specify common arguments to pass to sftp/scp/ssh (e.g. ProxyCommand)")
        String sshCommonArgs;

        @Option(names = "--ssh-extra-args", paramLabel = "SSH_EXTRA_ARGS", description = "specify extra arguments to pass to ssh only (e.g. -R)")
        String sshExtraArgs;

        @Option(names = {"-k", "--ask-pass"}, description = "ask for connection password")
        boolean askPass;

        @Option(names = {"--connection-password-file", "--conn-pass-file"}, paramLabel = "CONNECTION_PASSWORD_FILE", description = "Connection password file")
        String connectionPasswordFile;
    }

    /** -b, --become-user, --become-method, -K. */
    static final class BecomeOptions {
        @Option(names = {"-b", "--become"}, description = "run operations with become (does not imply password prompting)")
        boolean become;

        @Option(names = "--become-method", paramLabel = "BECOME_METHOD", description = "privilege escalation method to use (default=sudo)")
        String becomeMethod;

        @Option(names = "--become-user", paramLabel = "BECOME_USER", description = "run operations as this user (default=root)")
        String becomeUser;

        @Option(names = {"-K", "--ask-become-pass"}, description = "ask for privilege escalation password")
        boolean askBecomePass;

        @Option(names = {"--become-password-file", "--become-pass-file"}, paramLabel = "BECOME_PASSWORD_FILE", description = "Become password file")
        String becomePasswordFile;
    }

    int verbosity() {
        return verbose.length;
    }

    @Override
    public Integer call() {
        if (playbooks.isEmpty()) {
            throw new JplayException("the following arguments are required: playbook");
        }
        // relative inventory paths are the working directory's; host lists ("a,b") are kept as written
        List<String> sources = new ArrayList<>();
        for (String source : inventories) {
            Path resolved = environment.resolve(source);
            sources.add(!source.contains(",") && java.nio.file.Files.exists(resolved) ? resolved.toString() : source);
        }
        ExecutorOptions options = new ExecutorOptions(sources, extraVars, limits, tags, skipTags, check, diff, forks,
                verbosity(), startAtTask, forceHandlers, connection.remoteUser, connection.connection, become.become,
                become.becomeMethod, become.becomeUser, environment.workingDirectory(), environment.variables(),
                new ConnectionFlags(connection.privateKeyFile, connection.timeout, connection.sshCommonArgs,
                        connection.sshExtraArgs,
                        Passwords.read(connection.askPass, connection.connectionPasswordFile, "SSH password: ", environment),
                        Passwords.read(become.askBecomePass, become.becomePasswordFile, "BECOME password: ", environment)));
        AnsibleConfig config = AnsibleConfig.load(environment.variables(), environment.workingDirectory(), environment.home());
        return new PlaybookExecutor(options, config, spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(playbooks, new PlaybookExecutor.Listing(listHosts, listTasks, listTags, syntaxCheck));
    }
}
