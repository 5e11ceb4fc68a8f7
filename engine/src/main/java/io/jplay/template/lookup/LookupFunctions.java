package io.jplay.template.lookup;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import io.jplay.error.JplayException;
import io.jplay.template.filter.Args;
import io.jplay.template.filter.Py;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The template functions {@code lookup()}, {@code query()} and {@code q()}, as Ansible's Templar._lookup runs
 * them: options wantlist and errors (strict, warn, ignore) are taken out, the plugin runs on the remaining
 * positional terms, and lookup() (without wantlist) joins a list of strings with commas.
 */
public final class LookupFunctions {

    private static final Logger LOG = Logger.getLogger(LookupFunctions.class.getName());

    private LookupFunctions() {
    }

    public static void install(Jinjava jinjava) {
        try {
            jinjava.registerFunction(new ELFunctionDefinition("", "lookup",
                    LookupFunctions.class.getMethod("lookup", String.class, Object[].class)));
            jinjava.registerFunction(new ELFunctionDefinition("", "query",
                    LookupFunctions.class.getMethod("query", String.class, Object[].class)));
            jinjava.registerFunction(new ELFunctionDefinition("", "q",
                    LookupFunctions.class.getMethod("query", String.class, Object[].class)));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Object lookup(String name, Object... args) {
        return run(name, new Args(args, Map.of()), false);
    }

    public static Object query(String name, Object... args) {
        return run(name, new Args(args, Map.of()), true);
    }

    /**
     * For {@code with_<lookup>: value} loops: the loop value becomes the plugin's terms as Ansible's
     * listify_lookup_plugin_terms makes them (a string or scalar becomes a one-item list, a list is the terms),
     * and the result is always a list.
     */
    @SuppressWarnings("unchecked")
    public static List<Object> loop(String name, Object loopValue, Map<String, Object> options) {
        Object plain = Py.plain(loopValue);
        List<Object> terms = plain instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>(List.of(plain));
        Object ran = run(name, new Args(terms.toArray(), options == null ? Map.of() : options), true);
        return ran == null ? new ArrayList<>() : (List<Object>) ran;
    }

    /** Runs a lookup plugin by name: lookup() and query() calls. */
    public static Object run(String name, Args call, boolean wantList) {
        Lookup plugin = LookupPlugins.find(name);
        if (plugin == null) {
            throw new JplayException("lookup plugin (" + name + ") not found");
        }
        Map<String, Object> options = new LinkedHashMap<>(call.keywords());
        boolean wantlist = wantList || Py.truthy(options.remove("wantlist"));
        String errors = options.containsKey("errors") ? Py.str(options.remove("errors")) : "strict";
        options.remove("allow_unsafe");
        List<Object> terms = new ArrayList<>(call.positional());
        List<Object> ran;
        try {
            ran = plugin.run(terms, new Args(new Object[0], options), LookupContext.current());
        } catch (UndefinedLookupVariable e) {
            throw e;
        } catch (JplayException e) {
            String message = "An unhandled exception occurred while running the lookup plugin '" + name
                    + "'. Error was a <class 'ansible.errors.AnsibleError'>, original message: " + e.getMessage();
            if (errors.equals("warn")) {
                // Ansible's display.warning; jplay has no shared display in the template layer yet
                System.err.println("[WARNING]: " + message);
                return null;
            }
            if (errors.equals("ignore")) {
                LOG.fine(message);
                return null;
            }
            throw new JplayException(message, e.location(), e);
        }
        if (ran == null || ran.isEmpty() || wantlist) {
            return ran;
        }
        // Ansible: ",".join(ran), or the single item, or the list when items are not all strings
        if (ran.stream().allMatch(item -> item instanceof CharSequence)) {
            return String.join(",", ran.stream().map(Object::toString).toList());
        }
        return ran.size() == 1 ? ran.get(0) : ran;
    }
}
