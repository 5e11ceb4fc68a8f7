package io.jplay.output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file an include_tasks/include_role brought in for some hosts ("included: FILE for HOSTS").
 *
 * @param filename the absolute path of the included file
 * @param hosts    the hosts, in order
 * @param vars     the include's loop variables: {@code item} / {@code _ansible_item_label} give the label
 */
public record IncludedFile(String filename, List<String> hosts, Map<String, Object> vars) {

    public IncludedFile {
        hosts = List.copyOf(hosts);
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }
}
