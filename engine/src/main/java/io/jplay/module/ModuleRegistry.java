package io.jplay.module;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Modules by every name they answer to, found with {@link ServiceLoader}. */
public final class ModuleRegistry {

    private final Map<String, Module> byName = new LinkedHashMap<>();
    private final Map<String, Module> modules = new TreeMap<>();

    public static ModuleRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    public static ModuleRegistry load(ClassLoader loader) {
        ModuleRegistry registry = new ModuleRegistry();
        for (Module module : ServiceLoader.load(Module.class, loader)) {
            registry.register(module);
        }
        return registry;
    }

    public void register(Module module) {
        modules.put(module.name(), module);
        byName.put(module.name(), module);
        for (String alias : module.aliases()) {
            byName.put(alias, module);
        }
    }

    public Optional<Module> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** Every module once, sorted by short name. */
    public Collection<Module> modules() {
        return modules.values();
    }
}
