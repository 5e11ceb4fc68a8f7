package io.jplay.template;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;

/**
 * A {@link VariableScope} met inside another scope's values ({@code hostvars['h']}): a read-only map whose
 * values are rendered on access in that scope's own context, as Ansible's HostVarsVars does.
 */
final class ScopeView extends AbstractMap<String, Object> {

    private final ScopeRenderer renderer;

    ScopeView(ScopeRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String && renderer.scope().containsKey(key);
    }

    @Override
    public Object get(Object key) {
        if (!containsKey(key)) {
            return null;
        }
        return renderer.variableForOtherScope((String) key);
    }

    @Override
    public int size() {
        return renderer.scope().size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<String> keys = renderer.scope().keySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return keys.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        String key = keys.next();
                        return new SimpleImmutableEntry<>(key, renderer.variableForOtherScope(key));
                    }
                };
            }

            @Override
            public int size() {
                return renderer.scope().size();
            }
        };
    }
}
