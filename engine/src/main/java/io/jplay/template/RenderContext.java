package io.jplay.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;

import java.util.Set;

/**
 * The root Jinjava context of one render. Jinja2 refuses unknown filters and tests (Ansible: 'Could not
 * load "foo"'); Jinjava silently yields nothing, so lookups of unknown names fail here. Filters also
 * refuse an {@link Undefined} input as Jinja2's StrictUndefined does, except those made for it.
 */
final class RenderContext extends Context {

    private static final Set<String> FILTERS_ACCEPTING_UNDEFINED = Set.of("default", "d", "mandatory");

    RenderContext(Context parent) {
        super(parent);
    }

    @Override
    public Filter getFilter(String name) {
        Filter filter = super.getFilter(name);
        if (filter == null) {
            throw new UnknownPluginException(name);
        }
        return FILTERS_ACCEPTING_UNDEFINED.contains(name) ? filter : new UndefinedRefusingFilter(filter);
    }

    @Override
    public ExpTest getExpTest(String name) {
        ExpTest test = super.getExpTest(name);
        if (test == null) {
            throw new UnknownPluginException(name);
        }
        return test;
    }

    /** An unknown filter or test; {@link Templar} words it as Ansible does, with the template text. */
    static final class UnknownPluginException extends RuntimeException {
        final String name;

        UnknownPluginException(String name) {
            super("Could not load \"" + name + "\": '" + name + "'", null, false, false);
            this.name = name;
        }
    }
}
