package io.jplay.template.el;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import jinjava.de.odysseus.el.tree.impl.Parser;

/** Jinjava's expression syntax with the grammar fixes of {@link AnsibleExpressionParser}. */
public class AnsibleSyntaxBuilder extends ExtendedSyntaxBuilder {

    private static final long serialVersionUID = 1L;

    public AnsibleSyntaxBuilder() {
        super();
    }

    /** JUEL's ExpressionFactoryImpl instantiates the builder reflectively with its features. */
    public AnsibleSyntaxBuilder(Feature... features) {
        super(features);
    }

    @Override
    protected Parser createParser(String expression) {
        return new AnsibleExpressionParser(this, expression);
    }
}
