package io.jplay.modules;

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

/** Runs modules over a LocalConnection the way the executor will: through the registry and ModuleInvoker. */
public final class Harness {

    private static final ModuleRegistry REGISTRY = ModuleRegistry.load(Harness.class.getClassLoader());
    private final LocalConnection connection = new LocalConnection();
    private final Path base;
    private boolean check;
    private boolean diff;

    public Harness(Path base) {
        this.base = base;
    }

    public Harness check() {
        Harness h = new Harness(base);
        h.check = true;
        h.diff = diff;
        return h;
    }

    public Harness diff() {
        Harness h = new Harness(base);
        h.diff = true;
        h.check = check;
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
                .remoteTmp(base.toString()).hostName("testhost").build();
        return ModuleInvoker.invoke(m, ctx);
    }

    public ModuleResult run(String module, Object... kv) {
        return run(module, args(kv));
    }

    public static ModuleRegistry registry() {
        return REGISTRY;
    }
}
