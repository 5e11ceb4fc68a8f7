package io.jplay.template;

import com.hubspot.jinjava.Jinjava;

/**
 * Installs Ansible's filters, tests and lookups (packages {@code filter}, {@code jinjatest}, {@code lookup})
 * into a Jinjava instance, replacing Jinjava built-ins whose behaviour differs from Ansible's Jinja2.
 */
public final class AnsibleLibrary {

    private AnsibleLibrary() {
    }

    public static void install(Jinjava jinjava) {
        // filled in by the filter/test/lookup library
    }
}
