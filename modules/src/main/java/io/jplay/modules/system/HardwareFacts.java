package io.jplay.modules.system;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The "hardware" subset: processors, memory, mounts, uptime, DMI, as ansible-core 2.14's LinuxHardware names them. */
final class HardwareFacts {

    private static final String[] DMI = {"bios_date", "bios_vendor", "bios_version", "board_asset_tag", "board_name",
        "board_serial", "board_vendor", "board_version", "chassis_asset_tag", "chassis_serial", "chassis_vendor",
        "chassis_version", "product_name", "product_serial", "product_uuid", "product_version"};

    /** dmidecode's chassis types, which Ansible's form_factor reports by number. */
    private static final String[] FORM_FACTORS = {"Unknown", "Other", "Unknown", "Desktop", "Low Profile Desktop",
        "Pizza Box", "Mini Tower", "Tower", "Portable", "Laptop", "Notebook", "Hand Held", "Docking Station",
        "All In One", "Sub Notebook", "Space-saving", "Lunch Box", "Main Server Chassis", "Expansion Chassis",
        "Sub Chassis", "Bus Expansion Chassis", "Peripheral Chassis", "RAID Chassis", "Rack Mount Chassis",
        "Sealed-case PC", "Multi-system", "CompactPCI", "AdvancedTCA", "Blade", "Blade Enclosure", "Tablet",
        "Convertible", "Detachable", "IoT Gateway", "Embedded PC", "Mini PC", "Stick PC"};

    private HardwareFacts() {
    }

    static void collect(FactsProbe probe, Map<String, Object> facts) {
        processors(probe, facts);
        memory(probe, facts);
        mounts(probe, facts);
        dmi(probe, facts);
        String uptime = probe.text("uptime").strip();
        if (!uptime.isEmpty()) {
            facts.put("uptime_seconds", (long) Double.parseDouble(uptime.split("\\s+")[0]));
        }
        facts.put("lvm", "N/A");
        facts.put("fibre_channel_wwn", new ArrayList<>());
        facts.put("hostnqn", probe.text("hostnqn").strip());
        String iscsi = probe.text("iscsi").strip();
        facts.put("iscsi_iqn", iscsi.startsWith("InitiatorName=") ? iscsi.substring("InitiatorName=".length()) : "");
    }

    static void loadavg(FactsProbe probe, Map<String, Object> facts) {
        String[] load = probe.text("loadavg").strip().split("\\s+");
        if (load.length >= 3) {
            Map<String, Object> avg = new LinkedHashMap<>();
            avg.put("15m", Double.parseDouble(load[2]));
            avg.put("1m", Double.parseDouble(load[0]));
            avg.put("5m", Double.parseDouble(load[1]));
            facts.put("loadavg", avg);
        }
    }

