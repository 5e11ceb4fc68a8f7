package io.jplay.template.el;

import io.jplay.template.Undefined;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELException;

import java.util.ArrayList;
import java.util.List;

/** Python's slice {@code seq[start:stop:step]} on lists and strings, any part optional, negatives allowed. */
final class AstSlice extends AstRightValue {

    private final AstNode base;
    private final AstNode start;
    private final AstNode stop;
    private final AstNode step;

    AstSlice(AstNode base, AstNode start, AstNode stop, AstNode step) {
        this.base = base;
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Object sequence = base.eval(bindings, context);
        if (sequence instanceof Undefined undefined) {
            throw undefined.fail();
        }
        int length;
        if (sequence instanceof CharSequence text) {
            length = text.length();
        } else if (sequence instanceof List<?> list) {
            length = list.size();
        } else {
            throw new ELException("'" + (sequence == null ? "NoneType" : sequence.getClass().getSimpleName())
                    + "' object is not subscriptable");
        }
        long stepValue = bound(step, bindings, context, 1);
        if (stepValue == 0) {
            throw new ELException("slice step cannot be zero");
        }
        long lower = stepValue > 0 ? 0 : -1;
        long upper = stepValue > 0 ? length : length - 1;
        long from = clamp(bound(start, bindings, context, stepValue > 0 ? lower : upper), length, lower, upper);
        long to = clamp(bound(stop, bindings, context, stepValue > 0 ? upper : lower), length, lower, upper);
        if (start == null) {
            from = stepValue > 0 ? lower : upper;
        }
        if (stop == null) {
            to = stepValue > 0 ? upper : lower;
        }
        if (sequence instanceof CharSequence text) {
            StringBuilder out = new StringBuilder();
            for (long i = from; stepValue > 0 ? i < to : i > to; i += stepValue) {
                out.append(text.charAt((int) i));
            }
            return out.toString();
        }
        List<?> list = (List<?>) sequence;
        List<Object> out = new ArrayList<>();
        for (long i = from; stepValue > 0 ? i < to : i > to; i += stepValue) {
            out.add(list.get((int) i));
        }
        return out;
    }

    private static long bound(AstNode node, Bindings bindings, ELContext context, long dflt) {
        if (node == null) {
            return dflt;
        }
        Object value = node.eval(bindings, context);
        if (value == null) {
            return dflt;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new ELException("slice indices must be integers or None");
    }

    /** CPython's PySlice_AdjustIndices for one bound. */
    private static long clamp(long index, int length, long lower, long upper) {
        if (index < 0) {
            index += length;
            return Math.max(index, lower);
        }
        return Math.min(index, upper);
    }

    @Override
    public void appendStructure(StringBuilder builder, Bindings bindings) {
        base.appendStructure(builder, bindings);
        builder.append('[');
        if (start != null) {
            start.appendStructure(builder, bindings);
        }
        builder.append(':');
        if (stop != null) {
            stop.appendStructure(builder, bindings);
        }
        if (step != null) {
            builder.append(':');
            step.appendStructure(builder, bindings);
        }
        builder.append(']');
    }

    @Override
    public String toString() {
        return "[:]";
    }

    @Override
    public int getCardinality() {
        return 4;
    }

    @Override
    public AstNode getChild(int i) {
        return switch (i) {
            case 0 -> base;
            case 1 -> start;
            case 2 -> stop;
            case 3 -> step;
            default -> null;
        };
    }
}
