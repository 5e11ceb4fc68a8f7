package io.jplay.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * The log_path file: Python logging's basicConfig with Ansible's format
 * {@code %(asctime)s p=%(process)d u=%(user)s n=%(name)s | %(message)s}, level INFO (debug-coloured lines,
 * such as "task path:", are not logged).
 */
public final class LogFile {

    /** Python logging levels, as Display picks them from a message's colour. */
    public enum Level {
        DEBUG(10), INFO(20), WARNING(30), ERROR(40);

        final int value;

        Level(int value) {
            this.value = value;
        }
    }

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final Path path;
    private final long pid;
    private final String user;
    private final Supplier<LocalDateTime> clock;

    public LogFile(Path path, long pid, String user, Supplier<LocalDateTime> clock) {
        this.path = path;
        this.pid = pid;
        this.user = user;
        this.clock = clock;
    }

    /** The log of this process, as ansible-playbook names it. */
    public static LogFile forProcess(Path path) {
        return new LogFile(path, ProcessHandle.current().pid(), System.getProperty("user.name"), LocalDateTime::now);
    }

    /** Ansible logs when the file is writable or its folder lets it be created. */
    public static boolean isUsable(Path path) {
        if (Files.exists(path)) {
            return Files.isWritable(path);
        }
        Path parent = path.toAbsolutePath().getParent();
        return parent != null && Files.isWritable(parent);
    }

    public Path path() {
        return path;
    }

    synchronized void log(Level level, String message) {
        if (level.value < Level.INFO.value) {
            return;
        }
        String line = ASCTIME.format(clock.get()) + " p=" + pid + " u=" + user + " n=ansible | " + message + "\n";
        try {
            Files.writeString(path, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** display.color_to_log_level; no colour is INFO. */
    static Level levelOf(Color color) {
        if (color == null) {
            return Level.INFO;
        }
        return switch (color) {
            case ERROR, UNREACHABLE -> Level.ERROR;
            case WARN, SKIP, DEPRECATE -> Level.WARNING;
            case DEBUG -> Level.DEBUG;
            default -> Level.INFO;
        };
    }
}
