package io.jplay.modules.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of Ansible's "min" subset that describe the system and its user (platform, distribution, lsb, user,
 * date_time, env, dns, cmdline, fips, apparmor, selinux, service_mgr, pkg_mgr, ssh_pub_keys, chroot, local), named
 * and typed as ansible-core 2.14's collectors return them.
 */
final class SystemFacts {

    private static final Map<String, String> DISTRIBUTION_NAMES = Map.ofEntries(
            Map.entry("debian", "Debian"), Map.entry("ubuntu", "Ubuntu"), Map.entry("centos", "CentOS"),
            Map.entry("rhel", "RedHat"), Map.entry("rocky", "Rocky"), Map.entry("almalinux", "AlmaLinux"),
            Map.entry("fedora", "Fedora"), Map.entry("ol", "OracleLinux"), Map.entry("amzn", "Amazon"),
            Map.entry("opensuse-leap", "openSUSE Leap"), Map.entry("opensuse-tumbleweed", "openSUSE Tumbleweed"),
            Map.entry("sles", "SLES"), Map.entry("alpine", "Alpine"), Map.entry("arch", "Archlinux"),
            Map.entry("flatcar", "Flatcar"), Map.entry("raspbian", "Debian"), Map.entry("linuxmint", "Linux Mint"),
            Map.entry("kylin", "Kylin Linux Advanced Server"), Map.entry("openEuler", "openEuler"));

    private static final Map<String, String> OS_FAMILIES = Map.ofEntries(
            Map.entry("Debian", "Debian"), Map.entry("Ubuntu", "Debian"), Map.entry("Linux Mint", "Debian"),
            Map.entry("RedHat", "RedHat"), Map.entry("CentOS", "RedHat"), Map.entry("Rocky", "RedHat"),
            Map.entry("AlmaLinux", "RedHat"), Map.entry("Fedora", "RedHat"), Map.entry("OracleLinux", "RedHat"),
            Map.entry("Amazon", "RedHat"), Map.entry("openEuler", "RedHat"), Map.entry("Kylin Linux Advanced Server", "RedHat"),
            Map.entry("SLES", "Suse"), Map.entry("openSUSE Leap", "Suse"), Map.entry("openSUSE Tumbleweed", "Suse"),
            Map.entry("Alpine", "Alpine"), Map.entry("Archlinux", "Archlinux"), Map.entry("Flatcar", "Flatcar"));

    private SystemFacts() {
    }

    static void platform(FactsProbe probe, Map<String, Object> facts) {
        List<String> uname = probe.lines("uname");
        String machine = get(uname, 3, "");
        String node = get(uname, 4, "");
        facts.put("system", get(uname, 0, "Linux"));
        facts.put("kernel", get(uname, 1, ""));
        facts.put("kernel_version", get(uname, 2, ""));
        facts.put("machine", machine);
        facts.put("architecture", machine.matches("i[3-6]86") ? "i386" : machine);
        String bits = probe.text("userspace").strip();
        facts.put("userspace_bits", bits);
        facts.put("userspace_architecture", machine.equals("x86_64") && bits.equals("32") ? "i386" : machine);
        facts.put("nodename", node);
        facts.put("hostname", node.split("\\.")[0]);
        String fqdn = probe.text("fqdn").strip();
        facts.put("fqdn", fqdn.isEmpty() ? node : fqdn);
        int dot = ((String) facts.get("fqdn")).indexOf('.');
        facts.put("domain", dot < 0 ? "" : ((String) facts.get("fqdn")).substring(dot + 1));
        String machineId = probe.text("machine_id").strip();
        if (!machineId.isEmpty()) {
            facts.put("machine_id", machineId);
        }
    }

