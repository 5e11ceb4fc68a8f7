package io.jplay.playbook;

import io.jplay.error.Location;

import java.util.Map;
import java.util.Optional;

/**
 * One task as written: its action (as written, e.g. {@code ansible.builtin.copy}), its raw arguments, and its keywords with raw (untemplated) values. {@code with_X: items} is kept as
 * {@code loopWith = "X"} with the items under the {@code loop} keyword, as Ansible does.
 */
public record Task(String action, Map<String, Object> args, Map<String, Object> keywords, String loopWith,
                   boolean handler, Location location) implements TaskEntry {

    public Task {
        args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
        keywords = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keywords));
    }

    /** The name as written, if any (may hold a template). */
    public Optional<String> name() {
        Object name = keywords.get("name");
        return name == null ? Optional.empty() : Optional.of(String.valueOf(name));
    }

    public Object keyword(String keyword) {
        return keywords.get(keyword);
    }

    public boolean has(String keyword) {
        return keywords.containsKey(keyword);
    }

    /** The module or action plugin to run: the action without an {@code ansible.builtin.}/{@code ansible.legacy.} prefix. */
    public String moduleName() {
        return ActionParser.shortName(action);
    }

    /**
     * The name the default callback prints in "TASK [...]" when none is given: the action, as Ansible
     * shows the resolved action name.
     */
    public String displayName() {
        return name().orElse(action);
    }
}
