package io.jplay.vars;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A host's variables at a point of the run, composed as ansible-core 2.14's VariableManager.get_vars does
 * (see {@link Precedence} for the order). It keeps what lives for the whole run: the inventory, the
 * group_vars/host_vars folders, extra vars, run options, the omit token, and per host the facts,
 * include_vars results and set_fact/register results. The executor passes a {@link VarsContext} with the
 * play, role, block and task levels it is in.
 *
 * <p>With hash_behaviour=replace (the default) a level's dict replaces a lower level's dict of the same
 * name whole; with merge they are merged recursively (only {@link VarsCombiner} differs).
 */
public final class VariableManager {

    private final InventoryVarsSource inventory;
    private final List<AdjacentVars> inventoryAdjacent;
    private final AdjacentVars playbookAdjacent;
    private final Map<String, Object> extraVars;
    private final Map<String, Object> optionVars;
    private final Path playbookDir;
    private final String configFile;
    private final String omit;
    private final HashBehaviour hashBehaviour;
    private final boolean injectFactsAsVars;

    private final Map<String, Map<String, Object>> facts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> includedVars = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> setFacts = new ConcurrentHashMap<>();

    private VariableManager(Builder builder) {
        this.inventory = Objects.requireNonNull(builder.inventory, "inventory");
        this.inventoryAdjacent = List.copyOf(builder.inventoryAdjacent);
        this.playbookAdjacent = builder.playbookAdjacent;
        this.extraVars = builder.extraVars;
        this.optionVars = builder.options.asVariables();
        this.playbookDir = builder.playbookDir;
        this.configFile = builder.configFile;
        this.omit = builder.omit == null ? OmitToken.generate() : builder.omit;
        this.hashBehaviour = builder.hashBehaviour;
        this.injectFactsAsVars = builder.injectFactsAsVars;
    }

    public static Builder builder(InventoryVarsSource inventory) {
        return new Builder(inventory);
    }

    /** The scope templates of {@code host} see in {@code context}, with {@code hostvars}. */
    public HostScope scope(String host, VarsContext context) {
        return new HostScope(host, getVars(host, context, true));
    }

