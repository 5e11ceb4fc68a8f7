package io.jplay.execution;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * ansible-playbook's command line, as the executor needs it.
 *
 * @param inventories   -i sources (none: the config's, else Ansible's default)
 * @param extraVars     -e values, in order
 * @param limit         --limit patterns, or empty
 * @param forks         -f, or null for the config's
 * @param remoteUser    -u, or null
 * @param connection    -c, or null
 * @param become        -b
 * @param becomeMethod  --become-method, or null
 * @param becomeUser    --become-user, or null
 * @param connectionFlags the other connection flags (key, timeout, ssh args, passwords)
 */
public record ExecutorOptions(List<String> inventories, List<String> extraVars, List<String> limit, List<String> tags,
                              List<String> skipTags, boolean check, boolean diff, Integer forks, int verbosity,
                              String startAtTask, boolean forceHandlers, String remoteUser, String connection,
                              boolean become, String becomeMethod, String becomeUser, Path cwd,
                              Map<String, String> environment, ConnectionFlags connectionFlags) {

    public ExecutorOptions {
        inventories = List.copyOf(inventories);
        extraVars = List.copyOf(extraVars);
        limit = List.copyOf(limit);
        tags = List.copyOf(tags);
        skipTags = List.copyOf(skipTags);
        environment = Map.copyOf(environment);
        connectionFlags = connectionFlags == null ? ConnectionFlags.NONE : connectionFlags;
    }
}
