package io.jplay.modules.support;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Python's str() of datetime and timedelta, as command's start/end/delta show them. */
public final class PyTime {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private PyTime() {
    }

    public static String datetime(LocalDateTime t) {
        return DATETIME.format(t);
    }

    public static String delta(Duration d) {
        long micros = d.toNanos() / 1000;
        long seconds = micros / 1_000_000;
        return String.format("%d:%02d:%02d.%06d", seconds / 3600, (seconds / 60) % 60, seconds % 60, micros % 1_000_000);
    }
}
