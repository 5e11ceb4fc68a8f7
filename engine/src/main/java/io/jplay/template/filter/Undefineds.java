package io.jplay.template.filter;

import java.lang.reflect.Method;

/**
 * Makes Jinja2's Undefined for a missing attribute (map(attribute=), extract), as the Templar represents
 * it: its {@code io.jplay.template.Undefined.withMessage}, found at run time because the Templar and this
 * library are developed on separate branches; without it (a plain Jinjava), null.
 */
final class Undefineds {

    private static final Method WITH_MESSAGE = find();

    private Undefineds() {
    }

    private static Method find() {
        try {
            return Class.forName("io.jplay.template.Undefined").getMethod("withMessage", String.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** The undefined value for {@code item.attribute}, carrying Jinja2's "has no attribute" message. */
    static Object missingAttribute(Object item, Object attribute) {
        return withMessage(Attributes.missingMessage(item, attribute));
    }

    /** An undefined value that raises {@code message} when used (Jinja2's environment.undefined(message)). */
    static Object withMessage(String message) {
        if (WITH_MESSAGE == null) {
            return null;
        }
        try {
            return WITH_MESSAGE.invoke(null, message);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
