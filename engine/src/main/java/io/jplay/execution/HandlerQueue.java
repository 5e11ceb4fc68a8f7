package io.jplay.execution;

import io.jplay.playbook.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A play's handlers and who notified them. Handlers run in definition order, not notification order; of
 * two handlers with the same name the first wins; {@code listen} topics notify every listener.
 */
final class HandlerQueue {

    private final List<Task> handlers;
    private final List<String> names;
    private final List<String> roleNames;
    /** How many handlers the play itself defines; those an include_role adds come after and match on their own. */
    private final int playDefined;
    /** By position: an included role's handler may be the same task object as an imported one, and runs again. */
    private final Map<Integer, Set<String>> notified = new LinkedHashMap<>();

    /** @param names each handler's templated name, in the same order */
    HandlerQueue(List<Task> handlers, List<String> names, List<String> roleNames) {
        this.handlers = new ArrayList<>(handlers);
        this.names = new ArrayList<>(names);
        this.roleNames = new ArrayList<>(roleNames);
        this.playDefined = handlers.size();
    }

    /** Returns false when nothing by that name or topic exists. */
    synchronized boolean notify(String target, String host) {
        boolean found = false;
        Set<String> seenNames = new LinkedHashSet<>();
        for (int i = 0; i < handlers.size(); i++) {
            Task handler = handlers.get(i);
            String name = names.get(i);
            boolean byName = (name.equals(target) && (i >= playDefined || seenNames.add(name)))
                    || target.equals(roleNames.get(i));
            boolean byTopic = listens(handler).contains(target);
            if (byName || byTopic) {
                notified.computeIfAbsent(i, h -> new LinkedHashSet<>()).add(host);
                found = true;
            }
            if (name.equals(target)) {
                seenNames.add(name);
            }
        }
        return found;
    }

    private static List<String> listens(Task handler) {
        List<Object> topics = new ArrayList<>();
        Inheritance.addAll(topics, handler.keyword("listen"));
        return topics.stream().map(String::valueOf).toList();
    }

    /** Handlers an include_role brings in (after the play's, as Ansible appends them). */
    synchronized void add(List<io.jplay.playbook.TaskEntry> entries, java.util.function.Function<Task, String> names) {
        addEntries(entries, names);
    }

    private void addEntries(List<io.jplay.playbook.TaskEntry> entries, java.util.function.Function<Task, String> nameOf) {
        for (io.jplay.playbook.TaskEntry entry : entries) {
            if (entry instanceof Task task) {
                handlers.add(task);
                names.add(nameOf.apply(task));
                roleNames.add(null);
            } else if (entry instanceof io.jplay.playbook.Block block) {
                addEntries(block.block(), nameOf);
            }
        }
    }

    List<Task> handlers() {
        return handlers;
    }

    /** The hosts a handler has to run on (and forgets them: a handler runs once per notification). */
    synchronized List<String> take(int index, List<String> eligible) {
        Set<String> hosts = notified.get(index);
        if (hosts == null) {
            return List.of();
        }
        List<String> run = new ArrayList<>();
        for (String host : eligible) {
            if (hosts.remove(host)) {
                run.add(host);
            }
        }
        return run;
    }

    synchronized boolean hasPending(String host) {
        return notified.values().stream().anyMatch(hosts -> hosts.contains(host));
    }
}
