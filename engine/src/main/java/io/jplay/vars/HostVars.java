package io.jplay.vars;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code hostvars} magic variable: host name to that host's {@link HostScope}, computed only when a
 * host is looked up (a play over 1,000 hosts reads few of them). As in Ansible, each scope is the host's
 * variables without a play (no role defaults, play vars or play magic) and without {@code hostvars}
 * itself. Scopes are kept for the life of this map, which the manager makes per scope it hands out.
 */
final class HostVars extends AbstractMap<String, Object> {

    private final VariableManager manager;
    private final Map<String, HostScope> built = new ConcurrentHashMap<>();

    HostVars(VariableManager manager) {
        this.manager = manager;
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String host) || !manager.inventory().hasHost(host)) {
            return null;
        }
        return built.computeIfAbsent(host, name -> manager.hostVarsScope(name));
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String host && manager.inventory().hasHost(host);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        List<String> hosts = manager.inventory().hostNames();
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<String> names = hosts.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return names.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        String name = names.next();
                        // the value is computed when asked for, so listing the hosts builds nothing
                        return new Entry<>() {
                            @Override
                            public String getKey() {
                                return name;
                            }

                            @Override
                            public Object getValue() {
                                return get(name);
                            }

                            @Override
                            public Object setValue(Object value) {
                                throw new UnsupportedOperationException("hostvars is read-only");
                            }
                        };
                    }
                };
            }

            @Override
            public int size() {
                return hosts.size();
            }
        };
    }

    @Override
    public Set<String> keySet() {
        return new java.util.LinkedHashSet<>(manager.inventory().hostNames());
    }

    @Override
    public int size() {
        return manager.inventory().hostNames().size();
    }

    @Override
    public String toString() {
        // the default would compute every host's variables, and print scopes containing this map
        return "hostvars of " + size() + " hosts";
    }
}
