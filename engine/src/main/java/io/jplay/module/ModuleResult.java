package io.jplay.module;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module returns: an immutable, insertion-ordered map with Ansible's keys ({@code changed, failed,
 * msg, rc, stdout, stdout_lines, stderr, stderr_lines, diff, skipped, warnings, invocation}, plus the
 * module's own keys). The executor decides how to print it and what {@code failed}/{@code changed} mean for
 * the play; {@code changed} is always present.
 */
public final class ModuleResult {

    private final Map<String, Object> values;

    private ModuleResult(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ModuleResult failed(String msg) {
        return builder().changed(false).failed(msg).build();
    }

    public Map<String, Object> toMap() {
        return values;
    }

    public Object get(String key) {
        return values.get(key);
    }

    public boolean isChanged() {
        return Boolean.TRUE.equals(values.get("changed"));
    }

    public boolean isFailed() {
        return Boolean.TRUE.equals(values.get("failed"));
    }

    public boolean isSkipped() {
        return Boolean.TRUE.equals(values.get("skipped"));
    }

    public String msg() {
        Object m = values.get("msg");
        return m == null ? null : m.toString();
    }

    /** A copy with more keys (later keys win); used by the invoker to add warnings and invocation. */
    public ModuleResult with(Map<String, Object> more) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(more);
        return new ModuleResult(copy);
    }

    @Override
    public String toString() {
        return values.toString();
    }

    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
            values.put("changed", false);
        }

        public Builder changed(boolean changed) {
            values.put("changed", changed);
            return this;
        }

        public Builder failed(String msg) {
            values.put("failed", true);
            values.put("msg", msg);
            return this;
        }

        public Builder msg(String msg) {
            values.put("msg", msg);
            return this;
        }

        public Builder skipped(String msg) {
            values.put("skipped", true);
            if (msg != null) {
                values.put("msg", msg);
            }
            return this;
        }

        /** rc, stdout, stderr and their _lines (split as Python's splitlines()). */
        public Builder output(long rc, String stdout, String stderr) {
            values.put("rc", rc);
            values.put("stdout", stdout);
            values.put("stderr", stderr);
            values.put("stdout_lines", splitLines(stdout));
            values.put("stderr_lines", splitLines(stderr));
            return this;
        }

        /** One before/after pair; more are kept as a list the way Ansible's callback expects. */
        public Builder diff(Map<String, Object> diff) {
            Object existing = values.get("diff");
            if (existing == null) {
                values.put("diff", diff);
            } else if (existing instanceof List<?> list) {
                List<Object> more = new ArrayList<>(list);
                more.add(diff);
                values.put("diff", more);
            } else {
                values.put("diff", new ArrayList<>(List.of(existing, diff)));
            }
            return this;
        }

        public Builder put(String key, Object value) {
            values.put(key, value);
            return this;
        }

        public Builder putAll(Map<String, Object> more) {
            values.putAll(more);
            return this;
        }

        public boolean isChanged() {
            return Boolean.TRUE.equals(values.get("changed"));
        }

        public ModuleResult build() {
            return new ModuleResult(new LinkedHashMap<>(values));
        }
    }

    /** Python's str.splitlines() for the line separators that occur in command output. */
    public static List<String> splitLines(String text) {
        if (text == null || text.isEmpty()) {
            return new ArrayList<>();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r\n|\n|\r", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