    private static void processors(FactsProbe probe, Map<String, Object> facts) {
        List<Object> processor = new ArrayList<>();
        Set<String> sockets = new HashSet<>();
        int processors = 0;
        int cores = 0;
        int siblings = 0;
        String index = null;
        for (String line : probe.text("cpuinfo").split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "processor" -> {
                    index = value;
                    processors++;
                    processor.add(value);
                }
                case "vendor_id", "model name", "Processor", "cpu" -> processor.add(value);
                case "physical id" -> sockets.add(value);
                case "cpu cores" -> cores = Integer.parseInt(value);
                case "siblings" -> siblings = Integer.parseInt(value);
                default -> { }
            }
        }
        int count = sockets.isEmpty() ? 1 : sockets.size();
        int coresPerSocket = cores == 0 ? processors / count : cores;
        int threadsPerCore = siblings == 0 || coresPerSocket == 0 ? 1 : Math.max(1, siblings / coresPerSocket);
        facts.put("processor", processor);
        facts.put("processor_count", count);
        facts.put("processor_cores", coresPerSocket);
        facts.put("processor_threads_per_core", threadsPerCore);
        facts.put("processor_vcpus", threadsPerCore * coresPerSocket * count);
        String nproc = probe.text("nproc").strip();
        facts.put("processor_nproc", nproc.isEmpty() ? processors : Integer.parseInt(nproc));
    }

    private static void memory(FactsProbe probe, Map<String, Object> facts) {
        Map<String, Long> mb = new LinkedHashMap<>();
        for (String line : probe.lines("meminfo")) {
            String[] parts = line.split(":\\s*");
            if (parts.length == 2) {
                mb.put(parts[0], Long.parseLong(parts[1].replace("kB", "").strip()) / 1024);
            }
        }
        long total = mb.getOrDefault("MemTotal", 0L);
        long free = mb.getOrDefault("MemFree", 0L);
        long swapTotal = mb.getOrDefault("SwapTotal", 0L);
        long swapFree = mb.getOrDefault("SwapFree", 0L);
        long nocacheFree = free + mb.getOrDefault("Buffers", 0L) + mb.getOrDefault("Cached", 0L);
        facts.put("memtotal_mb", total);
        facts.put("memfree_mb", free);
        facts.put("swaptotal_mb", swapTotal);
        facts.put("swapfree_mb", swapFree);
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("nocache", ordered("free", nocacheFree, "used", total - nocacheFree));
        memory.put("real", ordered("free", free, "total", total, "used", total - free));
        memory.put("swap", ordered("cached", mb.getOrDefault("SwapCached", 0L), "free", swapFree, "total", swapTotal,
                "used", swapTotal - swapFree));
        facts.put("memory_mb", memory);
    }

    /** Mounts of real devices (a path or host:/export), with statvfs figures; bind mounts get "bind" in options. */
    private static void mounts(FactsProbe probe, Map<String, Object> facts) {
        Map<String, String[]> stats = new LinkedHashMap<>();
        for (String line : probe.lines("statfs")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                stats.put(line.substring(0, tab), line.substring(tab + 1).strip().split("\\s+"));
            }
        }
        Set<String> binds = new HashSet<>();
        for (String line : probe.lines("binds")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && parts[1].contains("[")) {
                binds.add(parts[0]);
            }
        }
        Map<String, String> uuids = new LinkedHashMap<>();
        for (String line : probe.lines("uuids")) {
            String[] parts = line.split(" ");
            if (parts.length == 2) {
                uuids.put(parts[0], parts[1]);
            }
        }
        List<Object> mounts = new ArrayList<>();
        for (String line : probe.lines("mounts")) {
            String[] parts = line.split(" ");
            if (parts.length < 4 || !(parts[0].startsWith("/") || parts[0].contains(":/"))) {
                continue;
            }
            String mount = unescape(parts[1]);
            Map<String, Object> entry = new LinkedHashMap<>();
            String[] st = stats.get(mount);
            if (st != null && st.length == 7) {
                long bsize = Long.parseLong(st[0]);
                long frsize = Long.parseLong(st[1]);
                long blocks = Long.parseLong(st[2]);
                long bavail = Long.parseLong(st[4]);
                long files = Long.parseLong(st[5]);
                long ffree = Long.parseLong(st[6]);
                entry.put("block_available", bavail);
                entry.put("block_size", bsize);
                entry.put("block_total", blocks);
                entry.put("block_used", blocks - bavail); // Ansible counts what is not available to users as used
                entry.put("device", parts[0]);
                entry.put("fstype", parts[2]);
                entry.put("inode_available", ffree);
                entry.put("inode_total", files);
                entry.put("inode_used", files - ffree);
                entry.put("mount", mount);
                entry.put("options", parts[3] + (binds.contains(mount) ? ",bind" : ""));
                entry.put("size_available", bavail * frsize);
                entry.put("size_total", blocks * frsize);
            } else {
                entry.put("device", parts[0]);
                entry.put("fstype", parts[2]);
                entry.put("mount", mount);
                entry.put("options", parts[3] + (binds.contains(mount) ? ",bind" : ""));
            }
            entry.put("uuid", uuids.getOrDefault(parts[0], "N/A"));
            mounts.add(entry);
        }
        facts.put("mounts", mounts);
    }

    private static void dmi(FactsProbe probe, Map<String, Object> facts) {
        Map<String, String> dmi = probe.keyValues("dmi");
        for (String key : DMI) {
            String value = dmi.getOrDefault(key, "");
            facts.put(key, value.isEmpty() ? "NA" : value);
        }
        String vendor = dmi.getOrDefault("sys_vendor", "");
        facts.put("system_vendor", vendor.isEmpty() ? "NA" : vendor);
        String type = dmi.getOrDefault("chassis_type", "");
        String formFactor = "NA";
        if (type.matches("\\d+")) {
            int n = Integer.parseInt(type);
            formFactor = n < FORM_FACTORS.length ? FORM_FACTORS[n] : "unknown " + n;
        }
        facts.put("form_factor", formFactor);
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    /** /proc/mounts writes space, tab, newline and backslash as octal escapes. */
    static String unescape(String text) {
        return text.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