    /**
     * The scope vars_files names are templated in: the variables up to the play's vars (and vars_files
     * already read), plus extra vars and magic variables, as Ansible builds it for them.
     */
    public HostScope varsFilesScope(String host, VarsContext context) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars = apply(vars, context, Precedence.ROLE_DEFAULTS);
        if (host != null) {
            vars = addHostLevels(vars, host);
        }
        vars = apply(vars, context, Precedence.PLAY_VARS);
        vars = apply(vars, context, Precedence.PLAY_VARS_FILES);
        vars = combine(vars, extraVars);
        vars = combine(vars, magicVariables(context, true));
        return new HostScope(host, vars);
    }

    /**
     * The variables of the host a task is delegated to (Ansible's ansible_delegated_vars entry): that host's
     * variables in the same context, but with the original host's inventory_hostname. A name the inventory
     * does not know gets the all group's variables only, as Ansible's on-the-fly Host.
     */
    public Map<String, Object> delegatedVars(String delegatedHost, String originalHost, VarsContext context) {
        Map<String, Object> vars = getVars(delegatedHost, context, true);
        vars.put("inventory_hostname", originalHost);
        return vars;
    }

    /** hostvars[host]: the host's variables outside any play, without hostvars. */
    HostScope hostVarsScope(String host) {
        return new HostScope(host, getVars(host, VarsContext.NONE, false));
    }

    /**
     * The raw merged variables of {@code host} (null: none, as for a play's vars_files) in {@code context}.
     * Values are not templated.
     */
    public Map<String, Object> getVars(String host, VarsContext context, boolean includeHostVars) {
        Map<String, Object> all = new LinkedHashMap<>();
        all = apply(all, context, Precedence.ROLE_DEFAULTS);
        if (host != null) {
            all = addHostLevels(all, host);
        }
        for (Precedence level : List.of(Precedence.PLAY_VARS, Precedence.PLAY_VARS_FILES, Precedence.ROLE_VARS,
                Precedence.BLOCK_VARS, Precedence.TASK_VARS)) {
            all = apply(all, context, level);
        }
        if (host != null) {
            all = combine(all, includedVars.getOrDefault(host, Map.of()));
            all = combine(all, setFacts.getOrDefault(host, Map.of()));
        }
        all = apply(all, context, Precedence.ROLE_PARAMS);
        all = apply(all, context, Precedence.INCLUDE_PARAMS);
        all = combine(all, extraVars);
        all = combine(all, magicVariables(context, includeHostVars));
        if (context.inPlay()) {
            // 'vars' holds every variable; a copy, or it would contain itself
            all.put("vars", new LinkedHashMap<>(all));
        }
        return all;
    }

    private Map<String, Object> addHostLevels(Map<String, Object> all, String host) {
        List<String> groups = inventory.groupsOf(host);
        all = combine(all, inventory.groupVars("all"));
        for (String group : groups) {
            all = combine(all, inventory.groupVars(group));
        }
        for (AdjacentVars adjacent : inventoryAdjacent) {
            all = combine(all, adjacent.groupVars("all"));
        }
        if (playbookAdjacent != null) {
            all = combine(all, playbookAdjacent.groupVars("all"));
        }
        for (AdjacentVars adjacent : inventoryAdjacent) {
            for (String group : groups) {
                all = combine(all, adjacent.groupVars(group));
            }
        }
        if (playbookAdjacent != null) {
            for (String group : groups) {
                all = combine(all, playbookAdjacent.groupVars(group));
            }
        }
        all = combine(all, combine(inventory.hostVars(host), MagicVariables.host(host, groups)));
        for (AdjacentVars adjacent : inventoryAdjacent) {
            all = combine(all, adjacent.hostVars(host));
        }
        if (playbookAdjacent != null) {
            all = combine(all, playbookAdjacent.hostVars(host));
        }
        Map<String, Object> hostFacts = facts.getOrDefault(host, Map.of());
        // Ansible sets ansible_facts with a plain update, then combines the cleaned facts
        all.putAll(Facts.namespaced(hostFacts));
        if (!injectFactsAsVars) {
            // ansible_local is always promoted
            Map<String, Object> local = new LinkedHashMap<>();
            local.put("ansible_local", hostFacts.getOrDefault("ansible_local", new LinkedHashMap<>()));
            return combine(all, local);
        }
        return combine(all, Facts.cleaned(hostFacts));
    }

    private Map<String, Object> magicVariables(VarsContext context, boolean includeHostVars) {
        Map<String, Object> magic = new LinkedHashMap<>();
        magic.put("playbook_dir", playbookDir == null ? null : playbookDir.toAbsolutePath().normalize().toString());
        magic.put("ansible_config_file", configFile);
        for (VarsLayer layer : context.layers(Precedence.MAGIC)) {
            layer.vars().forEach((name, value) -> {
                // Ansible sets groups between the play's role names and its host lists; keep its order
                if (name.equals("ansible_play_hosts_all")) {
                    magic.put("groups", groupsCopy());
                }
                magic.put(name, value);
            });
        }
        magic.putIfAbsent("groups", groupsCopy());
        magic.put("omit", omit);
        magic.putAll(optionVars);
        if (includeHostVars) {
            magic.put("hostvars", new HostVars(this));
        }
        return magic;
    }

    private Map<String, Object> groupsCopy() {
        Map<String, Object> groups = new LinkedHashMap<>();
        inventory.groupsDict().forEach((group, hosts) -> groups.put(group, new ArrayList<>(hosts)));
        return groups;
    }

    private Map<String, Object> apply(Map<String, Object> all, VarsContext context, Precedence level) {
        for (VarsLayer layer : context.layers(level)) {
            all = combine(all, layer.vars());
        }
        return all;
    }

    private Map<String, Object> combine(Map<String, Object> low, Map<String, Object> high) {
        return high.isEmpty() ? low : VarsCombiner.combine(low, high, hashBehaviour);
    }

    // ---- what tasks change during the run -------------------------------------------------------------

    /** Gathered facts, or set_fact with cacheable: merged into the host's facts (set_host_facts). */
    public void setHostFacts(String host, Map<String, Object> newFacts) {
        facts.merge(host, new LinkedHashMap<>(newFacts), (old, added) -> {
            Map<String, Object> merged = new LinkedHashMap<>(old);
            merged.putAll(added);
            return merged;
        });
    }

    /** set_fact and register results (set_nonpersistent_facts): replace same-named ones. */
    public void setNonPersistentFacts(String host, Map<String, Object> newFacts) {
        setFacts.merge(host, new LinkedHashMap<>(newFacts), (old, added) -> {
            Map<String, Object> merged = new LinkedHashMap<>(old);
            merged.putAll(added);
            return merged;
        });
    }

    /**
     * include_vars (set_host_variable): one variable into the host's vars cache; a dict given for an
     * existing dict is combined with it (merged under hash_behaviour=merge).
     */
    @SuppressWarnings("unchecked")
    public void setHostVariable(String host, String name, Object value) {
        includedVars.compute(host, (key, old) -> {
            Map<String, Object> cache = old == null ? new LinkedHashMap<>() : new LinkedHashMap<>(old);
            if (cache.get(name) instanceof Map && value instanceof Map) {
                return VarsCombiner.combine(cache, Map.of(name, value), hashBehaviour);
            }
            cache.put(name, value);
            return cache;
        });
    }

    /** meta: clear_facts. */
    public void clearFacts(String host) {
        facts.remove(host);
    }

    /** The host's facts (ansible_facts without namespacing). */
    public Map<String, Object> hostFacts(String host) {
        return facts.getOrDefault(host, Map.of());
    }

    public Map<String, Object> extraVars() {
        return extraVars;
    }

    public String omit() {
        return omit;
    }

    public HashBehaviour hashBehaviour() {
        return hashBehaviour;
    }

    InventoryVarsSource inventory() {
        return inventory;
    }

    /** Settings that live for the whole run. */
    public static final class Builder {
        private final InventoryVarsSource inventory;
        private final List<AdjacentVars> inventoryAdjacent = new ArrayList<>();
        private AdjacentVars playbookAdjacent;
        private Map<String, Object> extraVars = Map.of();
        private RunOptions options = RunOptions.defaults(List.of());
        private Path playbookDir;
        private String configFile;
        private String omit;
        private HashBehaviour hashBehaviour = HashBehaviour.REPLACE;
        private boolean injectFactsAsVars = true;

        private Builder(InventoryVarsSource inventory) {
            this.inventory = inventory;
        }

        /** group_vars/host_vars beside an inventory source; call once per source, in source order. */
        public Builder inventoryAdjacent(AdjacentVars adjacent) {
            inventoryAdjacent.add(adjacent);
            return this;
        }

        /** The playbook's folder: playbook_dir, and its group_vars/host_vars. */
        public Builder playbookDir(Path dir, AdjacentVars adjacent) {
            this.playbookDir = dir;
            this.playbookAdjacent = adjacent;
            return this;
        }

        public Builder extraVars(Map<String, Object> extraVars) {
            this.extraVars = new LinkedHashMap<>(extraVars);
            return this;
        }

        public Builder options(RunOptions options) {
            this.options = options;
            return this;
        }

        /** ansible_config_file: the ansible.cfg in use, or null. */
        public Builder configFile(String configFile) {
            this.configFile = configFile;
            return this;
        }

        /** A fixed omit token (tests); by default a random one, as Ansible. */
        public Builder omit(String omit) {
            this.omit = omit;
            return this;
        }

        public Builder hashBehaviour(HashBehaviour hashBehaviour) {
            this.hashBehaviour = hashBehaviour;
            return this;
        }

        /** INJECT_FACTS_AS_VARS: whether facts are also top-level variables (ansible_os_family). */
        public Builder injectFactsAsVars(boolean inject) {
            this.injectFactsAsVars = inject;
            return this;
        }

        public VariableManager build() {
            return new VariableManager(this);
        }
    }
}
