package io.jplay.template.filter;

import io.jplay.template.Undefined;

/** Jinja2's Undefined values the filters hand back, as the Templar represents them ({@link Undefined}). */
final class Undefineds {

    private Undefineds() {
    }

    /** The undefined value for {@code item.attribute}, carrying Jinja2's "has no attribute" message. */
    static Object missingAttribute(Object item, Object attribute) {
        return withMessage(Attributes.missingMessage(item, attribute));
    }

    /** An undefined value that raises {@code message} when used (Jinja2's environment.undefined(message)). */
    static Object withMessage(String message) {
        return Undefined.withMessage(message);
    }
}
