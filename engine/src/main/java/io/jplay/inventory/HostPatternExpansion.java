package io.jplay.inventory;

import io.jplay.error.JplayException;

import java.util.List;

/**
 * The hosts one inventory entry stands for (Ansible's {@code _expand_hostpattern}): an address with an
 * optional port, whose {@code [x:y]} ranges expand to several names.
 */
record HostPatternExpansion(List<String> hostnames, Integer port) {

    static HostPatternExpansion of(String hostPattern) {
        String pattern;
        Integer port;
        try {
            HostAddress address = HostAddress.parse(hostPattern, true);
            pattern = address.host();
            port = address.port();
        } catch (JplayException e) {
            pattern = hostPattern;
            port = null;
        }
        List<String> names = HostRange.hasRange(pattern) ? HostRange.expand(pattern) : List.of(pattern);
        return new HostPatternExpansion(names, port);
    }
}
