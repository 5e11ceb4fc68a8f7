package io.jplay.playbook.load;

import java.util.Map;

/**
 * Renders what must be known before any host runs (role names, import file names, import_playbook paths),
 * as Ansible does at parse time: with the extra vars and play-level variables, plus {@code localVars}
 * (the play's or the import's own vars). The executor provides it.
 */
@FunctionalInterface
public interface LoadTimeTemplater {

    Object template(Object value, Map<String, Object> localVars);

    /** For plays that use no templates in names: returns values unchanged. */
    LoadTimeTemplater IDENTITY = (value, localVars) -> value;
}
