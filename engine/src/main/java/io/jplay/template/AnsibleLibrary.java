package io.jplay.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.Context;
import io.jplay.template.filter.AnsibleFilter;
import io.jplay.template.filter.CollectionFilters;
import io.jplay.template.filter.DateFilters;
import io.jplay.template.filter.EncodingFilters;
import io.jplay.template.filter.HigherOrderFilters;
import io.jplay.template.filter.JinjaFilters;
import io.jplay.template.filter.JsonQueryFilter;
import io.jplay.template.filter.MathFilters;
import io.jplay.template.filter.NetworkFilters;
import io.jplay.template.filter.PasswordHash;
import io.jplay.template.filter.PathFilters;
import io.jplay.template.filter.RegexFilters;
import io.jplay.template.filter.StringFilters;
import io.jplay.template.filter.TypeFilters;
import io.jplay.template.jinjatest.AnsibleTest;
import io.jplay.template.jinjatest.AnsibleTests;
import io.jplay.template.lookup.LookupFunctions;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Installs Ansible's filters, tests and lookups (packages {@code filter}, {@code jinjatest}, {@code lookup})
 * into a Jinjava instance, replacing Jinjava built-ins whose behaviour differs from Ansible's Jinja2.
 */
public final class AnsibleLibrary {

    private AnsibleLibrary() {
    }

    /**
     * Filters and tests about undefinedness. The Templar installs its own first (they know its Undefined
     * value, and that None is defined); ours, which take null for undefined, serve a plain Jinjava only.
     */
    private static final Set<String> TEMPLAR_OWNED = Set.of("default", "d", "defined", "undefined");

    public static void install(Jinjava jinjava) {
        Context global = jinjava.getGlobalContext();
        for (AnsibleFilter filter : filters()) {
            if (!(TEMPLAR_OWNED.contains(filter.getName()) && isJplays(global.getFilter(filter.getName())))) {
                jinjava.registerFilter(filter);
            }
        }
        for (AnsibleTest test : AnsibleTests.tests()) {
            if (!(TEMPLAR_OWNED.contains(test.getName()) && isJplays(global.getExpTest(test.getName())))) {
                jinjava.registerExpTest(test);
            }
        }
        LookupFunctions.install(jinjava);
    }

    private static boolean isJplays(Object installed) {
        return installed != null && installed.getClass().getName().startsWith("io.jplay.");
    }

    /** Every filter jplay provides, by the names Ansible knows them (built-in and ansible.builtin.). */
    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> base = Stream.of(TypeFilters.filters(), StringFilters.filters(), CollectionFilters.filters(),
                        MathFilters.filters(), RegexFilters.filters(), EncodingFilters.filters(), PathFilters.filters(),
                        HigherOrderFilters.filters(), NetworkFilters.filters(), JsonQueryFilter.filters(), JinjaFilters.filters(), DateFilters.filters(), PasswordHash.filters())
                .flatMap(List::stream)
                .toList();
        return Stream.concat(base.stream(), base.stream()
                        .filter(f -> !f.getName().contains("."))
                        .map(f -> f.alias("ansible.builtin." + f.getName())))
                .toList();
    }
}
