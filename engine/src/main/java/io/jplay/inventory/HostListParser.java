package io.jplay.inventory;

import io.jplay.error.JplayException;

/** Ansible's host_list plugin: {@code -i 'web1,web2:2222,'}, each host into ungrouped (a new host only). */
final class HostListParser {

    private final Inventory inventory;

    HostListParser(Inventory inventory) {
        this.inventory = inventory;
    }

    void parse(String hostList) {
        for (String item : hostList.split(",")) {
            String h = item.strip();
            if (h.isEmpty()) {
                continue;
            }
            String host;
            Integer port;
            try {
                HostAddress address = HostAddress.parse(h, false);
                host = address.host();
                port = address.port();
            } catch (JplayException e) {
                host = h;
                port = null;
            }
            if (!inventory.hosts().containsKey(host)) {
                inventory.addHost(host, "ungrouped", port);
            }
        }
    }
}
