package io.jplay.vars;

import java.util.List;
import java.util.Map;

/**
 * What variables need of a role in a play: its files' variables, the {@code vars:} and parameters it was
 * given where it is listed (play roles:, meta dependencies, include_role), and its direct dependencies in
 * meta/main.yml order. The playbook model's Role implements or adapts to this.
 */
public interface RoleNode {

    String name();

    /** defaults/ and vars/ of the role folder (see {@link RoleVarsLoader}). */
    RoleVars files();

    /** The {@code vars:} given with the role where it is listed. */
    Map<String, Object> includeVars();

    /** The other keys given where it is listed (- role: x, p: 1): its role params. */
    Map<String, Object> params();

    /** Direct dependencies, in the order of meta/main.yml. */
    List<? extends RoleNode> dependencies();
}
