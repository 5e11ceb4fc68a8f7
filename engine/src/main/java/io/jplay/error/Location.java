package io.jplay.error;

import java.nio.file.Path;

/**
 * Where something came from in the user's files, for error messages: "file, line, column".
 * Line and column are 1-based; 0 means unknown.
 */
public record Location(String file, int line, int column) {

    public static final Location UNKNOWN = new Location(null, 0, 0);

    public static Location of(Path file, int line, int column) {
        return new Location(file == null ? null : file.toString(), line, column);
    }

    public static Location of(Path file) {
        return of(file, 0, 0);
    }

    public boolean isKnown() {
        return file != null;
    }

    /** Ansible's way of pointing at a place: {@code 'path': line 3, column 5}. */
    public String describe() {
        if (file == null) {
            return "<unknown>";
        }
        if (line <= 0) {
            return "'" + file + "'";
        }
        return "'" + file + "': line " + line + ", column " + Math.max(column, 1);
    }

    @Override
    public String toString() {
        if (file == null) {
            return "<unknown>";
        }
        return line > 0 ? file + ":" + line : file;
    }
}
