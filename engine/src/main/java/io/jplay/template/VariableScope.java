package io.jplay.template;

import java.util.Map;

/**
 * One host's complete view of its variables, as templates see them. Values are raw: a string may hold
 * {@code {{ }}} and is rendered lazily, when read, in the context of this scope. A scope found among another
 * scope's values (as {@code hostvars['other']}) renders its values in its own context, so
 * {@code hostvars[h].x} is x as host h sees it.
 */
public interface VariableScope extends Map<String, Object> {

    /** The host this scope belongs to, or null for a scope without a host. */
    String hostName();
}
