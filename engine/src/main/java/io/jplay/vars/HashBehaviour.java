package io.jplay.vars;

/**
 * Ansible's {@code hash_behaviour} setting: what happens when two levels define the same dictionary.
 * {@link #REPLACE} (the default) keeps the higher level's value whole; {@link #MERGE} merges dictionaries
 * recursively (lists are still replaced).
 */
public enum HashBehaviour {
    REPLACE,
    MERGE;

    /** The value of the hash_behaviour setting (ansible.cfg or ANSIBLE_HASH_BEHAVIOUR). */
    public static HashBehaviour fromSetting(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("replace")) {
            return REPLACE;
        }
        if (value.strip().equalsIgnoreCase("merge")) {
            return MERGE;
        }
        throw new io.jplay.error.JplayException("Invalid value for hash_behaviour: '" + value
                + "' (choose between replace and merge)");
    }
}
