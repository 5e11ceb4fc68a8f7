package io.jplay.vars;

/**
 * Ansible's {@code hash_behaviour} setting: what happens when two levels define the same dictionary.
 * {@link #REPLACE} (the default) keeps the higher level's value whole; {@link #MERGE} merges dictionaries
 * recursively (lists are still replaced).
 */
public enum HashBehaviour {
    REPLACE,
    MERGE
}
