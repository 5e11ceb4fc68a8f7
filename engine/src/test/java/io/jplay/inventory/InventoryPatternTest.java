package io.jplay.inventory;

import io.jplay.error.JplayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Host patterns on patterns.ini; every expected list was recorded from ansible-core 2.14's
 * InventoryManager.get_hosts (and subset for --limit).
 */
class InventoryPatternTest {

    private final List<String> warnings = new ArrayList<>();
    private final Inventory inventory = Fixtures.load("patterns.ini");
    private final HostPatternMatcher matcher = new HostPatternMatcher(inventory, warnings::add);

    private List<String> hosts(String pattern) {
        return matcher.hostNames(pattern);
    }

    @Test
    void allAndStarListEveryHostGroupLevelByLevel() {
        List<String> all = List.of("lb1", "web1", "localhost", "web2", "web3", "db1", "db2");
        assertThat(hosts("all")).isEqualTo(all);
        assertThat(hosts("*")).isEqualTo(all);
    }

    @Test
    void unionsWithColonOrComma() {
        assertThat(hosts("web:db")).containsExactly("web1", "web2", "web3", "db1", "db2");
        assertThat(hosts("web,db")).containsExactly("web1", "web2", "web3", "db1", "db2");
        assertThat(hosts("lb:web")).containsExactly("lb1", "web1", "web2", "web3");
        assertThat(hosts(" web1 , db1 ")).containsExactly("web1", "db1");
        assertThat(hosts("web1,,db1")).containsExactly("web1", "db1");
    }

    @Test
    void intersectionsAndExclusionsApplyAfterUnionsWhateverTheirPlace() {
        assertThat(hosts("app:&lb")).containsExactly("web1");
        assertThat(hosts("app:!web")).containsExactly("db1", "db2");
        assertThat(hosts("app:!web1:&web")).containsExactly("web2", "web3");
        assertThat(hosts("!web")).containsExactly("lb1", "localhost", "db1", "db2");
        assertThat(hosts("&web")).containsExactly("web1", "web2", "web3");
    }

    @Test
    void subscripts() {
        assertThat(hosts("web[0]")).containsExactly("web1");
        assertThat(hosts("web[-1]")).containsExactly("web3");
        assertThat(hosts("web[1:2]")).containsExactly("web2", "web3");
        assertThat(hosts("app[1:]")).containsExactly("web2", "web3", "db1", "db2");
        assertThat(hosts("web[0:0]")).containsExactly("web1");
        assertThat(hosts("web[5:]")).isEmpty();
        assertThat(hosts("web[1:2],lb")).containsExactly("web2", "web3", "lb1", "web1");
        assertThat(hosts("web[0-1]")).containsExactly("web1", "web2");
        assertThat(warnings).contains("Use [x:y] inclusive subscripts instead of [x-y] which has been removed");
        assertThatThrownBy(() -> hosts("app[5]")).isInstanceOf(JplayException.class)
                .hasMessage("No hosts matched the subscripted pattern 'app[5]'");
        assertThatThrownBy(() -> hosts("web[-4]")).hasMessage("No hosts matched the subscripted pattern 'web[-4]'");
    }

    @Test
    void wildcardsAndRegexesMatchGroupsAndHosts() {
        assertThat(hosts("w*")).containsExactly("web1", "web2", "web3");
        assertThat(hosts("web?")).containsExactly("web1", "web2", "web3");
        assertThat(hosts("*1")).containsExactly("web1", "db1", "lb1");
        assertThat(hosts("~db\\d")).containsExactly("db1", "db2");
        assertThat(hosts("~^(web|lb)1$")).containsExactly("web1", "lb1");
        // an unclosed bracket is dropped by the colon splitter: '~' alone matches everything
        assertThat(hosts("~[")).containsExactly("lb1", "web1", "localhost", "web2", "web3", "db1", "db2");
    }

    @Test
    void namesLocalhostAndMisses() {
        assertThat(hosts("db1")).containsExactly("db1");
        assertThat(hosts("solo")).containsExactly("localhost");
        assertThat(hosts("127.0.0.1")).containsExactly("localhost");
        assertThat(hosts("ungrouped")).isEmpty();
        assertThat(hosts("nope")).isEmpty();
        assertThat(warnings).containsExactly("Could not match supplied host pattern, ignoring: nope");
    }

    @Test
    void implicitLocalhostWhenTheInventoryHasNone() {
        Inventory hostList = Fixtures.load("a,b,");
        HostPatternMatcher m = new HostPatternMatcher(hostList, null);
        assertThat(m.hostNames("localhost")).containsExactly("localhost");
        assertThat(hostList.host("localhost").isImplicit()).isTrue();
        assertThat(m.hostNames("all")).containsExactly("a", "b");
        // Ansible stores to_text(None) as inventory_dir of host-list hosts (type_debug says str)
        assertThat(hostList.host("a").inventoryFile()).isEqualTo("a,b,");
        assertThat(hostList.host("a").inventoryDir()).isEqualTo("None");
    }

    @Test
    void limitNarrowsEveryPatternAndReadsAtFiles(@TempDir Path dir) throws IOException {
        matcher.subset("web");
        assertThat(hosts("all")).containsExactly("web1", "web2", "web3");
        matcher.subset("!web1");
        assertThat(hosts("all")).containsExactly("lb1", "localhost", "web2", "web3", "db1", "db2");
        matcher.subset("db*:web2");
        assertThat(hosts("all")).containsExactly("web2", "db1", "db2");
        Path limit = dir.resolve("retry");
        Files.writeString(limit, "web3\n\ndb2\n");
        matcher.subset("@" + limit);
        assertThat(hosts("all")).containsExactly("web3", "db2");
        matcher.subset("@" + limit + ",lb1");
        assertThat(hosts("all")).containsExactly("lb1", "web3", "db2");
        assertThatThrownBy(() -> matcher.subset("@" + dir.resolve("missing")))
                .hasMessageStartingWith("Unable to find limit file ");
        matcher.subset(null);
        assertThat(hosts("web")).containsExactly("web1", "web2", "web3");
    }

    @Test
    void splitKeepsAddressesAndRangesWhole() {
        assertThat(HostPatternMatcher.split("a:b:&c:!d")).containsExactly("a", "b", "&c", "!d");
        assertThat(HostPatternMatcher.split("fe80::1")).containsExactly("fe80::1");
        assertThat(HostPatternMatcher.split("web[1:3]")).containsExactly("web[1:3]");
        assertThat(HostPatternMatcher.split("web[1:3]:db")).containsExactly("web[1:3]", "db");
    }
}
