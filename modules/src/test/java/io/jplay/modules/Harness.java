package io.jplay.modules;

import io.jplay.connection.Connection;
import io.jplay.connection.LocalConnection;
import io.jplay.module.Module;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleInvoker;
import io.jplay.module.ModuleRegistry;
import io.jplay.module.ModuleResult;
import io.jplay.module.SourceResolver;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs modules the way the executor does (through the registry and ModuleInvoker) over a LocalConnection, or over
 * any other connection, such as a test bed target's ({@code new Harness(base, Testbed.instance().rootConnection("target1"), "/tmp")}).
 */
public final class Harness {

    private static final ModuleRegistry REGISTRY = ModuleRegistry.load(Harness.class.getClassLoader());
    private final Connection connection;
    private final Path base;
    private final String remoteTmp;
    private final Map<String, Object> hostVars = new LinkedHashMap<>();
    private boolean check;
    private boolean diff;

    /** Modules run on this machine; {@code base} holds controller-side sources and is the remote temp dir. */
    public Harness(Path base) {
        this(base, new LocalConnection(), base.toString());
    }

    /** Modules run over {@code connection}; {@code base} holds controller-side sources. */
    public Harness(Path base, Connection connection, String remoteTmp) {
        this.base = base;
        this.connection = connection;
        this.remoteTmp = remoteTmp;
    }

    /** Modules run as root on a test bed systemd target ({@code target1} ...), with /tmp as remote temp dir. */
    public static Harness onTarget(Path base, String target) {
        return new Harness(base, io.jplay.testing.Testbed.instance().rootConnection(target), "/tmp");
    }

    public Harness check() {
        Harness h = copy();
        h.check = true;
        return h;
    }

    public Harness diff() {
        Harness h = copy();
        h.diff = true;
        return h;
    }

    /** A host variable (fact) the modules see through ModuleContext.hostVar. */
    public Harness hostVar(String name, Object value) {
        Harness h = copy();
        h.hostVars.put(name, value);
        return h;
    }

    private Harness copy() {
        Harness h = new Harness(base, connection, remoteTmp);
        h.check = check;
        h.diff = diff;
        h.hostVars.putAll(hostVars);
        return h;
    }

    public static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public ModuleResult run(String module, Map<String, Object> args) {
        Module m = REGISTRY.find(module).orElseThrow(() -> new AssertionError("no module " + module));
        ModuleContext ctx = ModuleContext.builder().invokedName(module).args(args).connection(connection)
                .checkMode(check).diffMode(diff).sources(SourceResolver.relativeTo(base))
                .templates((template, text, options) -> text.replace("{{ who }}", "world"))
                .remoteTmp(remoteTmp).hostVars(hostVars::get).hostName("testhost").build();
        return ModuleInvoker.invoke(m, ctx);
    }

    public ModuleResult run(String module, Object... kv) {
        return run(module, args(kv));
    }

    public static ModuleRegistry registry() {
        return REGISTRY;
    }
}
