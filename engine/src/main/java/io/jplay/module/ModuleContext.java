package io.jplay.module;

import io.jplay.connection.Connection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a module sees of one task on one host. The executor builds one per (task, host) with
 * {@link #builder()}: the templated raw arguments, the host's connection, check/diff mode, the source
 * resolver for controller-side files, the remote temp dir and the inventory hostname. {@link ModuleInvoker}
 * validates the raw arguments and hands the module {@link #args()}.
 */
public final class ModuleContext {

    private final String invokedName;
    private final Map<String, Object> rawArgs;
    private final Connection connection;
    private final boolean checkMode;
    private final boolean diffMode;
    private final SourceResolver sources;
    private final TemplateRenderer templates;
    private final java.util.function.Supplier<String> remoteTmp;
    private final java.util.function.Function<String, Object> hostVars;
    private final String hostName;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private ModuleArgs args;

    private ModuleContext(Builder b) {
        this.invokedName = b.invokedName;
        this.rawArgs = Collections.unmodifiableMap(new LinkedHashMap<>(b.args));
        this.connection = Objects.requireNonNull(b.connection, "connection");
        this.checkMode = b.checkMode;
        this.diffMode = b.diffMode;
        this.sources = b.sources;
        this.templates = b.templates;
        this.remoteTmp = b.remoteTmp;
        this.hostVars = b.hostVars;
        this.hostName = b.hostName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The module name as the task wrote it ({@code copy}, {@code ansible.builtin.copy}), or null. */
    public String invokedName() {
        return invokedName;
    }

    /** The task's templated arguments before validation. */
    public Map<String, Object> rawArgs() {
        return rawArgs;
    }

    /** The validated arguments; set by {@link ModuleInvoker} before {@link Module#run}. */
    public ModuleArgs args() {
        if (args == null) {
            throw new IllegalStateException("arguments not validated yet: run modules through ModuleInvoker");
        }
        return args;
    }

    void setArgs(ModuleArgs validated) {
        this.args = validated;
    }

    public Connection connection() {
        return connection;
    }

    public boolean checkMode() {
        return checkMode;
    }

    public boolean diffMode() {
        return diffMode;
    }

    public SourceResolver sources() {
        return sources;
    }

    /** Renders templates for the template module with the task's variables. */
    public TemplateRenderer templates() {
        return templates;
    }

    /** A directory on the target the module may create files in (Ansible's remote_tmp); null means {@code /tmp}. */
    public String remoteTmp() {
        String path = remoteTmp == null ? null : remoteTmp.get();
        return path == null ? "/tmp" : path;
    }

    /**
     * A variable of the task's host, templated (for example a gathered fact such as {@code ansible_pkg_mgr}), or
     * null when it is not defined. Modules read facts through this instead of gathering them again.
     */
    public Object hostVar(String name) {
        return hostVars == null ? null : hostVars.apply(name);
    }

    public String hostName() {
        return hostName;
    }

    /** Ansible's module.warn(): shown by the callback as "[WARNING]: ...". */
    public void warn(String message) {
        warnings.add(message);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Each invocation (an until/retries loop runs the same context again) starts without warnings. */
    void clearWarnings() {
        warnings.clear();
    }

    public static final class Builder {
        private String invokedName;
        private Map<String, Object> args = Map.of();
        private Connection connection;
        private boolean checkMode;
        private boolean diffMode;
        private SourceResolver sources = (kind, name) -> {
            throw new ModuleFailure("Could not find or access '" + name + "' on the Ansible Controller.");
        };
        private TemplateRenderer templates = (template, text, options) -> {
            throw new ModuleFailure("templating is not available in this context");
        };
        private java.util.function.Supplier<String> remoteTmp;
        private java.util.function.Function<String, Object> hostVars;
        private String hostName = "localhost";

        public Builder invokedName(String name) {
            this.invokedName = name;
            return this;
        }

        public Builder args(Map<String, Object> args) {
            this.args = args == null ? Map.of() : args;
            return this;
        }

        public Builder connection(Connection connection) {
            this.connection = connection;
            return this;
        }

        public Builder checkMode(boolean checkMode) {
            this.checkMode = checkMode;
            return this;
        }

        public Builder diffMode(boolean diffMode) {
            this.diffMode = diffMode;
            return this;
        }

        public Builder sources(SourceResolver sources) {
            this.sources = sources;
            return this;
        }

        public Builder templates(TemplateRenderer templates) {
            this.templates = templates;
            return this;
        }

        public Builder remoteTmp(String remoteTmp) {
            this.remoteTmp = () -> remoteTmp;
            return this;
        }

        /** The remote temp dir, worked out (and made) only when a module asks for it. */
        public Builder remoteTmp(java.util.function.Supplier<String> remoteTmp) {
            this.remoteTmp = remoteTmp;
            return this;
        }

        /** Looks up the host's variables for {@link #hostVar}. */
        public Builder hostVars(java.util.function.Function<String, Object> hostVars) {
            this.hostVars = hostVars;
            return this;
        }

        public Builder hostName(String hostName) {
            this.hostName = hostName;
            return this;
        }

        public ModuleContext build() {
            return new ModuleContext(this);
        }
    }
}
