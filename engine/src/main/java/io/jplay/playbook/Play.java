package io.jplay.playbook;

import io.jplay.error.Location;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A play as written: its keywords with raw values (hosts, vars, serial, strategy, become, ...), its roles,
 * and its four task lists. Templating and role loading happen when the play runs.
 */
public record Play(Map<String, Object> keywords, List<RoleReference> roles, List<TaskEntry> preTasks,
                   List<TaskEntry> tasks, List<TaskEntry> postTasks, List<TaskEntry> handlers,
                   Location location) implements PlaybookEntry {

    public Play {
        keywords = Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
        roles = List.copyOf(roles);
        preTasks = List.copyOf(preTasks);
        tasks = List.copyOf(tasks);
        postTasks = List.copyOf(postTasks);
        handlers = List.copyOf(handlers);
    }

    public Object keyword(String keyword) {
        return keywords.get(keyword);
    }

    /** The play's name as written; Ansible shows the hosts pattern when there is none. */
    public String name() {
        Object name = keywords.get("name");
        if (name != null) {
            return String.valueOf(name);
        }
        Object hosts = keywords.get("hosts");
        if (hosts instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return hosts == null ? "" : String.valueOf(hosts);
    }
}
