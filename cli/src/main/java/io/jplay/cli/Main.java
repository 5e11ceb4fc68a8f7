package io.jplay.cli;

import io.jplay.error.JplayException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Entry point of {@code bin/jplay}. Subcommands ({@code jplay inventory ...}) are registered on
 * {@link PlaybookCommand}; every user-facing error ends here as one "ERROR! ..." message and Ansible's
 * exit code, never a stack trace (set JPLAY_DEBUG=1 to see one).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs jplay with the given arguments and streams in this process's environment; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, RunEnvironment.ofThisProcess());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, with the environment and working directory given. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, RunEnvironment environment) {
        CommandLine cli = new CommandLine(new PlaybookCommand(environment));
        cli.addSubcommand("inventory", new InventoryCommand());
        // "-e @vars.yml" and "--limit @retry" are Ansible's, not picocli's argument files
        cli.setExpandAtFiles(false);
        // "-i inventory": a file named like the subcommand is still the option's value
        cli.setAllowSubcommandsAsOptionParameters(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> reportError(ex, err));
        cli.setParameterExceptionHandler((ex, args1) -> {
            err.println("ERROR! " + ex.getMessage());
            err.println("usage: see 'jplay --help'");
            err.flush();
            return 2;
        });
        return cli.execute(args);
    }

    static int reportError(Exception ex, PrintWriter err) {
        if (System.getenv("JPLAY_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        if (ex instanceof JplayException jplay) {
            String text = "ERROR! " + jplay.describe();
            // an excerpt already ends its last line
            err.print(text.endsWith("\n") ? text : text + "\n");
            err.flush();
            return jplay.exitCode();
        }
        err.println("ERROR! Unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                + "\nThis is a bug in jplay; rerun with JPLAY_DEBUG=1 and report the stack trace.");
        err.flush();
        return 250;
    }
}
