package io.jplay.template.el;

import com.hubspot.jinjava.el.ext.CollectionMembershipOperator;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.OrOperator;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstBracket;
import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstNumber;
import jinjava.de.odysseus.el.tree.impl.ast.AstProperty;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;


/**
 * Jinjava's expression parser with Jinja2's grammar where Jinjava's differs. Fixing these in the parser
 * (rather than rewriting template text) keeps positions and error messages intact and cannot misfire
 * inside string literals:
 * <ul>
 *   <li>{@code not} binds looser than comparisons: {@code not a == b} is {@code not (a == b)};</li>
 *   <li>filters and tests chain in any order: {@code x | f is t}, {@code x is t | f} is not valid Jinja2
 *       either, but {@code x | f | g is not t} is;</li>
 *   <li>{@code x.0} is {@code x[0]} (JUEL scans {@code .0} as a float);</li>
 *   <li>{@code ==}/{@code !=} compare as Python (no coercion: {@code '3' == 3} is False) and {@code %}
 *       formats strings ({@code '%s-%d' % (a, b)}).</li>
 * </ul>
 * Source-level gaps that are not grammar (backslashes in string literals, {@code }}} closing a dict
 * literal) are handled by {@link io.jplay.template.TemplateSource} before Jinjava tokenizes the template.
 */
public class AnsibleExpressionParser extends ExtendedParser {

    private static final Set<Symbol> TEST_NAME_SYMBOLS = EnumSet.of(
            Symbol.IDENTIFIER, Symbol.EQ, Symbol.NE, Symbol.LT, Symbol.LE, Symbol.GT, Symbol.GE,
            Symbol.TRUE, Symbol.FALSE, Symbol.NULL, Symbol.EMPTY);

    public AnsibleExpressionParser(Builder context, String input) {
        super(context, input);
    }

    @Override
    protected AstNode eq(boolean required) throws Scanner.ScanException, ParseException {
        if (getToken().getSymbol() == Symbol.NOT && !"in".equals(lookahead(0).getImage())) {
            consumeToken();
            return createAstUnary(eq(true), AstUnary.NOT);
        }
        return super.eq(required);
    }

    @Override
    protected AstNode filter(boolean required) throws Scanner.ScanException, ParseException {
        AstNode v = unary(required);
        if (v == null) {
            return null;
        }
        while (true) {
            if ("|".equals(getToken().getImage()) && lookahead(0).getSymbol() == Symbol.IDENTIFIER) {
                v = parseFiltersAsNestedMethods(v);
            } else if ("is".equals(getToken().getImage()) && "not".equals(lookahead(0).getImage())
                    && isTestName(lookahead(1))) {
                consumeToken();
                consumeToken();
                v = test(v, "evaluateNegated");
            } else if ("is".equals(getToken().getImage()) && isTestName(lookahead(0))) {
                consumeToken();
                v = test(v, "evaluate");
            } else {
                return v;
            }
        }
    }

    private boolean isTestName(Scanner.Token token) {
        return TEST_NAME_SYMBOLS.contains(token.getSymbol())
                || token.getSymbol() == CollectionMembershipOperator.TOKEN.getSymbol()
                        && "in".equals(token.getImage());
    }

    private AstNode test(AstNode subject, String method) throws Scanner.ScanException, ParseException {
        String testName = consumeToken().getImage();
        List<AstNode> params = new ArrayList<>();
        params.add(subject);
        params.add(interpreter());
        AstNode arg = value();
        if (arg != null) {
            params.add(arg);
        }
        AstProperty property = createAstDot(identifier(EXPTEST_PREFIX + testName), method, true);
        return createAstMethod(property, createAstParameters(params));
    }

    @Override
    protected AstNode value() throws Scanner.ScanException, ParseException {
        AstNode v = super.value();
        // JUEL scans "x.0" as identifier x followed by the float ".0": Jinja2 reads it as x[0].
        while (v != null && getToken().getSymbol() == Symbol.FLOAT && getToken().getImage().matches("\\.\\d+")) {
            long index = Long.parseLong(consumeToken().getImage().substring(1));
            AstBracket bracket = createAstBracket(v, new AstNumber(index), true, false);
            v = bracket;
            AstNode more = continueValue(v);
            v = more;
        }
        return v;
    }

    /** Applies the postfix operators (.name, [i], calls) following an index parsed by {@link #value()}. */
    private AstNode continueValue(AstNode v) throws Scanner.ScanException, ParseException {
        while (true) {
            if (getToken().getSymbol() == Symbol.DOT) {
                consumeToken();
                String name = consumeToken(Symbol.IDENTIFIER).getImage();
                AstDot dot = createAstDot(v, name, true);
                if (getToken().getSymbol() == Symbol.LPAREN) {
                    v = createAstMethod(dot, params());
                } else {
                    v = dot;
                }
            } else if (getToken().getSymbol() == Symbol.LBRACK) {
                consumeToken();
                AstNode property = expr(true);
                consumeToken(Symbol.RBRACK);
                v = createAstBracket(v, property, true, false);
            } else {
                return v;
            }
        }
    }

    @Override
    protected AstBinary createAstBinary(AstNode left, AstNode right, AstBinary.Operator operator) {
        if (operator == AstBinary.EQ) {
            return super.createAstBinary(left, right, PythonOperators.EQ);
        }
        if (operator == AstBinary.NE) {
            return super.createAstBinary(left, right, PythonOperators.NE);
        }
        if (operator == AstBinary.AND) {
            return super.createAstBinary(left, right, PythonOperators.AND);
        }
        if (operator == AstBinary.OR || operator == OrOperator.OP) {
            return super.createAstBinary(left, right, PythonOperators.OR);
        }
        if (operator == AstBinary.MOD) {
            return super.createAstBinary(left, right, PythonOperators.MOD);
        }
        return super.createAstBinary(left, right, operator);
    }
}
