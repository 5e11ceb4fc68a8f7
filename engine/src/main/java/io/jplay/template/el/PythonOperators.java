package io.jplay.template.el;

import io.jplay.template.python.PythonFormat;
import io.jplay.template.python.PythonValues;
import jinjava.de.odysseus.el.misc.NumberOperations;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;

/** Binary operators with Python's semantics where JUEL coerces operands. */
final class PythonOperators {

    private PythonOperators() {
    }

    static final AstBinary.Operator EQ = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            return PythonValues.equal(a, b);
        }

        @Override
        public String toString() {
            return "==";
        }
    };

    static final AstBinary.Operator NE = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            return !PythonValues.equal(a, b);
        }

        @Override
        public String toString() {
            return "!=";
        }
    };

    /** {@code str % args} formats; numbers take the sign of the divisor, as in Python. */
    static final AstBinary.Operator MOD = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            if (a instanceof CharSequence format) {
                return PythonFormat.percent(format.toString(), b);
            }
            if (isInteger(a) && isInteger(b)) {
                long x = ((Number) a).longValue();
                long y = ((Number) b).longValue();
                return Math.floorMod(x, y);
            }
            if (a instanceof Number && b instanceof Number) {
                double x = ((Number) a).doubleValue();
                double y = ((Number) b).doubleValue();
                double r = x % y;
                return (r != 0 && (r < 0) != (y < 0)) ? r + y : r;
            }
            return NumberOperations.mod(converter, a, b);
        }

        @Override
        public String toString() {
            return "%";
        }
    };

    /** {@code +} without JUEL's coercions: text with text, numbers with numbers, lists with lists. */
    static final AstBinary.Operator ADD = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            if (a instanceof io.jplay.template.Undefined u) {
                throw u.fail();
            }
            if (b instanceof io.jplay.template.Undefined u) {
                throw u.fail();
            }
            if (a instanceof CharSequence && !(b instanceof CharSequence)) {
                throw new io.jplay.template.PythonTypeError("can only concatenate str (not \"" + typeName(b) + "\") to str");
            }
            if (a instanceof java.util.List<?> && !(b instanceof java.util.List<?>)) {
                throw new io.jplay.template.PythonTypeError("can only concatenate list (not \"" + typeName(b) + "\") to list");
            }
            if ((a instanceof Number || a instanceof Boolean) && (b instanceof CharSequence || b instanceof java.util.List<?>)) {
                throw new io.jplay.template.PythonTypeError("unsupported operand type(s) for +: '" + typeName(a) + "' and '" + typeName(b) + "'");
            }
            if (a instanceof CharSequence x && b instanceof CharSequence y) {
                return x.toString() + y;
            }
            if (a instanceof java.util.List<?> x && b instanceof java.util.List<?> y) {
                java.util.List<Object> out = new java.util.ArrayList<>(x);
                out.addAll(y);
                return out;
            }
            if ((a instanceof Number || a instanceof Boolean) && (b instanceof Number || b instanceof Boolean)) {
                return NumberOperations.add(converter, a instanceof Boolean t ? (t ? 1L : 0L) : a,
                        b instanceof Boolean t ? (t ? 1L : 0L) : b);
            }
            throw new io.jplay.template.PythonTypeError("unsupported operand type(s) for +: '" + typeName(a)
                    + "' and '" + typeName(b) + "'");
        }

        @Override
        public String toString() {
            return "+";
        }
    };

    static String typeName(Object o) {
        return io.jplay.python.PythonTypes.name(o);
    }

    /** {@code 'ab' * 2} repeats text (and lists); numbers multiply as before. */
    static final AstBinary.Operator MUL = new AstBinary.SimpleOperator() {
        @Override
        protected Object apply(TypeConverter converter, Object a, Object b) {
            if (a instanceof CharSequence text && isInteger(b)) {
                return text.toString().repeat((int) Math.max(0, ((Number) b).longValue()));
            }
            if (b instanceof CharSequence text && isInteger(a)) {
                return text.toString().repeat((int) Math.max(0, ((Number) a).longValue()));
            }
            if (a instanceof java.util.List<?> list && isInteger(b)) {
                java.util.List<Object> out = new java.util.ArrayList<>();
                for (long i = 0; i < ((Number) b).longValue(); i++) {
                    out.addAll(list);
                }
                return out;
            }
            return NumberOperations.mul(converter, a, b);
        }

        @Override
        public String toString() {
            return "*";
        }
    };

    /** Python's {@code and}/{@code or} return an operand, not a boolean ({@code a or 'x'}). */
    static final AstBinary.Operator AND = new AstBinary.Operator() {
        @Override
        public Object eval(Bindings bindings, ELContext context, AstNode left, AstNode right) {
            Object l = left.eval(bindings, context);
            return PythonValues.isTrue(l) ? right.eval(bindings, context) : l;
        }

        @Override
        public String toString() {
            return "and";
        }
    };

    static final AstBinary.Operator OR = new AstBinary.Operator() {
        @Override
        public Object eval(Bindings bindings, ELContext context, AstNode left, AstNode right) {
            Object l = left.eval(bindings, context);
            return PythonValues.isTrue(l) ? l : right.eval(bindings, context);
        }

        @Override
        public String toString() {
            return "or";
        }
    };

    private static boolean isInteger(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof java.math.BigInteger;
    }
}
