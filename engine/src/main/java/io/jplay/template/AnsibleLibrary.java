package io.jplay.template;

import com.hubspot.jinjava.Jinjava;
import io.jplay.template.filter.AnsibleFilter;
import io.jplay.template.filter.CollectionFilters;
import io.jplay.template.filter.EncodingFilters;
import io.jplay.template.filter.HigherOrderFilters;
import io.jplay.template.filter.JinjaFilters;
import io.jplay.template.filter.JsonQueryFilter;
import io.jplay.template.filter.MathFilters;
import io.jplay.template.filter.NetworkFilters;
import io.jplay.template.filter.PathFilters;
import io.jplay.template.filter.RegexFilters;
import io.jplay.template.filter.StringFilters;
import io.jplay.template.filter.TypeFilters;
import io.jplay.template.jinjatest.AnsibleTest;
import io.jplay.template.jinjatest.AnsibleTests;
import io.jplay.template.lookup.LookupFunctions;

import java.util.List;
import java.util.stream.Stream;

/**
 * Installs Ansible's filters, tests and lookups (packages {@code filter}, {@code jinjatest}, {@code lookup})
 * into a Jinjava instance, replacing Jinjava built-ins whose behaviour differs from Ansible's Jinja2.
 */
public final class AnsibleLibrary {

    private AnsibleLibrary() {
    }

    public static void install(Jinjava jinjava) {
        for (AnsibleFilter filter : filters()) {
            jinjava.registerFilter(filter);
        }
        for (AnsibleTest test : AnsibleTests.tests()) {
            jinjava.registerExpTest(test);
        }
        LookupFunctions.install(jinjava);
    }

    /** Every filter jplay provides, by the names Ansible knows them (built-in and ansible.builtin.). */
    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> base = Stream.of(TypeFilters.filters(), StringFilters.filters(), CollectionFilters.filters(),
                        MathFilters.filters(), RegexFilters.filters(), EncodingFilters.filters(), PathFilters.filters(),
                        HigherOrderFilters.filters(), NetworkFilters.filters(), JsonQueryFilter.filters(), JinjaFilters.filters())
                .flatMap(List::stream)
                .toList();
        return Stream.concat(base.stream(), base.stream()
                        .filter(f -> !f.getName().contains("."))
                        .map(f -> new AnsibleFilter("ansible.builtin." + f.getName(), f::filterWithArgs)))
                .toList();
    }
}
