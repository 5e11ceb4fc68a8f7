package io.jplay.cli;

import io.jplay.error.JplayException;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The connection and become passwords of {@code -k}/{@code -K} (asked for on the terminal without echo, as
 * ansible-playbook's getpass does) and of {@code --connection-password-file}/{@code --become-password-file} (the
 * file's first line). They are handed to the executor and never printed.
 */
final class Passwords {

    private Passwords() {
    }

    /** The password asked for, read from the file, or null when neither flag was given. */
    static String read(boolean ask, String file, String prompt, RunEnvironment environment) {
        if (file != null) {
            Path path = environment.resolve(file);
            try {
                String text = Files.readString(path, StandardCharsets.UTF_8);
                int newline = text.indexOf('\n');
                return (newline < 0 ? text : text.substring(0, newline)).replaceAll("\r$", "");
            } catch (IOException e) {
                throw new JplayException("The password file " + file + " was not found or could not be read: " + e.getMessage());
            }
        }
        if (!ask) {
            return null;
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? "" : new String(typed);
        }
        // no terminal: getpass falls back to reading a line from stdin
        System.err.print(prompt);
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new JplayException("cannot read the password from standard input: " + e.getMessage());
        }
    }
}
