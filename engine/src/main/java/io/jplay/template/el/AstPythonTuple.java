package io.jplay.template.el;

import com.hubspot.jinjava.el.ext.AstTuple;
import io.jplay.template.python.PythonTuple;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.javax.el.ELContext;

import java.util.Collection;

/** A tuple literal that stays a tuple, so it prints as Python does: {@code (1, 2)}. */
final class AstPythonTuple extends AstTuple {

    AstPythonTuple(AstParameters parameters) {
        super(parameters);
    }

    @Override
    public Object eval(Bindings bindings, ELContext context) {
        Object value = super.eval(bindings, context);
        return value instanceof Collection<?> items ? new PythonTuple(items) : value;
    }
}