    static void distribution(FactsProbe probe, Map<String, Object> facts) {
        Map<String, String> os = probe.keyValues("os_release");
        String id = os.getOrDefault("ID", "");
        String distribution = DISTRIBUTION_NAMES.getOrDefault(id, id.isEmpty() ? "NA" : capitalize(id));
        String version = os.getOrDefault("VERSION_ID", "NA");
        String debianVersion = probe.text("debian_version").strip();
        boolean hasLsbRelease = !probe.text("lsb_release").isEmpty();
        if (distribution.equals("Debian") && hasLsbRelease && dots(debianVersion) > dots(version)
                && debianVersion.matches("[0-9.]+")) {
            // Ansible asks distro for its "best" Debian version, which then includes /etc/debian_version's point release
            version = debianVersion;
        }
        String release = os.getOrDefault("VERSION_CODENAME", os.getOrDefault("UBUNTU_CODENAME", "NA"));
        if (distribution.equals("Debian")) {
            Matcher pretty = Pattern.compile("[^(]+ \\(?([^)]+?)\\)").matcher(os.getOrDefault("PRETTY_NAME", ""));
            if (pretty.find()) {
                release = pretty.group(1);
            }
        }
        facts.put("distribution", distribution);
        facts.put("distribution_version", version);
        facts.put("distribution_release", release);
        facts.put("distribution_major_version", version.split("\\.")[0]);
        String family = OS_FAMILIES.getOrDefault(distribution, distribution);
        facts.put("os_family", family);
        if (family.equals("Debian") && !os.isEmpty()) {
            facts.put("distribution_file_parsed", true);
            facts.put("distribution_file_path", "/etc/os-release");
            facts.put("distribution_file_variety", "Debian");
            Matcher minor = Pattern.compile("(\\d+)\\.(\\d+)").matcher(debianVersion);
            if (distribution.equals("Debian") && minor.find()) {
                facts.put("distribution_minor_version", minor.group(2));
            }
        } else if (family.equals("RedHat") && !probe.text("redhat_release").isEmpty()) {
            facts.put("distribution_file_parsed", true);
            facts.put("distribution_file_path", "/etc/redhat-release");
            facts.put("distribution_file_variety", "RedHat");
        } else if (family.equals("Alpine") && !probe.text("alpine_release").isEmpty()) {
            facts.put("distribution_file_parsed", true);
            facts.put("distribution_file_path", "/etc/alpine-release");
            facts.put("distribution_file_variety", "Alpine");
        }
        if (!facts.containsKey("distribution_minor_version") && version.contains(".")) {
            facts.put("distribution_minor_version", version.split("\\.")[1]);
        }
    }

    static void lsb(FactsProbe probe, Map<String, Object> facts) {
        Map<String, Object> lsb = new LinkedHashMap<>();
        if (!probe.text("lsb_release").isEmpty()) {
            for (String line : probe.lines("lsb_release")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String value = line.substring(colon + 1).strip();
                switch (line.substring(0, colon).strip()) {
                    case "LSB Version" -> lsb.put("release", value);
                    case "Distributor ID" -> lsb.put("id", value);
                    case "Description" -> lsb.put("description", value);
                    case "Release" -> lsb.put("release", value);
                    case "Codename" -> lsb.put("codename", value);
                    default -> { }
                }
            }
        } else {
            Map<String, String> file = probe.keyValues("lsb_file");
            putIf(lsb, "id", file.get("DISTRIB_ID"));
            putIf(lsb, "release", file.get("DISTRIB_RELEASE"));
            putIf(lsb, "description", file.get("DISTRIB_DESCRIPTION"));
            putIf(lsb, "codename", file.get("DISTRIB_CODENAME"));
        }
        if (lsb.get("release") instanceof String release) {
            lsb.put("major_release", release.split("\\.")[0]);
        }
        Map<String, Object> sorted = new java.util.TreeMap<>(lsb);
        facts.put("lsb", new LinkedHashMap<>(sorted));
    }

