package io.jplay.modules.system;

import io.jplay.connection.Connection;
import io.jplay.modules.Harness;
import io.jplay.module.ModuleResult;
import io.jplay.testing.Testbed;
import io.jplay.yaml.YamlLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * jplay's setup on a systemd test bed target against what ansible-core 2.14's setup module returned for a target
 * booted from the same rootfs (ansible-2.14-setup-target.json, recorded once with python3 put into a throwaway
 * target; the targets themselves have no Python).
 */
class SetupModuleTest {

    /** Facts about the Python that ran Ansible's module: jplay runs no Python, so it has none to report. */
    private static final Set<String> PYTHON_ONLY = Set.of("ansible_python", "ansible_python_version", "ansible_selinux_python_present");
    /** Collected by Ansible, not yet by jplay: block devices (ansible_devices) and capsh's capabilities. */
    private static final Set<String> NOT_COLLECTED = Set.of("ansible_devices", "ansible_device_links",
            "ansible_system_capabilities", "ansible_system_capabilities_enforced");
    /** Facts that come from the target's rootfs and its test bed setup alone: equal on any machine. */
    private static final List<String> FROM_THE_TARGET = List.of("ansible_distribution", "ansible_distribution_version",
            "ansible_distribution_major_version", "ansible_distribution_release", "ansible_distribution_file_parsed",
            "ansible_distribution_file_path", "ansible_distribution_file_variety", "ansible_os_family", "ansible_system",
            "ansible_service_mgr", "ansible_pkg_mgr", "ansible_lsb", "ansible_selinux", "ansible_apparmor", "ansible_user_id",
            "ansible_user_uid", "ansible_user_gid", "ansible_user_dir", "ansible_user_shell", "ansible_user_gecos",
            "ansible_real_user_id", "ansible_effective_user_id", "ansible_real_group_id", "ansible_effective_group_id",
            "ansible_virtualization_type", "ansible_virtualization_role", "ansible_hostname", "ansible_nodename",
            "ansible_fqdn", "ansible_domain", "ansible_local", "ansible_is_chroot", "ansible_lvm", "ansible_fibre_channel_wwn",
            "ansible_hostnqn", "ansible_iscsi_iqn", "gather_subset", "module_setup");
    /** Facts of the machine the targets run on (kernel, CPU, memory size, network): equal where the fixture was recorded. */
    private static final List<String> FROM_THE_MACHINE = List.of("ansible_kernel", "ansible_kernel_version",
            "ansible_architecture", "ansible_machine", "ansible_userspace_architecture", "ansible_userspace_bits",
            "ansible_processor", "ansible_processor_count", "ansible_processor_cores", "ansible_processor_threads_per_core",
            "ansible_processor_vcpus", "ansible_processor_nproc", "ansible_memtotal_mb", "ansible_swaptotal_mb",
            "ansible_cmdline", "ansible_proc_cmdline", "ansible_fips", "ansible_dns", "ansible_default_ipv4",
            "ansible_default_ipv6", "ansible_eth0", "ansible_lo", "ansible_bios_vendor", "ansible_product_name",
            "ansible_system_vendor", "ansible_form_factor");

