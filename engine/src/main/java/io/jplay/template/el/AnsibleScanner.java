package io.jplay.template.el;

import com.hubspot.jinjava.el.ext.ExtendedScanner;
import jinjava.de.odysseus.el.tree.impl.Scanner;

import java.util.Set;

/**
 * JUEL's scanner without the EL keywords Jinja2 does not have: {@code empty}, {@code div}, {@code mod},
 * {@code eq}, {@code ne}, {@code lt}, {@code gt}, {@code le}, {@code ge}, {@code instanceof} are plain
 * names in Jinja2 (a variable called {@code empty} must work).
 */
final class AnsibleScanner extends ExtendedScanner {

    private static final Set<String> NOT_KEYWORDS =
            Set.of("empty", "div", "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof");

    AnsibleScanner(String input) {
        super(input);
    }

    @Override
    protected Scanner.Token keyword(String s) {
        return NOT_KEYWORDS.contains(s) ? null : super.keyword(s);
    }
}