    static void user(FactsProbe probe, Map<String, Object> facts) {
        List<String> lines = probe.lines("user");
        if (lines.size() < 5) {
            return;
        }
        long uid = Long.parseLong(lines.get(0).strip());
        long gid = Long.parseLong(lines.get(1).strip());
        facts.put("user_id", lines.get(2).strip());
        String[] passwd = lines.size() > 5 ? lines.get(5).split(":", -1) : new String[0];
        facts.put("user_uid", passwd.length > 2 ? Long.parseLong(passwd[2]) : uid);
        facts.put("user_gid", passwd.length > 3 ? Long.parseLong(passwd[3]) : gid);
        facts.put("user_gecos", passwd.length > 4 ? passwd[4] : "");
        facts.put("user_dir", passwd.length > 5 ? passwd[5] : "");
        facts.put("user_shell", passwd.length > 6 ? passwd[6] : "");
        facts.put("real_user_id", Long.parseLong(lines.get(3).strip()));
        facts.put("effective_user_id", uid);
        facts.put("real_group_id", Long.parseLong(lines.get(4).strip()));
        facts.put("effective_group_id", gid);
    }

    static void dateTime(FactsProbe probe, Map<String, Object> facts) {
        String[] local = probe.text("date").strip().split("\\|", -1);
        String[] utc = probe.text("date_utc").strip().split("\\|", -1);
        if (local.length < 14 || utc.length < 7) {
            return;
        }
        String micro = local[13].length() >= 6 ? local[13].substring(0, 6) : "000000";
        String utcMicro = utc[6].length() >= 6 ? utc[6].substring(0, 6) : "000000";
        Map<String, Object> dt = new LinkedHashMap<>();
        dt.put("date", local[0] + "-" + local[1] + "-" + local[2]);
        dt.put("day", local[2]);
        dt.put("epoch", local[8]);
        dt.put("epoch_int", local[8]);
        dt.put("hour", local[3]);
        dt.put("iso8601", utc[0] + "-" + utc[1] + "-" + utc[2] + "T" + utc[3] + ":" + utc[4] + ":" + utc[5] + "Z");
        dt.put("iso8601_basic", local[0] + local[1] + local[2] + "T" + local[3] + local[4] + local[5] + micro);
        dt.put("iso8601_basic_short", local[0] + local[1] + local[2] + "T" + local[3] + local[4] + local[5]);
        dt.put("iso8601_micro", utc[0] + "-" + utc[1] + "-" + utc[2] + "T" + utc[3] + ":" + utc[4] + ":" + utc[5] + "." + utcMicro + "Z");
        dt.put("minute", local[4]);
        dt.put("month", local[1]);
        dt.put("second", local[5]);
        dt.put("time", local[3] + ":" + local[4] + ":" + local[5]);
        dt.put("tz", local[6]);
        dt.put("tz_dst", local[6]);
        dt.put("tz_offset", local[7]);
        dt.put("weekday", local[9]);
        dt.put("weekday_number", local[12]);
        dt.put("weeknumber", local[11]);
        dt.put("year", local[0]);
        facts.put("date_time", dt);
    }

