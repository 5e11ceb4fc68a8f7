package io.jplay.execution;

import io.jplay.playbook.Block;
import io.jplay.playbook.Task;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Ansible's FieldAttribute inheritance: a task's keyword comes from the task, else the nearest enclosing
 * block, else the play. {@code when} and {@code tags} accumulate instead (parents first).
 */
final class Inheritance {

    private final Task task;
    private final List<Block> parents;
    private final Map<String, Object> play;

    Inheritance(Task task, List<Block> parents, Map<String, Object> playKeywords) {
        this.task = task;
        this.parents = parents;
        this.play = playKeywords;
    }

    Object value(String keyword) {
        if (task.has(keyword)) {
            return task.keyword(keyword);
        }
        for (int i = parents.size() - 1; i >= 0; i--) {
            Object value = parents.get(i).keyword(keyword);
            if (value != null) {
                return value;
            }
        }
        return play.get(keyword);
    }

    /** The conditions in evaluation order: outermost block's first, then the task's. */
    List<Object> whens() {
        List<Object> all = new ArrayList<>();
        for (Block block : parents) {
            addAll(all, block.keyword("when"));
        }
        addAll(all, task.keyword("when"));
        return all;
    }

    /** The task's tags with the play's and every enclosing block's. */
    List<Object> tags() {
        List<Object> all = new ArrayList<>();
        addAll(all, play.get("tags"));
        for (Block block : parents) {
            addAll(all, block.keyword("tags"));
        }
        addAll(all, task.keyword("tags"));
        return all;
    }

    static void addAll(List<Object> into, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            into.addAll(c);
        } else {
            into.add(value);
        }
    }
}
