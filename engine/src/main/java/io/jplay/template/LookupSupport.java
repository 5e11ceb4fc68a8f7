package io.jplay.template;

import java.nio.file.Path;
import java.util.List;

/**
 * What only the playbook executor knows and lookups need: where relative files are searched, and which
 * hosts an inventory pattern names. {@link #NONE} serves contexts without a play (tests, ad-hoc vars).
 */
public interface LookupSupport {

    LookupSupport NONE = new LookupSupport() {
        @Override
        public List<Path> searchPaths(String subdir) {
            return List.of();
        }

        @Override
        public List<String> hostsMatching(String pattern) {
            return List.of();
        }
    };

    /** See {@link io.jplay.template.lookup.LookupContext#searchPaths(String)}. */
    List<Path> searchPaths(String subdir);

    /** See {@link io.jplay.template.lookup.LookupContext#hostsMatching(String)}. */
    List<String> hostsMatching(String pattern);

    /** See {@link io.jplay.template.lookup.LookupContext#warning(String)}. */
    default void warning(String message) {
    }
}