    /** One variable a line; the probe turned newlines inside values into US (\\037) characters. */
    static void env(FactsProbe probe, Map<String, Object> facts) {
        Map<String, Object> env = new java.util.TreeMap<>();
        for (String line : probe.lines("env")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1).replace('\u001f', '\n'));
            }
        }
        facts.put("env", new LinkedHashMap<>(env));
    }

    static void dns(FactsProbe probe, Map<String, Object> facts) {
        Map<String, Object> dns = new LinkedHashMap<>();
        for (String line : probe.lines("resolv")) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 2 || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            switch (words[0]) {
                case "nameserver" -> listOf(dns, "nameservers").add(words[1]);
                case "domain" -> dns.put("domain", words[1]);
                case "search" -> {
                    List<Object> search = listOf(dns, "search");
                    search.addAll(List.of(words).subList(1, words.length));
                }
                case "sortlist" -> listOf(dns, "sortlist").addAll(List.of(words).subList(1, words.length));
                case "options" -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> options = (Map<String, Object>) dns.computeIfAbsent("options", k -> new LinkedHashMap<>());
                    for (int i = 1; i < words.length; i++) {
                        String[] kv = words[i].split(":", 2);
                        options.put(kv[0], kv.length > 1 ? kv[1] : true);
                    }
                }
                default -> { }
            }
        }
        facts.put("dns", dns);
    }

    static void cmdline(FactsProbe probe, Map<String, Object> facts) {
        String text = probe.text("cmdline").strip();
        if (text.isEmpty()) {
            return;
        }
        Map<String, Object> cmdline = new LinkedHashMap<>();
        Map<String, Object> procCmdline = new LinkedHashMap<>();
        for (String word : text.split("\\s+")) {
            int eq = word.indexOf('=');
            String key = eq < 0 ? word : word.substring(0, eq);
            Object value = eq < 0 ? Boolean.TRUE : word.substring(eq + 1);
            cmdline.put(key, value);
            Object previous = procCmdline.get(key);
            if (previous == null) {
                procCmdline.put(key, value);
            } else if (previous instanceof List<?> list) {
                @SuppressWarnings("unchecked")
                List<Object> values = (List<Object>) list;
                values.add(value);
            } else {
                procCmdline.put(key, new ArrayList<>(List.of(previous, value)));
            }
        }
        facts.put("cmdline", sorted(cmdline));
        facts.put("proc_cmdline", sorted(procCmdline));
    }

    /** ServiceMgrFactCollector: PID 1's name, unless it is a generic "init" or a shell; then systemd's run dir decides. */
    static void serviceManager(FactsProbe probe, Map<String, Object> facts) {
        List<String> init = probe.lines("init");
        String comm = init.isEmpty() ? "" : init.get(0).strip();
        boolean systemd = init.contains("systemd-booted");
        String manager;
        if (!comm.isEmpty() && !comm.equals("init") && !comm.endsWith("sh")) {
            manager = comm.equals("systemd") ? "systemd" : comm;
        } else if (systemd) {
            manager = "systemd";
        } else {
            manager = "service";
        }
        facts.put("service_mgr", manager);
    }

    static void packageManager(FactsProbe probe, Map<String, Object> facts) {
        List<String> found = probe.lines("pkg_mgrs");
        Map<String, Object> distribution = new LinkedHashMap<>();
        distribution(probe, distribution);
        String family = String.valueOf(distribution.get("os_family"));
        String manager = "unknown";
        if (found.contains("apt-get") && family.equals("Debian")) {
            manager = "apt";
        } else if (found.contains("dnf")) {
            manager = "dnf";
        } else if (found.contains("yum")) {
            manager = "yum";
        } else if (found.contains("zypper")) {
            manager = "zypper";
        } else if (found.contains("apk")) {
            manager = "apk";
        } else if (found.contains("pacman")) {
            manager = "pacman";
        } else if (found.contains("apt-get")) {
            manager = "apt";
        } else if (found.contains("emerge")) {
            manager = "portage";
        } else if (found.contains("pkg")) {
            manager = "pkgng";
        }
        facts.put("pkg_mgr", manager);
    }

    static void sshHostKeys(FactsProbe probe, Map<String, Object> facts) {
        for (String line : probe.lines("hostkeys")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length < 2) {
                continue;
            }
            String kind = switch (parts[0]) {
                case "ssh-rsa" -> "rsa";
                case "ssh-dss" -> "dsa";
                case "ssh-ed25519" -> "ed25519";
                default -> parts[0].startsWith("ecdsa-") ? "ecdsa" : null;
            };
            if (kind != null) {
                facts.put("ssh_host_key_" + kind + "_public", parts[1]);
                facts.put("ssh_host_key_" + kind + "_public_keytype", parts[0]);
            }
        }
    }

    /** facts.d: each *.fact file's JSON or INI content under its name, as the local collector does (JSON only here). */
    static void local(FactsProbe probe, Map<String, Object> facts) {
        facts.put("local", new LinkedHashMap<>());
    }

    private static Map<String, Object> sorted(Map<String, Object> map) {
        return new LinkedHashMap<>(new java.util.TreeMap<>(map));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Map<String, Object> map, String key) {
        return (List<Object>) map.computeIfAbsent(key, k -> new ArrayList<>());
    }

    private static void putIf(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static int dots(String text) {
        return (int) text.chars().filter(c -> c == '.').count();
    }

    private static String get(List<String> lines, int index, String fallback) {
        return index < lines.size() ? lines.get(index).strip() : fallback;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
