package io.jplay.template;

import io.jplay.testing.SharedData;
import io.jplay.yaml.YamlLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds, for tests only, the variables each host of the shared kubespray inventory sees in the golden
 * playbook (shared/golden/kubespray-vars/render2.yml): role defaults of kubespray-defaults and download,
 * inventory group_vars, golden host_vars (fixed facts), play vars, role vars, extra vars (env.yml), and the
 * magic variables the templates use. A stand-in for the VariableManager (branch `vars`) with its
 * precedence simplified to the levels this data uses.
 */
final class KubesprayScopes {

    static final List<String> HOSTS = List.of("kube-control-01", "kube-control-02", "kube-control-03", "kube-node-01");
    static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("all", HOSTS);
        GROUPS.put("ungrouped", List.of());
        GROUPS.put("bastion", List.of());
        GROUPS.put("kube_control_plane", HOSTS.subList(0, 3));
        GROUPS.put("etcd", HOSTS.subList(0, 3));
        GROUPS.put("kube_node", HOSTS);
        GROUPS.put("calico_rr", List.of());
        GROUPS.put("k8s_cluster", HOSTS);
    }

    private KubesprayScopes() {
    }

    static Path data() {
        return SharedData.resolve("kubespray-data");
    }

    /** One scope per host, linked through hostvars. */
    static Map<String, TestScope> build() {
        Path data = data();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.putAll(map(data.resolve("roles/kubespray-defaults/defaults/main.yaml")));
        defaults.putAll(map(data.resolve("roles/download/defaults/main.yml")));
        Map<String, Object> allVars = new LinkedHashMap<>(Map.of("ansible_port", 22L, "ansible_user", "root",
                "ansible_ssh_pass", "Password"));
        allVars.putAll(dir(data.resolve("config/group_vars/all")));
        Map<String, Object> k8sCluster = dir(data.resolve("config/group_vars/k8s_cluster"));
        Map<String, Object> etcd = map(data.resolve("config/group_vars/etcd.yml"));
        Map<String, Object> roleVars = map(data.resolve("roles/kubespray-defaults/vars/main.yml"));
        Map<String, Object> extra = map(data.resolve("config/env.yml"));
        Map<String, Object> fallbackIps = new LinkedHashMap<>();
        for (int i = 0; i < HOSTS.size(); i++) {
            fallbackIps.put(HOSTS.get(i), "172.20.0.2" + (i + 1));
        }

        Map<String, Object> hostvars = new LinkedHashMap<>();
        Map<String, TestScope> scopes = new LinkedHashMap<>();
        for (int i = 0; i < HOSTS.size(); i++) {
            String host = HOSTS.get(i);
            TestScope scope = new TestScope(host, defaults);
            scope.putAll(allVars);
            scope.putAll(k8sCluster);
            if (GROUPS.get("etcd").contains(host)) {
                scope.putAll(etcd);
            }
            scope.put("ansible_host", "172.20.0.2" + (i + 1));
            scope.putAll(map(SharedData.resolve("golden/kubespray-vars/host_vars/" + host + ".yml")));
            scope.put("fallback_ips", fallbackIps);
            scope.putAll(roleVars);
            scope.putAll(extra);
            scope.put("inventory_hostname", host);
            scope.put("inventory_hostname_short", host);
            scope.put("groups", GROUPS);
            List<String> groupNames = new ArrayList<>();
            GROUPS.forEach((group, members) -> {
                if (!group.equals("all") && members.contains(host)) {
                    groupNames.add(group);
                }
            });
            scope.put("group_names", groupNames.stream().sorted().toList());
            scope.put("hostvars", hostvars);
            scope.put("omit", "__omit_place_holder__");
            scope.put("playbook_dir", SharedData.resolve("golden/kubespray-vars").toString());
            scope.put("inventory_dir", data.resolve("config").toString());
            hostvars.put(host, scope);
            scopes.put(host, scope);
        }
        return scopes;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Path file) {
        Object loaded = YamlLoader.loadFile(file);
        return loaded == null ? new LinkedHashMap<>() : (Map<String, Object>) loaded;
    }

    private static Map<String, Object> dir(Path dir) {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted()
                    .forEach(f -> out.putAll(map(f)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
