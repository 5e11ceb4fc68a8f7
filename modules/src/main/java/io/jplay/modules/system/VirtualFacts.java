package io.jplay.modules.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "virtual" subset: virtualization_type/role and the guest/host technology lists, following the order of the
 * checks in ansible-core 2.14's LinuxVirtual (containers first, then Xen, DMI vendors, CPU model, kernel modules,
 * /dev/kvm), where the first match sets type and role.
 */
final class VirtualFacts {

    private VirtualFacts() {
    }

    static void collect(FactsProbe probe, Map<String, Object> facts) {
        Set<String> guest = new LinkedHashSet<>();
        Set<String> host = new LinkedHashSet<>();
        String[] found = {null, null}; // type, role
        for (String line : probe.lines("cgroup1")) {
            if (line.matches(".*/docker(/|-[0-9a-f]+\\.scope).*")) {
                guest.add("docker");
                first(found, "docker", "guest");
            }
            if (line.contains("/lxc/") || line.contains("/machine.slice/machine-lxc")) {
                guest.add("lxc");
                first(found, "lxc", "guest");
            }
            if (line.contains("/system.slice/containerd.service")) {
                guest.add("containerd");
                first(found, "containerd", "guest");
            }
        }
        List<String> container = probe.lines("container");
        String systemdContainer = container.isEmpty() || container.get(0).equals("dockerenv") || container.get(0).equals("podman")
                || container.get(0).startsWith("container=") ? "" : container.get(0).strip();
        for (String line : container) {
            if (line.startsWith("container=")) {
                if (line.equals("container=lxc")) {
                    guest.add("lxc");
                    first(found, "lxc", "guest");
                }
                if (line.equals("container=podman")) {
                    guest.add("podman");
                    first(found, "podman", "guest");
                }
                if (line.length() > "container=".length()) {
                    guest.add("container");
                    first(found, "container", "guest");
                }
            }
        }
        if (!systemdContainer.isEmpty()) {
            guest.add(systemdContainer);
            first(found, systemdContainer, "guest");
        }
        if (container.contains("dockerenv")) {
            guest.add("docker");
            first(found, "docker", "guest");
        }
        if (!guest.isEmpty() && (guest.contains("docker") || guest.contains("lxc") || guest.contains("podman")
                || guest.contains("containerd") || !systemdContainer.isEmpty())) {
            guest.add("container");
        }
        List<String> xen = probe.lines("xen");
        if (!xen.isEmpty()) {
            boolean xenHost = xen.stream().anyMatch(l -> l.contains("control_d"));
            if (xenHost) {
                host.add("xen");
            }
            first(found, "xen", xenHost ? "host" : "guest");
        }
        Map<String, String> dmi = probe.keyValues("dmi");
        String product = dmi.getOrDefault("product_name", "");
        String vendor = dmi.getOrDefault("sys_vendor", "");
        String bios = dmi.getOrDefault("bios_vendor", "");
        String vmType = null;
        if (List.of("KVM", "KVM Server", "Bochs", "AHV").contains(product)
                || List.of("QEMU", "Amazon EC2", "DigitalOcean", "Google", "Scaleway", "Nutanix").contains(vendor)
                || List.of("Amazon EC2", "DigitalOcean", "Hetzner").contains(bios)) {
            vmType = "kvm";
        } else if (product.startsWith("VMware")) {
            vmType = "VMware";
        } else if (bios.equals("innotek GmbH")) {
            vmType = "virtualbox";
        } else if (bios.equals("Xen")) {
            vmType = "xen";
        } else if (List.of("OpenStack Compute", "OpenStack Nova").contains(product) || vendor.equals("OpenStack Foundation")) {
            vmType = "openstack";
        } else if (vendor.equals("Microsoft Corporation")) {
            vmType = "VirtualPC";
        }
        if (vmType != null) {
            guest.add(vmType);
            first(found, vmType, "guest");
        }
        if (probe.text("cpuinfo").contains("QEMU Virtual CPU")) {
            guest.add("kvm");
            first(found, "kvm", "guest");
        }
        List<String> modules = probe.lines("modules");
        if (modules.contains("kvm") || modules.contains("virtio")) {
            host.add("kvm");
            first(found, "kvm", "host");
        }
        if (!probe.text("devkvm").isEmpty()) {
            host.add("kvm");
            first(found, "kvm", "host");
        }
        facts.put("virtualization_type", found[0] == null ? "NA" : found[0]);
        facts.put("virtualization_role", found[1] == null ? "NA" : found[1]);
        facts.put("virtualization_tech_guest", new ArrayList<>(guest));
        facts.put("virtualization_tech_host", new ArrayList<>(host));
    }

    private static void first(String[] found, String type, String role) {
        if (found[0] == null) {
            found[0] = type;
            found[1] = role;
        }
    }
}
