package io.jplay.template.lookup;

import io.jplay.error.JplayException;
import io.jplay.template.filter.CollectionFilters;
import io.jplay.template.filter.Py;
import io.jplay.template.filter.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The lookup plugins jplay knows, by name (also under {@code ansible.builtin.}), and the ones that only
 * reshape their terms: items, list, dict, indexed_items, nested, together, subelements, sequence, env, vars,
 * varnames, inventory_hostnames. File and command lookups live in {@link FileLookups} and {@link CommandLookups}.
 */
public final class LookupPlugins {

    private static final Map<String, Lookup> PLUGINS = new LinkedHashMap<>();

    static {
        PLUGINS.put("items", (terms, options, context) -> Lookup.flattenOnce(terms));
        PLUGINS.put("list", (terms, options, context) -> terms);
        PLUGINS.put("dict", LookupPlugins::dict);
        PLUGINS.put("indexed_items", (terms, options, context) -> {
            List<Object> items = Lookup.flattenOnce(terms);
            List<Object> result = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                result.add(Tuple.of((long) i, items.get(i)));
            }
            return result;
        });
        PLUGINS.put("nested", LookupPlugins::nested);
        PLUGINS.put("together", LookupPlugins::together);
        PLUGINS.put("subelements", LookupPlugins::subelements);
        PLUGINS.put("flattened", (terms, options, context) -> flattened(terms));
        PLUGINS.put("sequence", (terms, options, context) -> SequenceLookup.run(terms, options));
        PLUGINS.put("env", (terms, options, context) -> {
            List<Object> result = new ArrayList<>();
            Object fallback = options.get(-1, "default", "");
            for (Object term : terms) {
                String name = Py.str(term).strip().split("\\s+")[0];
                String value = System.getenv(name);
                result.add(value != null ? value : fallback);
            }
            return result;
        });
        PLUGINS.put("vars", LookupPlugins::vars);
        PLUGINS.put("varnames", LookupPlugins::varnames);
        PLUGINS.put("inventory_hostnames", (terms, options, context) -> {
            List<Object> result = new ArrayList<>();
            for (Object term : terms) {
                for (Object pattern : term instanceof List<?> list ? list : List.of(term)) {
                    for (String host : context.hostsMatching(Py.str(pattern))) {
                        if (!result.contains(host)) {
                            result.add(host);
                        }
                    }
                }
            }
            return result;
        });
        PLUGINS.put("file", FileLookups::file);
        PLUGINS.put("template", FileLookups::template);
        PLUGINS.put("first_found", FileLookups::firstFound);
        PLUGINS.put("fileglob", FileLookups::fileglob);
        PLUGINS.put("password", PasswordLookup::run);
        PLUGINS.put("pipe", CommandLookups::pipe);
        PLUGINS.put("lines", CommandLookups::lines);
        for (String name : List.copyOf(PLUGINS.keySet())) {
            PLUGINS.put("ansible.builtin." + name, PLUGINS.get(name));
        }
    }

    private LookupPlugins() {
    }

    /** The plugin called {@code name}, or null. */
    public static Lookup find(String name) {
        return PLUGINS.get(name);
    }

    static List<Object> dict(List<Object> terms, io.jplay.template.filter.Args options, LookupContext context) {
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            if (!(term instanceof Map<?, ?> map)) {
                throw new JplayException("with_dict expects a dict");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("key", e.getKey());
                item.put("value", Py.plain(e.getValue()));
                result.add(item);
            }
        }
        return result;
    }

    private static List<Object> asList(Object term) {
        term = Py.plain(term);
        return term instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>(List.of(term));
    }

    static List<Object> nested(List<Object> terms, io.jplay.template.filter.Args options, LookupContext context) {
        if (terms.isEmpty()) {
            throw new JplayException("with_nested requires at least one element in the nested list");
        }
        List<Object> result = asList(terms.get(0));
        for (Object next : terms.subList(1, terms.size())) {
            List<Object> combined = new ArrayList<>();
            for (Object x : result) {
                for (Object y : asList(next)) {
                    combined.add(Lookup.flattenOnce(List.of(x, y)));
                }
            }
            result = combined;
        }
        List<Object> flattened = new ArrayList<>();
        for (Object x : result) {
            flattened.add(x instanceof List<?> list ? Lookup.flattenOnce(list) : Lookup.flattenOnce(List.of(x)));
        }
        return flattened;
    }

    static List<Object> together(List<Object> terms, io.jplay.template.filter.Args options, LookupContext context) {
        if (terms.isEmpty()) {
            throw new JplayException("with_together requires at least one element in each list");
        }
        List<List<Object>> lists = terms.stream().map(LookupPlugins::asList).toList();
        int size = lists.stream().mapToInt(List::size).max().orElse(0);
        List<Object> result = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> list : lists) {
                row.add(i < list.size() ? list.get(i) : null);
            }
            result.add(Lookup.flattenOnce(row));
        }
        return result;
    }

    static List<Object> subelements(List<Object> terms, io.jplay.template.filter.Args options, LookupContext context) {
        if (terms.size() < 2 || terms.size() > 3) {
            throw new JplayException("subelements lookup expects a list of two or three items, ");
        }
        boolean skipMissing = false;
        if (terms.size() == 3) {
            if (!(terms.get(2) instanceof Map<?, ?> flags)) {
                throw new JplayException("the optional third item must be a dict with flags skip_missing");
            }
            skipMissing = Py.truthy(flags.get("skip_missing"));
        }
        Object elements = terms.get(0);
        if (elements instanceof Map<?, ?> map && map.containsKey("skipped") && Py.truthy(map.get("skipped"))) {
            return List.of();
        }
        List<Object> result = new ArrayList<>();
        // the lookup pops the last subkey from each parent dict (unlike the filter): item.0 lacks it
        String[] path = Py.str(terms.get(1)).split("\\.", -1);
        Map<Object, Object> withoutSubkey = new java.util.IdentityHashMap<>();
        for (Object pair : CollectionFilters.subelements(elements, Py.str(terms.get(1)), skipMissing)) {
            List<Object> items = new ArrayList<>((List<?>) pair);
            items.set(0, withoutSubkey.computeIfAbsent(items.get(0), parent -> withoutPath(parent, path, 0)));
            result.add(items);
        }
        return result;
    }

    /** A copy of {@code value} without the dict entry at {@code path} (the dicts on the way copied too). */
    private static Object withoutPath(Object value, String[] path, int index) {
        if (!(value instanceof Map<?, ?> map) || !map.containsKey(path[index])) {
            return value;
        }
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        if (index == path.length - 1) {
            copy.remove(path[index]);
        } else {
            copy.put(path[index], withoutPath(map.get(path[index]), path, index + 1));
        }
        return copy;
    }

    /** The flattened lookup: lists within lists, at any depth, become one list (a list of one item is that item). */
    static List<Object> flattened(List<?> terms) {
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            // check_list_of_one_list: a list of one item (at any depth) stands for that item
            while (term instanceof List<?> list && list.size() == 1) {
                term = list.get(0);
            }
            if ("None".equals(term) || "null".equals(term)) {
                // Ansible's _do_flatten stops at an undefined item
                break;
            }
            if (term instanceof List<?> list) {
                result.addAll(flattened(list));
            } else {
                result.add(term);
            }
        }
        return result;
    }

    static List<Object> vars(List<Object> terms, io.jplay.template.filter.Args options, LookupContext context) {
        Map<String, Object> variables = context.variables();
        boolean hasDefault = options.has(-1, "default");
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            if (!(term instanceof CharSequence)) {
                throw new JplayException("Invalid setting identifier, \"" + Py.str(term) + "\" is not a string, its a <class '"
                        + Py.typeName(term) + "'>");
            }
            String name = term.toString();
            if (variables.containsKey(name)) {
                result.add(context.template(variables.get(name)));
            } else if (hasDefault) {
                result.add(options.get(-1, "default", null));
            } else {
                throw new UndefinedLookupVariable("No variable found with this name: " + name);
            }
        }
        return result;
    }

    static List<Object> varnames(List<Object> terms, io.jplay.template.filter.Args options, LookupContext context) {
        List<Object> result = new ArrayList<>();
        List<String> names = new ArrayList<>(context.variables().keySet());
        for (Object term : terms) {
            if (!(term instanceof CharSequence)) {
                throw new JplayException("Invalid setting identifier, \"" + Py.str(term) + "\" is not a string, it is a <class '"
                        + Py.typeName(term) + "'>");
            }
            Pattern pattern;
            try {
                pattern = io.jplay.template.filter.PyRegex.compile(term.toString(), false, false).pattern();
            } catch (JplayException | PatternSyntaxException e) {
                throw new JplayException("Unable to use \"" + term + "\" as a search parameter: " + e.getMessage());
            }
            for (String name : names) {
                if (pattern.matcher(name).find()) {
                    result.add(name);
                }
            }
        }
        return result;
    }
}
