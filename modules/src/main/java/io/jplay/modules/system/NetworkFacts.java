package io.jplay.modules.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "network" subset: interfaces, one {@code ansible_<iface>} fact each, all addresses and the default IPv4/IPv6
 * routes' interfaces, from {@code ip -o addr}, {@code ip route get} and /sys/class/net, as ansible-core 2.14's
 * LinuxNetwork reports them.
 */
final class NetworkFacts {

    private NetworkFacts() {
    }

    static void collect(FactsProbe probe, Map<String, Object> facts) {
        Map<String, Map<String, Object>> interfaces = new LinkedHashMap<>();
        for (String line : probe.lines("sysnet")) {
            // the section's text is stripped, so the last interface may lose its empty trailing fields
            String[] f = java.util.Arrays.copyOf(line.split("\t", -1), 8);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i] == null ? "" : f[i];
            }
            Map<String, Object> iface = new LinkedHashMap<>();
            String name = f[0];
            int flags = f[5].startsWith("0x") ? Integer.parseInt(f[5].substring(2), 16) : 0;
            iface.put("active", (flags & 0x1) != 0);
            iface.put("device", name);
            if (!f[1].isEmpty() && !f[1].equals("00:00:00:00:00:00")) {
                iface.put("macaddress", f[1]);
            }
            if (f[2].matches("\\d+")) {
                iface.put("mtu", Long.parseLong(f[2]));
            }
            if (!f[7].isEmpty()) {
                iface.put("pciid", f[7]);
            }
            iface.put("promisc", (flags & 0x100) != 0);
            if (f[6].matches("-?\\d+")) {
                iface.put("speed", Long.parseLong(f[6]));
            }
            iface.put("type", switch (f[4]) {
                case "1" -> "ether";
                case "772" -> "loopback";
                case "768", "769", "776" -> "tunnel";
                default -> "unknown";
            });
            interfaces.put(name, iface);
        }
        List<Object> all4 = new ArrayList<>();
        List<Object> all6 = new ArrayList<>();
        for (String line : probe.lines("ip_addr")) {
            // 2: eth0    inet 192.0.2.2/24 brd 192.0.2.255 scope global eth0\       valid_lft forever ...
            String[] w = line.replace("\\", " ").trim().split("\\s+");
            if (w.length < 4) {
                continue;
            }
            String device = w[1].replaceAll("@.*$", "");
            Map<String, Object> iface = interfaces.get(device);
            if (iface == null) {
                continue;
            }
            String[] cidr = w[3].split("/");
            int prefix = cidr.length > 1 ? Integer.parseInt(cidr[1]) : (w[2].equals("inet") ? 32 : 128);
            String scope = valueAfter(w, "scope");
            if (w[2].equals("inet")) {
                Map<String, Object> v4 = new LinkedHashMap<>();
                v4.put("address", cidr[0]);
                String brd = valueAfter(w, "brd");
                v4.put("broadcast", brd == null ? "" : brd);
                v4.put("netmask", netmask(prefix));
                v4.put("network", network(cidr[0], prefix));
                v4.put("prefix", String.valueOf(prefix));
                if (!iface.containsKey("ipv4")) {
                    iface.put("ipv4", v4);
                } else {
                    @SuppressWarnings("unchecked")
                    List<Object> secondaries = (List<Object>) iface.computeIfAbsent("ipv4_secondaries", k -> new ArrayList<>());
                    secondaries.add(v4);
                }
                if (!cidr[0].startsWith("127.")) {
                    all4.add(cidr[0]);
                }
            } else if (w[2].equals("inet6")) {
                Map<String, Object> v6 = new LinkedHashMap<>();
                v6.put("address", cidr[0]);
                v6.put("prefix", String.valueOf(prefix));
                v6.put("scope", scope == null ? "global" : scope);
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) iface.computeIfAbsent("ipv6", k -> new ArrayList<>());
                list.add(v6);
                if (!cidr[0].equals("::1")) {
                    all6.add(cidr[0]);
                }
            }
        }
        facts.put("interfaces", new ArrayList<>(interfaces.keySet()));
        for (Map.Entry<String, Map<String, Object>> e : interfaces.entrySet()) {
            facts.put(e.getKey().replace('-', '_').replace('.', '_').replace(':', '_'), sorted(e.getValue()));
        }
        facts.put("all_ipv4_addresses", all4);
        facts.put("all_ipv6_addresses", all6);
        facts.put("default_ipv4", defaultRoute(probe.text("route4"), interfaces, true));
        facts.put("default_ipv6", defaultRoute(probe.text("route6"), interfaces, false));
    }

    /** The interface `ip route get` chose, with the gateway and the interface's address facts merged in. */
    private static Map<String, Object> defaultRoute(String route, Map<String, Map<String, Object>> interfaces, boolean v4) {
        Map<String, Object> result = new LinkedHashMap<>();
        String[] w = route.trim().split("\\s+");
        String device = valueAfter(w, "dev");
        if (device == null || !interfaces.containsKey(device)) {
            return result;
        }
        Map<String, Object> iface = interfaces.get(device);
        String source = valueAfter(w, "src");
        String gateway = valueAfter(w, "via");
        result.put("interface", device);
        if (gateway != null) {
            result.put("gateway", gateway);
        }
        if (v4 && iface.get("ipv4") instanceof Map<?, ?> address) {
            address.forEach((k, v) -> result.put(String.valueOf(k), v));
            result.put("alias", device);
        } else if (!v4 && iface.get("ipv6") instanceof List<?> addresses) {
            for (Object a : addresses) {
                Map<?, ?> address = (Map<?, ?>) a;
                if (source == null || source.equals(address.get("address")) || "global".equals(address.get("scope"))) {
                    address.forEach((k, v) -> result.put(String.valueOf(k), v));
                    break;
                }
            }
        }
        if (source != null && v4) {
            result.put("address", source);
        }
        for (String key : List.of("macaddress", "mtu", "type")) {
            if (iface.containsKey(key)) {
                result.put(key, iface.get(key));
            }
        }
        return sorted(result);
    }

    private static String valueAfter(String[] words, String key) {
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals(key)) {
                return words[i + 1];
            }
        }
        return null;
    }

    static String netmask(int prefix) {
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return ((mask >> 24) & 255) + "." + ((mask >> 16) & 255) + "." + ((mask >> 8) & 255) + "." + (mask & 255);
    }

    static String network(String address, int prefix) {
        String[] octets = address.split("\\.");
        long ip = 0;
        for (String octet : octets) {
            ip = (ip << 8) | Long.parseLong(octet);
        }
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        long net = ip & mask;
        return ((net >> 24) & 255) + "." + ((net >> 16) & 255) + "." + ((net >> 8) & 255) + "." + (net & 255);
    }

    private static Map<String, Object> sorted(Map<String, Object> map) {
        return new LinkedHashMap<>(new java.util.TreeMap<>(map));
    }
}
