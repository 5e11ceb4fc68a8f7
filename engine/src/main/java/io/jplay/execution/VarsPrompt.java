package io.jplay.execution;

import io.jplay.error.JplayException;
import io.jplay.output.Display;
import io.jplay.python.PythonValues;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A play's {@code vars_prompt} (PlaybookExecutor.run with Display.do_var_prompt): each variable not given
 * with {@code -e} is asked on the terminal; without a terminal on stdin Ansible warns "Not prompting as we
 * are not in interactive mode" and takes the default, or the text "None" (its to_text(None)) when there is
 * none. The answers become play vars.
 */
final class VarsPrompt {

    private VarsPrompt() {
    }

    static Map<String, Object> answers(Object varsPrompt, Map<String, Object> extraVars, Display display) {
        Map<String, Object> answers = new LinkedHashMap<>();
        if (!(varsPrompt instanceof List<?> entries)) {
            return answers;
        }
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> spec) || spec.get("name") == null) {
                throw new JplayException("Invalid vars_prompt data structure, missing 'name' key");
            }
            String name = String.valueOf(spec.get("name"));
            if (extraVars.containsKey(name)) {
                continue;
            }
            if (spec.get("encrypt") != null) {
                throw new JplayException("vars_prompt's encrypt is not supported by jplay yet (variable '" + name + "')");
            }
            Object prompt = spec.containsKey("prompt") ? spec.get("prompt") : name;
            Object fallback = spec.get("default");
            boolean isPrivate = !spec.containsKey("private") || bool(spec.get("private"));
            boolean confirm = spec.containsKey("confirm") && bool(spec.get("confirm"));
            String result = null;
            if (stdinIsTerminal()) {
                String msg = prompt != null && !"".equals(prompt) && fallback != null ? prompt + " [" + fallback + "]: "
                        : prompt != null && !"".equals(prompt) ? prompt + ": " : "input for " + name + ": ";
                while (true) {
                    result = ask(msg, isPrivate);
                    if (!confirm) {
                        break;
                    }
                    String second = ask("confirm " + msg, isPrivate);
                    if (java.util.Objects.equals(result, second)) {
                        break;
                    }
                    display.display("***** VALUES ENTERED DO NOT MATCH ****");
                }
            } else {
                display.warning("Not prompting as we are not in interactive mode");
            }
            Object value = result;
            if ((result == null || result.isEmpty()) && fallback != null) {
                value = fallback;
            }
            answers.put(name, value == null ? "None" : String.valueOf(value));
        }
        return answers;
    }

    private static boolean bool(Object value) {
        String text = String.valueOf(value).toLowerCase();
        return PythonValues.isTrue(value) && !text.equals("no") && !text.equals("false") && !text.equals("off")
                && !text.equals("n") && !text.equals("0");
    }

    /** sys.__stdin__.isatty(): Java cannot ask, /proc tells where fd 0 points. */
    private static boolean stdinIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static String ask(String msg, boolean isPrivate) {
        Console console = System.console();
        if (console != null) {
            if (isPrivate) {
                char[] secret = console.readPassword("%s", msg);
                return secret == null ? null : new String(secret);
            }
            return console.readLine("%s", msg);
        }
        System.out.print(msg);
        System.out.flush();
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
