package io.jplay.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import io.jplay.template.python.PythonRepr;

/** Jinja2's {@code {% filter name(args) %}...{% endfilter %}}: the block's output passed through filters. */
final class FilterBlockTag implements Tag {

    private static final long serialVersionUID = 1L;
    private static final String BODY = "__jplay_filter_block_body__";

    @Override
    public String getName() {
        return "filter";
    }

    @Override
    public String getEndTagName() {
        return "endfilter";
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        StringBuilder body = new StringBuilder();
        for (Node child : tagNode.getChildren()) {
            body.append(child.render(interpreter).getValue());
        }
        try (JinjavaInterpreter.InterpreterScopeClosable scope = interpreter.enterScope()) {
            interpreter.getContext().put(BODY, body.toString());
            Object filtered = interpreter.resolveELExpression(BODY + " | " + tagNode.getHelpers().trim(),
                    tagNode.getLineNumber());
            return filtered == null ? "" : PythonRepr.str(filtered);
        }
    }
}
