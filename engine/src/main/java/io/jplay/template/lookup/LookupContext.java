package io.jplay.template.lookup;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import io.jplay.error.JplayException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What lookups (and the few filters that need it) may ask of the templating run they are called from.
 * The Templar puts an instance in the Jinjava context under {@link #KEY}; lookups fetch it with
 * {@link #current()}.
 */
public interface LookupContext {

    String KEY = "__jplay_lookup_context__";

    /** The raw variables of the current scope (lookup('vars'), varnames). */
    Map<String, Object> variables();

    /** Renders a value as Ansible's templar would, in the current scope (strings, lists and maps). */
    Object template(Object value);

    /** Renders template text (a .j2 file's content) in the current scope, as the template lookup does. */
    String renderText(String text, Path source);

    /**
     * Directories searched for a relative path given to file/template/first_found, in Ansible's order
     * (the role's {@code subdir} and the role dir, then the play's {@code subdir} and dir).
     */
    List<Path> searchPaths(String subdir);

    /** Host names matching an inventory pattern, in inventory order (inventory_hostnames). */
    List<String> hostsMatching(String pattern);

    /** A "[WARNING]: " line, as lookups print with display.warning (e.g. a search path not found). */
    default void warning(String message) {
    }

    static LookupContext current() {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        Object context = interpreter == null ? null : interpreter.getContext().get(KEY);
        if (context instanceof LookupContext lookupContext) {
            return lookupContext;
        }
        throw new JplayException("lookup plugins need a templating context (internal error: none was set)");
    }
}
