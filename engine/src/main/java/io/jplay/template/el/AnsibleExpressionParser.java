package io.jplay.template.el;

import com.hubspot.jinjava.el.ext.AdditionOperator;
import com.hubspot.jinjava.el.ext.CollectionMembershipOperator;
import com.hubspot.jinjava.el.ext.CollectionNonMembershipOperator;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.el.ext.OrOperator;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Parser.ExtensionPoint;
import jinjava.de.odysseus.el.tree.impl.Scanner;
import jinjava.de.odysseus.el.tree.impl.Scanner.Symbol;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstBracket;
import jinjava.de.odysseus.el.tree.impl.ast.AstDot;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstNumber;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
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
        return comparison(required);
    }

    /**
     * Python's comparisons: one precedence level for ==, !=, <, <=, >, >=, in, not in, and chains
     * ({@code a < b < c} is {@code a < b and b < c}; JUEL has two levels and no chaining).
     */
    private AstNode comparison(boolean required) throws Scanner.ScanException, ParseException {
        AstNode left = add(required);
        if (left == null) {
            return null;
        }
        AstNode result = null;
        while (true) {
            Scanner.Token token = getToken();
            AstNode right;
            AstNode pair;
            AstBinary.Operator operator = switch (token.getSymbol()) {
                case EQ -> AstBinary.EQ;
                case NE -> AstBinary.NE;
                case LT -> AstBinary.LT;
                case LE -> AstBinary.LE;
                case GT -> AstBinary.GT;
                case GE -> AstBinary.GE;
                default -> null;
            };
            if (operator != null) {
                consumeToken();
                right = add(true);
                pair = createAstBinary(left, right, operator);
            } else if (token.getSymbol() == Symbol.EXTENSION
                    && getExtensionHandler(token).getExtensionPoint() == ExtensionPoint.CMP) {
                consumeToken();
                right = add(true);
                pair = getExtensionHandler(token).createAstNode(left, right);
            } else if ("not".equals(token.getImage()) && "in".equals(lookahead(0).getImage())) {
                consumeToken();
                consumeToken();
                right = add(true);
                pair = getExtensionHandler(CollectionNonMembershipOperator.TOKEN).createAstNode(left, right);
            } else {
                return result == null ? left : result;
            }
            result = result == null ? pair : createAstBinary(result, pair, AstBinary.AND);
            left = right;
        }
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

    /**
     * Jinjava reads a filter name as one identifier; Ansible's are often qualified
     * ({@code x | ansible.utils.ipaddr('net')}, kubespray writes them so), hence this copy of its loop with
     * {@link #qualifiedName()}.
     */
    @Override
    protected AstNode parseFiltersAsNestedMethods(AstNode left) throws Scanner.ScanException, ParseException {
        AstNode v = left;
        do {
            consumeToken(); // '|'
            String filterName = qualifiedName();
            List<AstNode> filterParams = new ArrayList<>(List.of(v, interpreter()));
            if (getToken().getSymbol() == Symbol.LPAREN) {
                AstParameters parameters = params();
                for (int i = 0; i < parameters.getCardinality(); i++) {
                    filterParams.add(parameters.getChild(i));
                }
            }
            AstProperty filter = createAstDot(identifier(FILTER_PREFIX + filterName), "filter", true);
            v = createAstMethod(filter, createAstParameters(filterParams));
        } while ("|".equals(getToken().getImage()) && lookahead(0).getSymbol() == Symbol.IDENTIFIER);
        return v;
    }

    /** A filter or test name: an identifier, or dotted identifiers such as {@code ansible.builtin.version}. */
    private String qualifiedName() throws Scanner.ScanException, ParseException {
        StringBuilder name = new StringBuilder(consumeToken().getImage());
        while (getToken().getSymbol() == Symbol.DOT && lookahead(0).getSymbol() == Symbol.IDENTIFIER) {
            consumeToken();
            name.append('.').append(consumeToken().getImage());
        }
        return name.toString();
    }

    private AstNode test(AstNode subject, String method) throws Scanner.ScanException, ParseException {
        String testName = qualifiedName();
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

    /**
     * Postfix operators on a primary: attributes, calls, {@code x.0} (JUEL scans {@code .0} as a float;
     * Jinja2 reads it as {@code x[0]}), subscripts and Python slices with optional parts and a step.
     */
    @Override
    protected AstNode value() throws Scanner.ScanException, ParseException {
        boolean lvalue = true;
        AstNode v = nonliteral();
        if (v == null) {
            v = literal();
            if (v == null) {
                return null;
            }
            lvalue = false;
        }
        while (true) {
            Scanner.Token token = getToken();
            if (token.getSymbol() == Symbol.DOT) {
                consumeToken();
                String name = consumeToken(Symbol.IDENTIFIER).getImage();
                AstDot dot = createAstDot(v, name, lvalue);
                v = getToken().getSymbol() == Symbol.LPAREN ? createAstMethod(dot, params()) : dot;
            } else if (token.getSymbol() == Symbol.FLOAT && token.getImage().matches("\\.\\d+")) {
                long index = Long.parseLong(consumeToken().getImage().substring(1));
                v = createAstBracket(v, new AstNumber(index), lvalue, false);
            } else if (token.getSymbol() == Symbol.LBRACK) {
                v = subscript(v, lvalue);
            } else {
                return v;
            }
        }
    }

    private AstNode subscript(AstNode v, boolean lvalue) throws Scanner.ScanException, ParseException {
        consumeToken(Symbol.LBRACK);
        AstNode start = getToken().getSymbol() == Symbol.COLON ? null : expr(true);
        if (getToken().getSymbol() == Symbol.RBRACK) {
            consumeToken();
            AstBracket bracket = createAstBracket(v, start, lvalue, false);
            return getToken().getSymbol() == Symbol.LPAREN ? createAstMethod(bracket, params()) : bracket;
        }
        consumeToken(Symbol.COLON);
        AstNode stop = isSliceEnd() ? null : expr(true);
        AstNode step = null;
        if (getToken().getSymbol() == Symbol.COLON) {
            consumeToken();
            step = getToken().getSymbol() == Symbol.RBRACK ? null : expr(true);
        }
        consumeToken(Symbol.RBRACK);
        return new AstSlice(v, start, stop, step);
    }

    private boolean isSliceEnd() {
        Symbol symbol = getToken().getSymbol();
        return symbol == Symbol.COLON || symbol == Symbol.RBRACK;
    }

    @Override
    protected com.hubspot.jinjava.el.ext.AstTuple createAstTuple(AstParameters parameters)
            throws Scanner.ScanException, ParseException {
        return new AstPythonTuple(parameters);
    }

    @Override
    protected Scanner createScanner(String expression) {
        return new AnsibleScanner(expression);
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
        if (operator == AstBinary.ADD || operator == AdditionOperator.OP) {
            return super.createAstBinary(left, right, PythonOperators.ADD);
        }
        if (operator == AstBinary.MUL) {
            return super.createAstBinary(left, right, PythonOperators.MUL);
        }
        if (operator == AstBinary.MOD) {
            return super.createAstBinary(left, right, PythonOperators.MOD);
        }
        return super.createAstBinary(left, right, operator);
    }
}