    private static Map<String, Object> ansible;
    private static Map<String, Object> jplay;
    private static Connection root;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void gatherOnATarget(@TempDir Path dir) throws IOException {
        try (InputStream in = SetupModuleTest.class.getResourceAsStream("ansible-2.14-setup-target.json")) {
            Map<String, Object> recorded = (Map<String, Object>) YamlLoader.load(new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
            ansible = (Map<String, Object>) recorded.get("ansible_facts");
        }
        root = Testbed.instance().rootConnection("target1");
        ModuleResult result = new Harness(dir, root, "/tmp").run("setup");
        jplay = (Map<String, Object>) result.get("ansible_facts");
    }

    @Test
    void reportsEveryFactAnsibleReportsExceptPythonsOwn() {
        Set<String> expected = new TreeSet<>(ansible.keySet());
        expected.removeAll(PYTHON_ONLY);
        expected.removeAll(NOT_COLLECTED);
        expected.removeIf(name -> name.startsWith("ansible_") && ansible.get(name) instanceof Map<?, ?> m && m.containsKey("device")
                && !jplay.containsKey(name)); // interfaces are compared below with the machine's own list
        assertThat(new TreeSet<>(jplay.keySet())).containsAll(expected);
        assertThat(jplay.keySet()).doesNotContainAnyElementsOf(PYTHON_ONLY);
    }

    @Test
    void factsOfTheTargetEqualAnsiblesExactly() {
        for (String name : FROM_THE_TARGET) {
            assertThat(json(jplay.get(name))).as(name).isEqualTo(json(ansible.get(name)));
        }
        assertThat(new HashSet<>((List<?>) jplay.get("ansible_virtualization_tech_guest")))
                .isEqualTo(new HashSet<>((List<?>) ansible.get("ansible_virtualization_tech_guest")));
    }

    @Test
    void factsOfTheMachineEqualAnsiblesWhereTheFixtureWasRecorded() {
        assumeThat(jplay.get("ansible_kernel")).as("recorded on another kernel").isEqualTo(ansible.get("ansible_kernel"));
        assumeThat(json(jplay.get("ansible_default_ipv4"))).as("recorded on another network").isEqualTo(json(ansible.get("ansible_default_ipv4")));
        for (String name : FROM_THE_MACHINE) {
            assertThat(json(jplay.get(name))).as(name).isEqualTo(json(ansible.get(name)));
        }
        assertThat(new HashSet<>((List<?>) jplay.get("ansible_interfaces"))).isEqualTo(new HashSet<>((List<?>) ansible.get("ansible_interfaces")));
        assertThat(new HashSet<>((List<?>) jplay.get("ansible_all_ipv4_addresses"))).isEqualTo(new HashSet<>((List<?>) ansible.get("ansible_all_ipv4_addresses")));
        assertThat(new HashSet<>((List<?>) jplay.get("ansible_all_ipv6_addresses"))).isEqualTo(new HashSet<>((List<?>) ansible.get("ansible_all_ipv6_addresses")));
    }

    @Test
    void factsThatChangeByTheSecondHaveAnsiblesShapeAndPlausibleValues() {
        for (String name : List.of("ansible_date_time", "ansible_memory_mb", "ansible_loadavg", "ansible_env")) {
            Set<Object> expected = name.equals("ansible_env") ? Set.of("HOME", "PATH", "USER") : map(ansible.get(name)).keySet();
            assertThat(map(jplay.get(name)).keySet()).as(name).containsAll(expected);
        }
        long total = ((Number) jplay.get("ansible_memtotal_mb")).longValue();
        assertThat(((Number) jplay.get("ansible_memfree_mb")).longValue()).isBetween(1L, total);
        assertThat(((Number) jplay.get("ansible_uptime_seconds")).longValue()).isPositive();
        Map<?, ?> date = (Map<?, ?>) jplay.get("ansible_date_time");
        assertThat(Long.parseLong((String) date.get("epoch"))).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
        assertThat((String) date.get("iso8601")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        List<?> mounts = (List<?>) jplay.get("ansible_mounts");
        assertThat(mounts).hasSameSizeAs((List<?>) ansible.get("ansible_mounts"));
        assertThat(((Map<?, ?>) mounts.get(0)).keySet()).isEqualTo(((Map<?, ?>) ((List<?>) ansible.get("ansible_mounts")).get(0)).keySet());
    }

    @Test
    void networkFactsAgreeWithTheTargetsOwnView() {
        String links = root.sh("ls /sys/class/net").stdoutText();
        assertThat(new TreeSet<>((List<?>) jplay.get("ansible_interfaces"))).isEqualTo(new TreeSet<>(List.of(links.trim().split("\\s+"))));
        String route = root.sh("ip -4 route get 8.8.8.8").stdoutText();
        Map<Object, Object> defaultV4 = map(jplay.get("ansible_default_ipv4"));
        assertThat(route).contains("dev " + defaultV4.get("interface")).contains("src " + defaultV4.get("address"));
        assertThat(list(jplay.get("ansible_all_ipv4_addresses"))).contains(defaultV4.get("address"));
    }

    @Test
    void gatherSubsetAndFilterChooseFactsAsAnsibleDoes(@TempDir Path dir) {
        Harness harness = new Harness(dir, root, "/tmp");
        Map<Object, Object> min = map(harness.run("setup", "gather_subset", List.of("!all")).get("ansible_facts"));
        assertThat(min).containsKeys("ansible_distribution", "ansible_user_id", "ansible_pkg_mgr", "ansible_env")
                .doesNotContainKeys("ansible_mounts", "ansible_interfaces", "ansible_virtualization_type", "ansible_memtotal_mb");
        Map<Object, Object> network = map(harness.run("setup", "gather_subset", List.of("!all", "network")).get("ansible_facts"));
        assertThat(network).containsKeys("ansible_default_ipv4", "ansible_interfaces", "ansible_distribution").doesNotContainKey("ansible_mounts");
        Map<Object, Object> filtered = map(harness.run("setup", "filter", List.of("ansible_distribution*")).get("ansible_facts"));
        assertThat(filtered.keySet()).allMatch(k -> k.toString().startsWith("ansible_distribution") || k.equals("gather_subset")
                || k.equals("module_setup")).contains("ansible_distribution_version");
        ModuleResult bad = harness.run("setup", "gather_subset", List.of("nonsense"));
        assertThat(bad.isFailed()).isTrue();
        assertThat(bad.msg()).startsWith("Bad subset 'nonsense' given to Ansible. gather_subset options allowed: all, apparmor,");
    }

    /** Values compared as Ansible would print them (JSON), so that 0 read from the fixture equals jplay's 0L. */
    private static String json(Object value) {
        return io.jplay.python.PythonJson.dumps(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object value) {
        return (Map<Object, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
