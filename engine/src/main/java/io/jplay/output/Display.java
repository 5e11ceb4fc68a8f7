package io.jplay.output;

import io.jplay.config.AnsibleConfig;
import io.jplay.config.Setting;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ansible.utils.display.Display: every line ansible-playbook shows goes through here. Thread-safe: hosts
 * report in parallel, and one message (possibly several lines) is written and flushed under one lock so
 * lines never interleave.
 */
public final class Display {

    private final Writer stdout;
    private final Writer stderr;
    private final int verbosity;
    private final boolean color;
    private final int columns;
    private final boolean deprecationWarnings;
    private final LogFile log;
    private final Palette palette;
    /** Shared by a display and its worker views: one message is written and flushed at a time. */
    private final Object writeLock;
    private final Set<String> warned;
    private final Set<String> deprecated;
    private final Set<String> errors;

    /**
     * @param columns the wrap and banner width: Ansible uses max(79, terminal width - 1), and 79 when stdout
     *                is not a terminal
     */
    public Display(Writer stdout, Writer stderr, int verbosity, boolean color, int columns, boolean deprecationWarnings) {
        this(stdout, stderr, verbosity, color, columns, deprecationWarnings, null, Palette.defaults());
    }

    /**
     * @param log     the log_path file, or null
     * @param palette the colour codes (ANSIBLE_COLOR_* overrides)
     */
    public Display(Writer stdout, Writer stderr, int verbosity, boolean color, int columns, boolean deprecationWarnings,
                   LogFile log, Palette palette) {
        this.log = log;
        this.palette = palette;
        this.stdout = stdout;
        this.stderr = stderr;
        this.verbosity = verbosity;
        this.color = color;
        this.columns = columns;
        this.deprecationWarnings = deprecationWarnings;
        this.writeLock = new Object();
        this.warned = new HashSet<>();
        this.deprecated = new HashSet<>();
        this.errors = new HashSet<>();
    }

    private Display(Display parent) {
        this.stdout = parent.stdout;
        this.stderr = parent.stderr;
        this.verbosity = parent.verbosity;
        this.color = parent.color;
        this.columns = parent.columns;
        this.deprecationWarnings = parent.deprecationWarnings;
        this.log = parent.log;
        this.palette = parent.palette;
        this.writeLock = parent.writeLock;
        synchronized (parent.warned) {
            this.warned = new HashSet<>(parent.warned);
        }
        synchronized (parent.deprecated) {
            this.deprecated = new HashSet<>(parent.deprecated);
        }
        synchronized (parent.errors) {
            this.errors = new HashSet<>(parent.errors);
        }
    }

    /**
     * The display a task's execution on one host uses. Ansible runs each host's task in a forked worker
     * whose Display remembers only what was shown before the fork: a warning already shown by the main
     * process is not repeated, but the same warning raised for two hosts is shown twice. Writes share
     * this display's lock and streams.
     */
    public Display workerView() {
        return new Display(this);
    }

