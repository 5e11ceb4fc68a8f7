package io.jplay.execution;

import io.jplay.playbook.Block;
import io.jplay.playbook.Task;
import io.jplay.playbook.TaskEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * One host's position in a play's blocks (Ansible's HostState inside PlayIterator): which block, which of
 * its sections (block, rescue, always) and which task, nested blocks included. A failure moves the innermost
 * block to its rescue, or to its always with the failure kept; a block that ends with a kept failure passes
 * it to its parent, and when it leaves the top level the host has failed the play.
 */
final class HostCursor {

    enum Phase { TASKS, RESCUE, ALWAYS, DONE }

    /** The next task of a host and the blocks around it, outermost first. */
    record Step(Task task, List<Block> parents) {
    }

    private final List<Block> blocks;
    private int blockIndex;
    private Frame current;
    private boolean failed;
    private boolean ended;
    /** A step taken ahead (Ansible's peek): the strategy asks for it next. */
    private Step peeked;
    private Phase peekedPhase;
    /** The section of the frame that produced the last step. */
    private Phase lastPhase;

    HostCursor(List<Block> blocks) {
        this.blocks = blocks;
    }

    private static final class Frame {
        final Block block;
        Phase phase = Phase.TASKS;
        int index;
        Frame child;
        boolean failed;

        Frame(Block block) {
            this.block = block;
        }

        List<TaskEntry> entries() {
            return switch (phase) {
                case TASKS -> block.block();
                case RESCUE -> block.rescue();
                case ALWAYS -> block.always();
                case DONE -> List.of();
            };
        }

        Step next(List<Block> path, Phase[] phaseOut) {
            path.add(block);
            while (phase != Phase.DONE) {
                if (child != null) {
                    Step step = child.next(path, phaseOut);
                    if (step != null) {
                        return step;
                    }
                    boolean childFailed = child.failed;
                    child = null;
                    if (childFailed) {
                        fail();
                    }
                    continue;
                }
                List<TaskEntry> entries = entries();
                if (index >= entries.size()) {
                    phase = switch (phase) {
                        case TASKS, RESCUE -> Phase.ALWAYS;
                        default -> Phase.DONE;
                    };
                    index = 0;
                    continue;
                }
                TaskEntry entry = entries.get(index++);
                if (entry instanceof Block nested) {
                    child = new Frame(nested);
                } else {
                    phaseOut[0] = phase;
                    return new Step((Task) entry, List.copyOf(path));
                }
            }
            path.remove(path.size() - 1);
            return null;
        }

        /** A task of this frame (or a child that could not handle its failure) failed. */
        void fail() {
            switch (phase) {
                case TASKS -> {
                    if (!block.rescue().isEmpty()) {
                        phase = Phase.RESCUE;
                    } else {
                        phase = Phase.ALWAYS;
                        failed = true;
                    }
                    index = 0;
                }
                case RESCUE -> {
                    phase = Phase.ALWAYS;
                    index = 0;
                    failed = true;
                }
                case ALWAYS, DONE -> {
                    phase = Phase.DONE;
                    failed = true;
                }
            }
        }

        Frame innermost() {
            return child == null ? this : child.innermost();
        }

    }

    /** The next task for this host, or null when it has no more. */
    Step next() {
        if (peeked != null) {
            Step step = peeked;
            peeked = null;
            return step;
        }
        return advance();
    }

    private Step advance() {
        while (!ended) {
            if (current == null) {
                if (blockIndex >= blocks.size()) {
                    ended = true;
                    return null;
                }
                current = new Frame(blocks.get(blockIndex++));
            }
            Phase[] phase = new Phase[1];
            Step step = current.next(new ArrayList<>(), phase);
            if (step != null) {
                lastPhase = phase[0];
                return step;
            }
            if (current.failed) {
                failed = true;
                ended = true;
                return null;
            }
            current = null;
        }
        return null;
    }

    /**
     * A task failed on this host. Returns whether a rescue section takes over (Ansible counts the host
     * "rescued", not "failed").
     */
    boolean markFailed() {
        if (current == null) {
            failed = true;
            ended = true;
            return false;
        }
        List<Frame> chain = new ArrayList<>();
        for (Frame f = current; f != null; f = f.child) {
            chain.add(f);
        }
        Frame inner = chain.get(chain.size() - 1);
        inner.fail();
        boolean rescued = willBeRescued(chain);
        // as the strategy's peek after mark_host_failed: empty always sections pass the failure up at once
        peeked = advance();
        return rescued;
    }

    /**
     * Whether a rescue section will take this failure: the failing block's own, or (once its always ran) the
     * rescue of the first enclosing block still in its tasks. Ansible counts such a host "rescued".
     */
    private static boolean willBeRescued(List<Frame> chain) {
        Frame inner = chain.get(chain.size() - 1);
        if (inner.phase == Phase.RESCUE && !inner.failed) {
            return true;
        }
        for (int i = chain.size() - 2; i >= 0; i--) {
            Frame parent = chain.get(i);
            if (parent.phase == Phase.TASKS && !parent.block.rescue().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the host failed in a way nothing rescued (it leaves the play once its always sections ran). */
    boolean hasFailed() {
        return failed;
    }

    /** Whether the failure being handled keeps the host failed (a block in always after an unrescued failure). */
    boolean isFailing() {
        if (failed) {
            return true;
        }
        for (Frame f = current; f != null; f = f.child) {
            if (f.failed) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code block} next: the tasks an include brought in, right after the include. */
    void insert(Block block) {
        if (ended || peeked != null) {
            return;
        }
        if (current == null) {
            current = new Frame(block);
            return;
        }
        Frame inner = current.innermost();
        inner.child = new Frame(block);
    }

    /** meta end_host, unreachable, end_play: no more tasks. */
    void end() {
        ended = true;
        peeked = null;
    }

    /** Unreachable or fatal: the host stops at once, failed. */
    void abort() {
        failed = true;
        ended = true;
        peeked = null;
    }

    boolean isEnded() {
        return ended;
    }

    /** meta clear_host_errors. */
    void clearFailure() {
        failed = false;
        for (Frame f = current; f != null; f = f.child) {
            f.failed = false;
        }
    }
}
