package io.jplay.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.IfTag;
import com.hubspot.jinjava.tree.TagNode;
import io.jplay.template.python.PythonValues;

/** {@code {% if %}} / {@code {% elif %}} with Python's truth ({@code 'False'} is a true string). */
final class PythonIfTag extends IfTag {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean isPositiveIfElseNode(TagNode tagNode, JinjavaInterpreter interpreter) {
        return PythonValues.isTrue(interpreter.resolveELExpression(
                tagNode.getHelpers(), tagNode.getLineNumber(), tagNode.getStartPosition()));
    }
}
