package io.jplay.inventory;

import io.jplay.error.JplayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Host ranges as ansible-core 2.14 expands them (recorded from ansible-inventory --graph on ranges.ini). */
class InventoryRangeTest {

    @Test
    void numericAlphabeticSteppedPaddedAndNestedRanges() {
        Inventory inv = Fixtures.load("ranges.ini");
        assertThat(inv.group("letters").hosts()).extracting(Host::name).containsExactly(
                "host-a", "host-b", "host-c", "n1", "n5", "n9",
                "s001.example.com", "s002.example.com", "s003.example.com",
                "mixed1-x", "mixed1-y", "mixed2-x", "mixed2-y");
    }

    @Test
    void ipv6AndIpv4RangesWithPorts() {
        Inventory inv = Fixtures.load("ranges.ini");
        assertThat(inv.group("ipv6").hosts()).extracting(Host::name)
                .containsExactly("2001:db8::1", "2001:db8::2", "192.168.0.1", "192.168.0.2");
        assertThat(inv.host("2001:db8::1").vars()).containsEntry("ansible_port", 2222L);
        assertThat(inv.host("2001:db8::2").vars()).doesNotContainKey("ansible_port");
        assertThat(inv.host("192.168.0.2").vars()).containsEntry("ansible_port", 2200L);
    }

    @Test
    void expandFollowsPythonRangeAndLetterSlices() {
        assertThat(HostRange.expand("web[01:10:3]")).containsExactly("web01", "web04", "web07", "web10");
        assertThat(HostRange.expand("db[:2]")).containsExactly("db0", "db1", "db2");
        assertThat(HostRange.expand("x[A:C]")).containsExactly("xA", "xB", "xC");
        assertThat(HostRange.expand("x[y:B]")).containsExactly("xy", "xz", "xA", "xB");
    }

    @Test
    void invalidRangesUseAnsiblesMessages() {
        assertThatThrownBy(() -> HostRange.expand("web[01:100]"))
                .hasMessage("host range must specify equal-length begin and end formats");
        assertThatThrownBy(() -> HostRange.expand("web[1:]")).hasMessage("host range must specify end value");
        assertThatThrownBy(() -> HostRange.expand("web[c:a]")).hasMessage("host range must have begin <= end");
        assertThatThrownBy(() -> HostRange.expand("web[1]")).isInstanceOf(JplayException.class)
                .hasMessage("host range must be begin:end or begin:end:step");
    }
}
