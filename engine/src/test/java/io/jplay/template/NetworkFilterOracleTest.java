package io.jplay.template;

import io.jplay.python.PythonJson;
import io.jplay.template.filter.PyJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ansible.utils IP filters (ipaddr, ipv4, ipv6, ipwrap, ipmath, next_nth_usable, nthhost, ipsubnet), by their bare names (also registered as ansible.utils.NAME).
 * Expected values: ansible-core 2.14.18, each {@code {{ (expression) | to_json }}} rendered by Ansible's Templar
 * (escape_backslashes=False, i.e. plain Jinja2 string literals) with {@link OracleVariables#VARIABLES}.
 */
class NetworkFilterOracleTest {

    static final String[][] CASES = {
        {"'10.0.0.1' | ipaddr", "\"10.0.0.1\""},
        {"'10.0.0.1/24' | ipaddr", "\"10.0.0.1/24\""},
        {"'10.0.0.1/255.255.0.0' | ipaddr", "\"10.0.0.1/16\""},
        {"'2001:db8:0:1:1:1:1:1' | ipaddr", "\"2001:db8:0:1:1:1:1:1\""},
        {"'2001:DB8:0:0:0:0:0:1' | ipaddr", "\"2001:db8::1\""},
        {"'::ffff:10.0.0.1' | ipaddr", "\"::ffff:10.0.0.1\""},
        {"'foo' | ipaddr", "false"},
        {"'' | ipaddr", "false"},
        {"'300.1.1.1' | ipaddr", "false"},
        {"5 | ipaddr", "\"0.0.0.5\""},
        {"['10.0.0.1', 'foo', '::1', '10.0.0.0/8'] | ipaddr", "[\"10.0.0.1\", \"::1\", \"10.0.0.0/8\"]"},
        {"'10.0.0.0/24' | ipaddr('net')", "\"10.0.0.0/24\""},
        {"'10.0.0.1/24' | ipaddr('net')", "null"},
        {"'10.0.0.1' | ipaddr('net')", "null"},
        {"'10.233.0.0/18' | ipaddr(1)", "\"10.233.0.1/18\""},
        {"'10.233.0.0/18' | ipaddr(3)", "\"10.233.0.3/18\""},
        {"'10.233.0.0/18' | ipaddr(4)", "\"10.233.0.4/18\""},
        {"'10.233.0.0/18' | ipaddr(-1)", "\"10.233.63.255/18\""},
        {"'10.0.0.0/24' | ipaddr(300)", "false"},
        {"'10.0.0.5' | ipaddr(2)", "\"10.0.0.5\""},
        {"'fd85:ee78:d8a6:8607::1:0000/112' | ipaddr(1)", "\"fd85:ee78:d8a6:8607::1:1/112\""},
        {"'10.233.0.0/18' | ipaddr(1) | ipaddr('address')", "\"10.233.0.1\""},
        {"'10.0.0.1/24' | ipaddr('address')", "\"10.0.0.1\""},
        {"'10.0.0.0/24' | ipaddr('address')", "null"},
        {"'10.0.0.1' | ipaddr('address')", "\"10.0.0.1\""},
        {"'fd00::/64' | ipaddr('address')", "\"fd00::\""},
        {"'10.0.0.0/31' | ipaddr('address')", "\"10.0.0.0\""},
        {"'10.0.0.1/24' | ipaddr('prefix')", "24"},
        {"'10.0.0.1' | ipaddr('prefix')", "32"},
        {"'10.0.0.1/24' | ipaddr('host')", "\"10.0.0.1/24\""},
        {"'10.0.0.0/24' | ipaddr('host')", "null"},
        {"'10.0.0.1' | ipaddr('host')", "\"10.0.0.1/32\""},
        {"'10.0.0.1/24' | ipaddr('network')", "\"10.0.0.0\""},
        {"'10.0.0.1/24' | ipaddr('netmask')", "\"255.255.255.0\""},
        {"'10.0.0.1/24' | ipaddr('hostmask')", "\"0.0.0.255\""},
        {"'10.0.0.1/24' | ipaddr('broadcast')", "\"10.0.0.255\""},
        {"'10.0.0.1/24' | ipaddr('size')", "256"},
        {"'10.0.0.1/24' | ipaddr('subnet')", "\"10.0.0.0/24\""},
        {"'10.0.0.1/24' | ipaddr('network/prefix')", "\"10.0.0.0/24\""},
        {"'10.0.0.1/24' | ipaddr('host/prefix')", "\"10.0.0.1/24\""},
        {"'10.0.0.0/24' | ipaddr('host/prefix')", "false"},
        {"'10.0.0.1/24' | ipaddr('ip/prefix')", "\"10.0.0.1/24\""},
        {"'10.0.0.1/24' | ipaddr('cidr')", "\"10.0.0.1/24\""},
        {"'10.0.0.1/24' | ipaddr('type')", "\"address\""},
        {"'10.0.0.0/24' | ipaddr('type')", "\"network\""},
        {"'10.0.0.1/24' | ipaddr('int')", "\"167772161/24\""},
        {"'10.0.0.1' | ipaddr('int')", "167772161"},
        {"'10.0.0.1/24' | ipaddr('version')", "4"},
        {"'::1' | ipaddr('version')", "6"},
        {"'10.0.0.1/24' | ipaddr('first_usable')", "\"10.0.0.1\""},
        {"'10.0.0.1/24' | ipaddr('last_usable')", "\"10.0.0.254\""},
        {"'10.0.0.1/24' | ipaddr('next_usable')", "\"10.0.0.2\""},
        {"'10.0.0.1/24' | ipaddr('previous_usable')", "null"},
        {"'10.0.0.1/24' | ipaddr('range_usable')", "\"10.0.0.1-10.0.0.254\""},
        {"'10.0.0.1/24' | ipaddr('size_usable')", "254"},
        {"'10.0.0.1/24' | ipaddr('network_netmask')", "\"10.0.0.0 255.255.255.0\""},
        {"'10.0.0.1/24' | ipaddr('ip_netmask')", "\"10.0.0.1 255.255.255.0\""},
        {"'10.0.0.1/24' | ipaddr('10.0.0.0/8')", "\"10.0.0.1/24\""},
        {"'10.0.0.1/24' | ipaddr('192.168.0.0/16')", "null"},
        {"'10.0.0.1' | ipaddr('private')", "\"10.0.0.1\""},
        {"'8.8.8.8' | ipaddr('private')", "null"},
        {"'8.8.8.8' | ipaddr('public')", "\"8.8.8.8\""},
        {"'10.0.0.1' | ipaddr('public')", "null"},
        {"'10.0.0.1' | ipaddr('revdns')", "\"1.0.0.10.in-addr.arpa.\""},
        {"'2001:db8::1' | ipaddr('revdns')", "\"1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.\""},
        {"'10.0.0.1' | ipaddr('wrap')", "\"10.0.0.1\""},
        {"'::1' | ipaddr('wrap')", "\"[::1]\""},
        {"'fd00::1/64' | ipaddr('wrap')", "\"[fd00::1]/64\""},
        {"'10.0.0.1' | ipaddr('bool')", "true"},
        {"'10.0.0.1' | ipv4", "\"10.0.0.1\""},
        {"'::1' | ipv4", "false"},
        {"'10.0.0.1' | ipv6", "false"},
        {"'::1' | ipv6", "\"::1\""},
        {"'10.0.0.1' | ipv4('address')", "\"10.0.0.1\""},
        {"['10.0.0.1', '::1', 'x'] | ipv4", "[\"10.0.0.1\"]"},
        {"['10.0.0.1', '::1', 'x'] | ipv6", "[\"::1\"]"},
        {"'10.0.0.1' | ipv6('ipv6')", "false"},
        {"'::ffff:10.0.0.1' | ipv4('ipv4')", "false"},
        {"'10.0.0.1' | ipwrap", "\"10.0.0.1\""},
        {"'::1' | ipwrap", "\"[::1]\""},
        {"'fd00::/64' | ipwrap", "\"[fd00::]/64\""},
        {"'host.example' | ipwrap", "\"host.example\""},
        {"['10.0.0.1', 'fd00::1', 'name'] | ipwrap", "[\"10.0.0.1\", \"[fd00::1]\", \"name\"]"},
        {"'10.0.0.1' | ipmath(5)", "\"10.0.0.6\""},
        {"'10.0.0.1/24' | ipmath(-2)", "\"9.255.255.255\""},
        {"'fd00::1' | ipmath(255)", "\"fd00::100\""},
        {"'10.0.0.0/24' | next_nth_usable(2)", "\"10.0.0.2\""},
        {"'10.0.0.250/24' | next_nth_usable(10)", "null"},
        {"'10.0.0.10/24' | previous_nth_usable(3)", "\"10.0.0.7\""},
        {"'10.0.0.0/24' | nthhost(2)", "\"10.0.0.2\""},
        {"'10.0.0.0/24' | nthhost(-1)", "\"10.0.0.255\""},
        {"'10.233.0.0/18' | ipsubnet(24)", "\"64\""},
        {"'10.233.0.0/18' | ipsubnet(24, 0)", "\"10.233.0.0/24\""},
        {"'10.233.0.0/18' | ipsubnet(24, 3)", "\"10.233.3.0/24\""},
        {"'10.233.0.0/18' | ipsubnet(24, -1)", "\"10.233.63.0/24\""},
        {"'10.0.0.1' | ipaddr", "\"10.0.0.1\""},
        {"'10.233.0.0/18' | ipaddr('net')", "\"10.233.0.0/18\""},
        {"'fd85:ee78:d8a6:8607::1:0000/112' | ipaddr('net')", "\"fd85:ee78:d8a6:8607::1:0/112\""},
        {"'fd85:ee78:d8a6:8607::1:0000/112' | ipaddr('net') | ipaddr(1) | ipaddr('address')", "\"fd85:ee78:d8a6:8607::1:1\""},
        {"'fd85:ee78:d8a6:8607::1:0000/112' | ipaddr('prefix')", "112"},
        {"'fd85:ee78:d8a6:8607::1:1/112' | ipaddr('address')", "\"fd85:ee78:d8a6:8607::1:1\""},
        {"'fd85:ee78:d8a6:8607::1:1/112' | ipaddr('network')", "\"fd85:ee78:d8a6:8607::1:0\""},
        {"'fd85:ee78:d8a6:8607::1:1/112' | ipaddr('broadcast')", "\"fd85:ee78:d8a6:8607::1:ffff\""},
        {"'fd85:ee78:d8a6:8607::1:1/112' | ipaddr('size')", "65536"},
        {"'fd85:ee78:d8a6:8607::1:1/112' | ipaddr('host')", "\"fd85:ee78:d8a6:8607::1:1/112\""},
        {"'fe80::1' | ipaddr('link-local')", "\"fe80::1\""},
        {"'127.0.0.1' | ipaddr('loopback')", "\"127.0.0.1\""},
        {"'224.0.0.1' | ipaddr('multicast')", "\"224.0.0.1\""},
        {"'10.0.0.1' | ipaddr('ipv6')", "\"::ffff:10.0.0.1/128\""},
        {"'10.0.0.1/24' | ipaddr('ipv6')", "\"::ffff:10.0.0.1/120\""},
        {"['192.168.0.1/24', '10.0.0.0/8'] | ipaddr('net')", "[\"10.0.0.0/8\"]"},
        {"['192.168.0.1/24', 'fd00::1/64'] | ipaddr('address')", "[\"192.168.0.1\", \"fd00::1\"]"},
        {"['192.168.0.1', '10.1.1.1'] | ipaddr('192.168.0.0/16')", "[\"192.168.0.1\"]"},
        {"'10.0.0.0/8' | ipaddr('size_usable')", "16777214"},
        {"'10.0.0.1/32' | ipaddr('size_usable')", "0"},
        {"'10.0.0.0/31' | ipaddr('first_usable')", "\"10.0.0.0\""},
        {"'10.0.0.0/31' | ipaddr('size_usable')", "2"},
        {"'::' | ipaddr", "\"::\""},
        {"'0.0.0.0/0' | ipaddr('net')", "\"0.0.0.0/0\""},
        {"'0.0.0.0' | ipaddr", "\"0.0.0.0\""},
        {"'10.0.0.1/33' | ipaddr", "false"},
        {"'1.2.3' | ipaddr", "\"1.2.3.0\""},
        {"'10.0.0.01' | ipaddr", "\"10.0.0.1\""},
        {"'192.168.1.5' | ipwrap('address')", "\"192.168.1.5\""},
        {"'fd00::1' | ipsubnet(120, 1)", "\"fd00::/121\""},
        {"'10.0.0.1' | ipsubnet(24)", "\"10.0.0.0/24\""},
        {"'10.0.0.1' | ipsubnet(20, -1)", "\"10.0.0.0/31\""},
        {"'10.0.0.1/24' | ipsubnet(25, 1)", "\"10.0.0.128/25\""},
        {"'10.0.0.0/24' | ipsubnet", "\"10.0.0.0/24\""},
    };

    static Stream<Arguments> cases() {
        return OracleVariables.arguments(CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesAsAnsible(String expression, String expectedJson) {
        Object value = OracleVariables.harness().eval(expression);
        assertThat(PyJson.dumps(value, PythonJson.Options.compact())).isEqualTo(expectedJson);
    }
}
