package io.jplay.template;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole templates using the library, as a playbook writes them (expected output from ansible-core 2.14.18
 * with the same variables), and filters whose result depends on the controller's environment.
 */
class LibraryRenderingTest {

    private final LibraryHarness harness = OracleVariables.harness();

    @Test
    void defaultKeepsTheValuesType() {
        assertThat(harness.render("{{ x | default(5) + 1 }}")).isEqualTo("6");
        assertThat(harness.render("{{ nope | default(5) + 1 }}")).isEqualTo("6");
    }

    @Test
    void loopsOverFilteredLists() {
        assertThat(harness.render("{% for u in users | selectattr('age', 'gt', 26) %}{{ u.name }}{% endfor %}"))
                .isEqualTo("alice");
        assertThat(harness.render("{{ users | map(attribute='name') | join(',') }}")).isEqualTo("alice,Bob");
        assertThat(harness.render("{% for k, v in d | dictsort %}{{ k }};{% endfor %}")).isEqualTo("a;b;");
    }

    @Test
    void kubesprayStyleNetworkExpressions() {
        // kubespray: kube_apiserver_ip: "{{ kube_service_addresses|ipaddr('net')|ipaddr(1)|ipaddr('address') }}"
        LibraryHarness h = new LibraryHarness().with("kube_service_addresses", "10.233.0.0/18");
        assertThat(h.render("{{ kube_service_addresses | ipaddr('net') | ipaddr(1) | ipaddr('address') }}"))
                .isEqualTo("10.233.0.1");
        assertThat(h.render("{{ kube_service_addresses | ipaddr('net') | ipaddr(3) | ipaddr('address') }}"))
                .isEqualTo("10.233.0.3");
        assertThat(h.render("{{ '::1' | ipwrap }}:6443")).isEqualTo("[::1]:6443");
    }

    @Test
    void lookupJoinsStringsWithCommas() {
        assertThat(harness.render("{{ lookup('items', ['a', 'b']) }}")).isEqualTo("a,b");
        assertThat(harness.render("{% for i in query('sequence', 'start=1 end=3') %}{{ i }}{% endfor %}")).isEqualTo("123");
    }

    @Test
    void environmentDependentPaths() {
        String home = System.getenv("HOME");
        assertThat(harness.eval("'$HOME/x' | expandvars")).isEqualTo(home + "/x");
        assertThat(harness.eval("'${HOME}/x' | expandvars")).isEqualTo(home + "/x");
        assertThat(harness.eval("'$JPLAY_UNSET_VAR/x' | expandvars")).isEqualTo("$JPLAY_UNSET_VAR/x");
        assertThat(harness.eval("'~/x' | expanduser")).isEqualTo(home + "/x");
        assertThat(harness.eval("'~nosuchuser/x' | expanduser")).isEqualTo("~nosuchuser/x");
        assertThat(harness.eval("lookup('env', 'HOME')")).isEqualTo(home);
    }

    @Test
    void versionTestInsideSelect() {
        LibraryHarness h = new LibraryHarness().with("versions", List.of("v1.20.0", "v1.22.1", "v1.21.3"));
        assertThat(h.eval("versions | select('version', 'v1.21.0', '>=') | list")).isEqualTo(List.of("v1.22.1", "v1.21.3"));
    }

    @Test
    void missingAttributeFailsAsAnsibleUndefined() {
        // ansible-core 2.14: [{'a': 1}, {'a': 0}, {'b': 1}] | selectattr('a') -> 'dict object' has no attribute 'a'
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> harness.eval("[{'a': 1}, {'a': 0}, {'b': 1}] | selectattr('a') | list"))
                .hasMessage("'dict object' has no attribute 'a'");
    }
}
