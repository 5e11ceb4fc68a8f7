package io.jplay.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import io.jplay.template.python.PythonValues;
import org.apache.commons.lang3.tuple.Pair;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's {@code for} on top of Jinjava's: adds the loop filter ({@code for u in users if u.uid > 1},
 * where {@code loop} counts only kept items) and the {@code {% else %}} branch rendered when nothing was
 * iterated. An {@link Undefined} collection raises its error, as iterating StrictUndefined does.
 */
final class PythonForTag extends ForTag {

    private static final long serialVersionUID = 1L;

    @Override
    public String interpretUnchecked(TagNode tagNode, JinjavaInterpreter interpreter) {
        Pair<List<String>, String> varsAndExpression = getLoopVarsAndExpression((TagToken) tagNode.getMaster());
        List<String> loopVars = varsAndExpression.getLeft();
        String expression = varsAndExpression.getRight();
        String condition = null;
        int ifAt = topLevelIf(expression);
        if (ifAt >= 0) {
            condition = expression.substring(ifAt + 4).trim();
            expression = expression.substring(0, ifAt);
        }
        Object collection = interpreter.resolveELExpression(expression, tagNode.getLineNumber());
        if (collection instanceof Undefined undefined) {
            throw undefined.fail();
        }
        if (condition != null) {
            collection = keep(collection, loopVars, condition, interpreter, tagNode.getLineNumber());
        }

        LinkedList<Node> children = tagNode.getChildren();
        int elseAt = elseIndex(children);
        if (elseAt < 0) {
            return renderForCollection(tagNode, interpreter, loopVars, collection);
        }
        LinkedList<Node> body = new LinkedList<>(children.subList(0, elseAt));
        List<Node> otherwise = new ArrayList<>(children.subList(elseAt + 1, children.size()));
        if (isEmpty(collection)) {
            StringBuilder out = new StringBuilder();
            for (Node node : otherwise) {
                out.append(node.render(interpreter).getValue());
            }
            return out.toString();
        }
        tagNode.setChildren(body);
        try {
            return renderForCollection(tagNode, interpreter, loopVars, collection);
        } finally {
            tagNode.setChildren(children);
        }
    }

    private static int elseIndex(List<Node> children) {
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof TagNode tag && "else".equals(tag.getTag().getName())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isEmpty(Object collection) {
        return !PythonValues.isTrue(collection);
    }

    private static List<Object> keep(Object collection, List<String> loopVars, String condition,
                                     JinjavaInterpreter interpreter, int line) {
        List<Object> kept = new ArrayList<>();
        for (Object item : items(collection)) {
            try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
                if (loopVars.size() == 1) {
                    interpreter.getContext().put(loopVars.get(0), item);
                } else if (item instanceof List<?> parts) {
                    for (int i = 0; i < loopVars.size() && i < parts.size(); i++) {
                        interpreter.getContext().put(loopVars.get(i), parts.get(i));
                    }
                }
                if (PythonValues.isTrue(interpreter.resolveELExpression(condition, line))) {
                    kept.add(item);
                }
            }
        }
        return kept;
    }

    private static Iterable<?> items(Object collection) {
        if (collection instanceof Map<?, ?> map) {
            return map.keySet();
        }
        if (collection instanceof Iterable<?> iterable) {
            return iterable;
        }
        if (collection == null) {
            return List.of();
        }
        return List.of(collection);
    }

    /** Position of a top-level " if " (outside strings and brackets), or -1. */
    private static int topLevelIf(String expression) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && expression.startsWith(" if ", i)) {
                return i;
            }
        }
        return -1;
    }
}
