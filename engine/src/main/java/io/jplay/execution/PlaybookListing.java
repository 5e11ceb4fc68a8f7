package io.jplay.execution;

import io.jplay.inventory.HostPatternMatcher;
import io.jplay.output.Display;
import io.jplay.playbook.Block;
import io.jplay.playbook.Task;
import io.jplay.playbook.TaskEntry;
import io.jplay.playbook.load.LoadedPlay;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ansible-playbook's --list-hosts, --list-tasks, --list-tags and --syntax-check output (cli/playbook.py): the
 * plays as loaded, nothing run.
 */
final class PlaybookListing {

    private final Display display;
    private final HostPatternMatcher hosts;
    private final TagFilter tags;

    PlaybookListing(Display display, HostPatternMatcher hosts, TagFilter tags) {
        this.display = display;
        this.hosts = hosts;
        this.tags = tags;
    }

    void show(String playbookAsGiven, List<LoadedPlay> plays, boolean listHosts, boolean listTasks, boolean listTags) {
        display.display("\nplaybook: " + playbookAsGiven);
        for (int i = 0; i < plays.size(); i++) {
            LoadedPlay loaded = plays.get(i);
            List<String> patterns = patterns(loaded.play().keyword("hosts"));
            List<Object> playTags = new ArrayList<>();
            Inheritance.addAll(playTags, loaded.play().keyword("tags"));
            Set<String> myTags = new LinkedHashSet<>();
            playTags.forEach(t -> myTags.add(String.valueOf(t)));
            StringBuilder msg = new StringBuilder("\n  play #" + (i + 1) + " (" + String.join(",", patterns) + "): "
                    + loaded.play().name() + "\tTAGS: [" + String.join(",", myTags) + "]");
            // Ansible's PlaybookExecutor resolves every play's hosts for any listing (the serial batches), so
            // patterns that match nothing warn with --list-tasks and --list-tags too
            List<String> matched = hosts.hostNames(String.join(",", patterns));
            if (listHosts) {
                msg.append("\n    pattern: ").append(pythonList(patterns)).append("\n    hosts (").append(matched.size()).append("):");
                for (String host : matched) {
                    msg.append("\n      ").append(host);
                }
            }
            display.display(msg.toString());
            if (listTasks || listTags) {
                StringBuilder tasks = new StringBuilder(listTasks ? "    tasks:\n" : "");
                Set<String> allTags = new TreeSet<>(myTags);
                for (List<TaskEntry> section : List.of(loaded.preTasks(), loaded.roleTasks(), loaded.tasks(), loaded.postTasks())) {
                    walk(section, new ArrayList<>(), loaded.play().keywords(), tasks, allTags, listTasks);
                }
                if (listTags) {
                    tasks.append("      TASK TAGS: [").append(String.join(", ", allTags)).append("]\n");
                }
                display.display(tasks.toString());
            }
        }
    }

    /** --syntax-check alone: only the plays' hosts are resolved, for their "Could not match" warnings. */
    void resolveHosts(List<LoadedPlay> plays) {
        for (LoadedPlay loaded : plays) {
            hosts.hostNames(String.join(",", patterns(loaded.play().keyword("hosts"))));
        }
    }

    private void walk(List<TaskEntry> entries, List<Block> parents, Map<String, Object> playKeywords,
                      StringBuilder out, Set<String> allTags, boolean listTasks) {
        for (TaskEntry entry : entries) {
            if (entry instanceof Block block) {
                List<Block> inner = new ArrayList<>(parents);
                inner.add(block);
                // only the block section, as Ansible's _process_block
                walk(block.block(), inner, playKeywords, out, allTags, listTasks);
                continue;
            }
            Task task = (Task) entry;
            if (task.moduleName().equals("meta") && "role_complete".equals(task.args().get("_raw_params"))) {
                continue;
            }
            List<Object> taskTags = new Inheritance(task, parents, playKeywords).tags();
            if (!tags.shouldRun(taskTags)) {
                continue;
            }
            Set<String> current = new TreeSet<>();
            taskTags.forEach(t -> current.add(String.valueOf(t)));
            allTags.addAll(current);
            if (listTasks) {
                String name = task.name().isPresent() ? nameWithRole(task, parents) : task.action();
                out.append("      ").append(name).append("\tTAGS: [").append(String.join(", ", current)).append("]\n");
            }
        }
    }

    private static String nameWithRole(Task task, List<Block> parents) {
        io.jplay.playbook.Role role = PlayRun.role(new HostCursor.Step(task, parents));
        // IncludeRole.get_name: an include_role task is named without its parent role
        return role == null || PlayRun.isRoleInclude(task) ? task.name().get() : role.name() + " : " + task.name().get();
    }

    private static List<String> patterns(Object hosts) {
        List<String> patterns = new ArrayList<>();
        if (hosts instanceof List<?> list) {
            list.forEach(h -> patterns.add(String.valueOf(h)));
        } else if (hosts != null) {
            patterns.add(String.valueOf(hosts));
        }
        return patterns;
    }

    private static String pythonList(List<String> values) {
        List<String> quoted = values.stream().map(v -> "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'").toList();
        return "[" + String.join(", ", quoted) + "]";
    }
}
