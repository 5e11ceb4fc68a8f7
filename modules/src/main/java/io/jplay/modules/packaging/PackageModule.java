package io.jplay.modules.packaging;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleInvoker;
import io.jplay.module.ModuleRegistry;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionSpec;
import io.jplay.module.OptionType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.package (its action plugin): runs the module named by {@code use}, or by the target's
 * ansible_pkg_mgr (the gathered fact, else probed), with the task's other arguments, which that module validates.
 */
public final class PackageModule implements Module {

    private static final ArgumentSpec SPEC = spec();

    private static final class Registry {
        static final ModuleRegistry INSTANCE = ModuleRegistry.load(PackageModule.class.getClassLoader());
    }

    /** name, state, use; and every option of the backends jplay has, unchecked here: the chosen backend checks them. */
    private static ArgumentSpec spec() {
        ArgumentSpec.Builder b = ArgumentSpec.builder()
                .option("name", OptionType.RAW).required()
                .option("state", OptionType.RAW).required()
                .option("use", OptionType.STR).defaultValue("auto");
        for (Module backend : List.of(new AptModule(), new YumModule(), new DnfModule())) {
            for (OptionSpec o : backend.argumentSpec().options().values()) {
                if (!List.of("name", "state", "package").contains(o.name())) {
                    b.option(o.name(), OptionType.RAW);
                    for (String alias : o.aliases()) {
                        if (!alias.equals("name")) {
                            b.option(alias, OptionType.RAW);
                        }
                    }
                }
            }
        }
        return b.build();
    }

    @Override
    public String name() {
        return "package";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        String use = ctx.args().string("use");
        if ("auto".equals(use)) {
            use = PkgMgr.of(ctx);
        }
        if ("unknown".equals(use) || "auto".equals(use)) {
            throw new ModuleFailure("Could not detect which package manager to use. Try gathering facts or setting the \"use\" option.");
        }
        String backendName = use;
        Module backend = Registry.INSTANCE.find(backendName)
                .orElseThrow(() -> new ModuleFailure("Could not find a module for " + backendName + "."));
        Map<String, Object> args = new LinkedHashMap<>(ctx.rawArgs());
        args.remove("use");
        ModuleContext backendCtx = ModuleContext.builder().invokedName("ansible.legacy." + backendName).args(args)
                .connection(ctx.connection()).checkMode(ctx.checkMode()).diffMode(ctx.diffMode()).sources(ctx.sources())
                .templates(ctx.templates()).remoteTmp(ctx::remoteTmp).hostVars(ctx::hostVar).hostName(ctx.hostName()).build();
        return ModuleInvoker.invoke(backend, backendCtx);
    }
}
