package io.jplay.vars;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Role variables composed as ansible-core 2.14's Role does (get_default_vars, get_vars, get_role_params,
 * get_inherited_vars, get_all_dependencies), and pushed into a {@link VarsContext} the way get_vars uses
 * them: for the play, every play role's defaults and vars; for a task in a role, that role's defaults,
 * vars and params along its dependency chain (the roles that pulled it in, outermost first).
 */
public final class RoleLayers {

    private final HashBehaviour hashBehaviour;

    public RoleLayers(HashBehaviour hashBehaviour) {
        this.hashBehaviour = hashBehaviour;
    }

    /** The play's roles (roles:), each with its dependencies first: defaults and vars (without params). */
    public VarsContext enterPlay(VarsContext context, List<? extends RoleNode> playRoles) {
        for (RoleNode role : playRoles) {
            context = context.push(Precedence.ROLE_DEFAULTS, "role '" + role.name() + "' defaults",
                    defaults(role, List.of()));
        }
        for (RoleNode role : playRoles) {
            context = context.push(Precedence.ROLE_VARS, "role '" + role.name() + "' vars",
                    vars(role, List.of(), false));
        }
        return context;
    }

    /**
     * A task of {@code role}, reached through {@code depChain} (outermost first): its defaults above the
     * play's, its vars above every play role's, its params, and role_name/role_path.
     */
    public VarsContext enterRole(VarsContext context, RoleNode role, List<? extends RoleNode> depChain,
                                 Path rolePath, String roleUuid) {
        return context
                .push(Precedence.ROLE_DEFAULTS, "role '" + role.name() + "' defaults", defaults(role, depChain))
                .push(Precedence.ROLE_VARS, "role '" + role.name() + "' vars", vars(role, depChain, false))
                .push(Precedence.ROLE_PARAMS, "role '" + role.name() + "' params", params(role, depChain))
                .push(Precedence.MAGIC, "role '" + role.name() + "'",
                        MagicVariables.role(role.name(), rolePath, roleUuid));
    }

    /** get_all_dependencies: every dependency, depth first, each after its own dependencies. */
    public static List<RoleNode> allDependencies(RoleNode role) {
        List<RoleNode> result = new ArrayList<>();
        for (RoleNode dependency : role.dependencies()) {
            result.addAll(allDependencies(dependency));
            result.add(dependency);
        }
        return result;
    }

    /** The names for ansible_dependent_role_names: every dependency of the play's roles. */
    public static List<String> dependentRoleNames(List<? extends RoleNode> playRoles) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (RoleNode role : playRoles) {
            allDependencies(role).forEach(dependency -> names.add(dependency.name()));
        }
        return new ArrayList<>(names);
    }

    /** get_default_vars(dep_chain). */
    public Map<String, Object> defaults(RoleNode role, List<? extends RoleNode> depChain) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (RoleNode dependency : allDependencies(role)) {
            result = combine(result, defaults(dependency, List.of()));
        }
        for (RoleNode parent : depChain) {
            result = combine(result, parent.files().defaults());
        }
        return combine(result, role.files().defaults());
    }

    /** get_vars(dep_chain, include_params). */
    public Map<String, Object> vars(RoleNode role, List<? extends RoleNode> depChain, boolean includeParams) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (RoleNode parent : depChain) {
            result = combine(result, parent.includeVars());
            result = combine(result, parent.files().vars());
        }
        for (RoleNode dependency : allDependencies(role)) {
            result = combine(result, vars(dependency, List.of(), includeParams));
        }
        result = combine(result, role.includeVars());
        result = combine(result, role.files().vars());
        if (includeParams) {
            result = combine(result, params(role, depChain));
        }
        return result;
    }

    /** get_role_params(dep_chain). */
    public Map<String, Object> params(RoleNode role, List<? extends RoleNode> depChain) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (RoleNode parent : depChain) {
            result = combine(result, parent.params());
        }
        return combine(result, role.params());
    }

    private Map<String, Object> combine(Map<String, Object> low, Map<String, Object> high) {
        return VarsCombiner.combine(low, high, hashBehaviour);
    }
}