    /**
     * A display on this process's stdout and stderr, coloured and sized as ansible-playbook would be, logging
     * to log_path when it is set and writable (else Ansible's warning, and no log).
     */
    public static Display forConsole(AnsibleConfig config, int verbosity, Map<String, String> env) {
        boolean tty = Terminal.stdoutIsTerminal();
        boolean useColor = useColor(config, tty && Terminal.supportsColor(env));
        Writer err = writer(System.err);
        LogFile log = null;
        Path logPath = config.getPath(Setting.DEFAULT_LOG_PATH);
        if (logPath != null) {
            if (LogFile.isUsable(logPath)) {
                log = LogFile.forProcess(logPath);
            } else {
                try {
                    err.write("[WARNING]: log file at " + logPath + " is not writeable and we cannot create it, aborting\n\n");
                    err.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new Display(writer(System.out), err, verbosity, useColor, columns(tty ? Terminal.width(env) : 0),
                config.getBoolean(Setting.DEPRECATION_WARNINGS), log, Palette.fromEnvironment(env));
    }

    /**
     * ansible.utils.color: no colour with nocolor/NO_COLOR, nor when stdout is not a colour terminal;
     * force_color wins over both.
     */
    static boolean useColor(AnsibleConfig config, boolean colorTerminal) {
        if (config.getBoolean(Setting.ANSIBLE_FORCE_COLOR)) {
            return true;
        }
        return !config.getBoolean(Setting.ANSIBLE_NOCOLOR) && colorTerminal;
    }

    /** Display._set_column_width: max(79, terminal width - 1); a width of 0 means stdout is no terminal. */
    static int columns(int terminalWidth) {
        return Math.max(79, terminalWidth - 1);
    }

    private static Writer writer(PrintStream stream) {
        return new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    }

    public int verbosity() {
        return verbosity;
    }

    public int columns() {
        return columns;
    }

    public boolean colorEnabled() {
        return color;
    }

    /** ansible.utils.color.stringc: the text in a colour when colours are on. */
    public String stringc(String text, Color c) {
        return color && c != null ? palette.wrap(text, c) : text;
    }

    public void display(String msg) {
        display(msg, null, false, true);
    }

    public void display(String msg, Color c) {
        display(msg, c, false, true);
    }

    public void display(String msg, Color c, boolean toStderr) {
        display(msg, c, toStderr, true);
    }

    /**
     * Display.display: a trailing newline of the message is kept out of the colour, and a newline is added
     * unless {@code newline} is false and the message has none.
     */
    public void display(String msg, Color c, boolean toStderr, boolean newline) {
        show(msg, c, toStderr, newline);
        logLine(msg, c);
    }

    /** display(screen_only=True): not written to the log file. */
    public void screenOnly(String msg) {
        show(msg, null, false, true);
    }

    /** display(log_only=True): written to the log file only. */
    public void logOnly(String msg) {
        logLine(msg, null);
    }

    private void logLine(String msg, Color c) {
        if (log != null) {
            // Python's logging adds the line end; the message loses its leading newlines (banners).
            log.log(LogFile.levelOf(c), msg.replaceFirst("^\n+", ""));
        }
    }

    private void show(String msg, Color c, boolean toStderr, boolean newline) {
        boolean hasNewline = msg.endsWith("\n");
        String text = hasNewline ? msg.substring(0, msg.length() - 1) : msg;
        text = stringc(text, c);
        if (hasNewline || newline) {
            text += "\n";
        }
        write(toStderr ? stderr : stdout, text);
    }

    private void write(Writer target, String text) {
        synchronized (writeLock) {
            try {
                target.write(text);
                target.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Display.banner: the message, then stars to the width (at least 3), after an empty line. */
    public void banner(String msg) {
        banner(msg, null);
    }

    public void banner(String msg, Color c) {
        String text = msg.strip();
        int starLength = columns - TextWidth.of(text);
        if (starLength <= 3) {
            starLength = 3;
        }
        display("\n" + text + " " + "*".repeat(starLength), c);
    }

    /** Display.warning: "[WARNING]: " wrapped to the width, on stderr, each distinct text once. */
    public void warning(String msg) {
        String text = String.join("\n", TextWrap.wrap("[WARNING]: " + msg, columns, true)) + "\n";
        warnOnce(text);
    }

    /** Display.warning(formatted=True): the text kept as it is, under a "[WARNING]: " line. */
    public void formattedWarning(String msg) {
        warnOnce("\n[WARNING]: \n" + msg);
    }

    private void warnOnce(String text) {
        synchronized (warned) {
            if (!warned.add(text)) {
                return;
            }
        }
        display(text, Color.WARN, true);
    }

    /**
     * Display.deprecated (not removed): "[DEPRECATION WARNING]: ..." wrapped without dropping whitespace,
     * on stderr, each distinct text once; silent when deprecation_warnings is off.
     */
    public void deprecated(String msg, String version, String date, String collectionName) {
        if (!deprecationWarnings) {
            return;
        }
        String text = deprecationMessage(msg, version, date, collectionName);
        String wrapped = String.join("\n", TextWrap.wrap(text, columns, false)) + "\n";
        synchronized (deprecated) {
            if (!deprecated.add(wrapped)) {
                return;
            }
        }
        display(wrapped.strip(), Color.DEPRECATE, true);
    }

    /** Display.get_deprecation_message for a feature not yet removed. */
    static String deprecationMessage(String msg, String version, String date, String collectionName) {
        String text = msg.strip();
        if (!text.isEmpty() && "!?.".indexOf(text.charAt(text.length() - 1)) < 0) {
            text += ".";
        }
        String collection = "ansible.builtin".equals(collectionName) ? "ansible-core" : collectionName;
        String from = collection == null || collection.isEmpty() ? "" : "from " + collection;
        String when = date != null && !date.isEmpty() ? "in a release after " + date + "."
                : version != null && !version.isEmpty() ? "in version " + version + "." : "in a future release.";
        StringBuilder out = new StringBuilder("[DEPRECATION WARNING]: " + text);
        for (String part : List.of("This feature will be removed", from, when,
                "Deprecation warnings can be disabled by setting deprecation_warnings=False in ansible.cfg.")) {
            if (!part.isEmpty()) {
                out.append(' ').append(part);
            }
        }
        return out.toString();
    }

    /** Display.error(wrap_text=False), as ansible-playbook reports fatal errors: "ERROR! msg" on stderr. */
    public void error(String msg) {
        errorOnce("ERROR! " + msg);
    }

    /** Display.error(wrap_text=True): "\n[ERROR]: msg" wrapped to the width. */
    public void wrappedError(String msg) {
        errorOnce(String.join("\n", TextWrap.wrap("\n[ERROR]: " + msg, columns, true)) + "\n");
    }

    private void errorOnce(String text) {
        synchronized (errors) {
            if (!errors.add(text)) {
                return;
            }
        }
        display(text, Color.ERROR, true);
    }

    /**
     * Display.verbose: shown when verbosity is above {@code capLevel} (-v shows capLevel 0), prefixed
     * "&lt;host&gt; " when a host is given.
     */
    public void verbose(String msg, String host, int capLevel) {
        if (verbosity > capLevel) {
            display(host == null ? msg : "<" + host + "> " + msg, Color.VERBOSE);
        }
    }

    public void v(String msg) {
        verbose(msg, null, 0);
    }

    public void vv(String msg) {
        verbose(msg, null, 1);
    }

    public void vvv(String msg) {
        verbose(msg, null, 2);
    }

    public void vvvv(String msg) {
        verbose(msg, null, 3);
    }
}
