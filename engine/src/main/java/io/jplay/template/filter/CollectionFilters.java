package io.jplay.template.filter;

import io.jplay.error.JplayException;
import io.jplay.python.PythonJson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Filters over lists and dicts: first, last, length/count, reverse, unique, union, difference, intersect,
 * symmetric_difference, flatten, sort, min, max, sum, combine, dict2items, items2dict, zip, zip_longest,
 * product, subelements, extract. Set-like filters keep first-seen order (Ansible returns a list for lists).
 */
public final class CollectionFilters {

    private CollectionFilters() {
    }

    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> filters = new ArrayList<>();
        filters.add(AnsibleFilter.of("first", (value, args) -> first(value)));
        filters.add(AnsibleFilter.of("last", (value, args) -> last(value)));
        filters.add(AnsibleFilter.of("length", (value, args) -> length(value)));
        filters.add(AnsibleFilter.of("count", (value, args) -> length(value)));
        filters.add(AnsibleFilter.of("reverse", (value, args) -> reverse(value)));
        filters.add(AnsibleFilter.of("unique", (value, args) ->
                unique(Py.iterate(value), args.bool(0, "case_sensitive", false), args.get(1, "attribute", null))));
        filters.add(AnsibleFilter.of("union", (value, args) -> union(Py.iterate(value), Py.iterate(args.get(0)))));
        filters.add(AnsibleFilter.of("intersect", (value, args) -> intersect(Py.iterate(value), Py.iterate(args.get(0)))));
        filters.add(AnsibleFilter.of("difference", (value, args) -> difference(Py.iterate(value), Py.iterate(args.get(0)))));
        filters.add(AnsibleFilter.of("symmetric_difference", (value, args) ->
                symmetricDifference(Py.iterate(value), Py.iterate(args.get(0)))));
        filters.add(AnsibleFilter.of("flatten", (value, args) ->
                flatten(Py.iterate(value), args.get(0, "levels", null) == null ? null : args.integer(0, "levels", null),
                        args.bool(1, "skip_nulls", true))));
        filters.add(AnsibleFilter.of("sort", CollectionFilters::sort));
        filters.add(AnsibleFilter.of("min", (value, args) -> extreme(value, args, false)));
        filters.add(AnsibleFilter.of("max", (value, args) -> extreme(value, args, true)));
        filters.add(AnsibleFilter.of("sum", CollectionFilters::sum));
        filters.add(AnsibleFilter.of("combine", CollectionFilters::combine));
        filters.add(AnsibleFilter.of("dict2items", CollectionFilters::dict2items));
        filters.add(AnsibleFilter.of("items2dict", CollectionFilters::items2dict));
        filters.add(AnsibleFilter.of("zip", (value, args) -> zip(value, args, false)));
        filters.add(AnsibleFilter.of("zip_longest", (value, args) -> zip(value, args, true)));
        filters.add(AnsibleFilter.of("product", CollectionFilters::product));
        filters.add(AnsibleFilter.of("permutations", CollectionFilters::permutations));
        filters.add(AnsibleFilter.of("combinations", CollectionFilters::combinations));
        filters.add(AnsibleFilter.of("rekey_on_member", CollectionFilters::rekeyOnMember));
        filters.add(AnsibleFilter.of("subelements", CollectionFilters::subelements));
        filters.add(AnsibleFilter.of("extract", CollectionFilters::extract));
        return filters;
    }

    static Object first(Object value) {
        List<Object> items = Py.iterate(value);
        return items.isEmpty() ? Undefineds.withMessage("No first item, sequence was empty.") : items.get(0);
    }

    static Object last(Object value) {
        List<Object> items = Py.iterate(value);
        return items.isEmpty() ? Undefineds.withMessage("No last item, sequence was empty.") : items.get(items.size() - 1);
    }

    static Long length(Object value) {
        if (value instanceof CharSequence s) {
            return (long) s.toString().codePointCount(0, s.length());
        }
        if (value instanceof Map<?, ?> m) {
            return (long) m.size();
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            throw new JplayException("object of type '" + Py.typeName(value) + "' has no len()");
        }
        return (long) Py.iterate(value).size();
    }

    static Object reverse(Object value) {
        if (value instanceof CharSequence s) {
            return new StringBuilder(s).reverse().toString();
        }
        List<Object> items = new ArrayList<>(Py.iterate(value));
        Collections.reverse(items);
        return items;
    }

    static boolean contains(List<Object> items, Object value) {
        for (Object item : items) {
            if (Py.equal(item, value)) {
                return true;
            }
        }
        return false;
    }

    /** Jinja2's unique: the first of each group of equal items (strings compared case-insensitively unless asked). */
    public static List<Object> unique(List<Object> items, boolean caseSensitive, Object attribute) {
        List<Object> seen = new ArrayList<>();
        List<Object> result = new ArrayList<>();
        for (Object item : items) {
            Object key = attribute == null ? item : Attributes.get(item, attribute);
            if (!caseSensitive && key instanceof CharSequence s) {
                key = s.toString().toLowerCase();
            }
            if (!contains(seen, key)) {
                seen.add(key);
                result.add(item);
            }
        }
        return result;
    }

    static List<Object> union(List<Object> a, List<Object> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return unique(all, true, null);
    }

    static List<Object> intersect(List<Object> a, List<Object> b) {
        return unique(a.stream().filter(x -> contains(b, x)).toList(), true, null);
    }

    static List<Object> difference(List<Object> a, List<Object> b) {
        return unique(a.stream().filter(x -> !contains(b, x)).toList(), true, null);
    }

    static List<Object> symmetricDifference(List<Object> a, List<Object> b) {
        List<Object> common = intersect(a, b);
        return union(a, b).stream().filter(x -> !contains(common, x)).toList();
    }

    /** Ansible's flatten(levels=None, skip_nulls=True): nulls and the strings 'None'/'null' are dropped. */
    static List<Object> flatten(List<Object> items, Long levels, boolean skipNulls) {
        List<Object> result = new ArrayList<>();
        for (Object element : items) {
            element = Py.plain(element);
            if (skipNulls && (element == null || "None".equals(element) || "null".equals(element))) {
                continue;
            }
            if (Py.isSequence(element)) {
                if (levels == null) {
                    result.addAll(flatten(Py.iterate(element), null, skipNulls));
                } else if (levels >= 1) {
                    result.addAll(flatten(Py.iterate(element), levels - 1, skipNulls));
                } else {
                    result.add(element);
                }
            } else {
                result.add(element);
            }
        }
        return result;
    }

    /** A key function for Jinja2's sort/min/max/unique: attribute lookup, then lower-casing unless case-sensitive. */
    private static Function<Object, Object> sortKey(Object attribute, boolean caseSensitive) {
        return item -> {
            Object key = attribute == null ? item : Attributes.get(item, attribute);
            if (!caseSensitive && key instanceof CharSequence s) {
                return s.toString().toLowerCase();
            }
            return key;
        };
    }

    /** Jinja2's sort(reverse=False, case_sensitive=False, attribute=None); attribute may list several, comma-separated. */
    static List<Object> sort(Object value, Args args) {
        boolean reverse = args.bool(0, "reverse", false);
        boolean caseSensitive = args.bool(1, "case_sensitive", false);
        Object attribute = args.get(2, "attribute", null);
        List<Function<Object, Object>> keys = new ArrayList<>();
        if (attribute instanceof CharSequence s && s.toString().contains(",")) {
            for (String part : s.toString().split(",")) {
                keys.add(sortKey(part.strip(), caseSensitive));
            }
        } else {
            keys.add(sortKey(attribute, caseSensitive));
        }
        Comparator<Object> comparator = (x, y) -> {
            for (Function<Object, Object> key : keys) {
                int c = Py.compare(key.apply(x), key.apply(y));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        List<Object> items = new ArrayList<>(Py.iterate(value));
        items.sort(reverse ? comparator.reversed() : comparator);
        return items;
    }

    /** Jinja2's min/max(case_sensitive=False, attribute=None); an empty sequence gives Undefined (null). */
    static Object extreme(Object value, Args args, boolean max) {
        Function<Object, Object> key = sortKey(args.get(1, "attribute", null), args.bool(0, "case_sensitive", false));
        Object best = null;
        boolean found = false;
        for (Object item : Py.iterate(value)) {
            if (!found) {
                best = item;
                found = true;
                continue;
            }
            int c = Py.compare(key.apply(item), key.apply(best));
            if (max ? c > 0 : c < 0) {
                best = item;
            }
        }
        return found ? best : Undefineds.withMessage("No aggregated item, sequence was empty.");
    }

    /** Jinja2's sum(attribute=None, start=0). */
    static Object sum(Object value, Args args) {
        Object attribute = args.get(0, "attribute", null);
        Object total = args.get(1, "start", 0L);
        for (Object item : Py.iterate(value)) {
            total = MathFilters.add(total, attribute == null ? item : Attributes.get(item, attribute));
        }
        return total;
    }

    /** Ansible's combine(*dicts, recursive=False, list_merge='replace'): later dicts win. */
    static Object combine(Object value, Args args) {
        boolean recursive = args.keywords().containsKey("recursive") && Py.truthy(args.keywords().get("recursive"));
        String listMerge = args.keywords().containsKey("list_merge") ? Py.str(args.keywords().get("list_merge")) : "replace";
        for (String key : args.keywords().keySet()) {
            if (!key.equals("recursive") && !key.equals("list_merge")) {
                throw new JplayException("'recursive' and 'list_merge' are the only valid keyword arguments");
            }
        }
        List<Object> terms = new ArrayList<>();
        terms.add(value);
        terms.addAll(args.positional());
        List<Object> dicts = flatten(terms, 1L, true);
        if (dicts.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Object result = dicts.get(0);
        for (Object next : dicts.subList(1, dicts.size())) {
            result = merge(result, next, recursive, listMerge);
        }
        return result;
    }

    /** merge_hash with its _validate_mutable_mappings error. */
    @SuppressWarnings("unchecked")
    private static Object merge(Object a, Object b, boolean recursive, String listMerge) {
        if (!(a instanceof Map) || !(b instanceof Map)) {
            throw new JplayException("failed to combine variables, expected dicts but got a '" + Py.typeName(a)
                    + "' and a '" + Py.typeName(b) + "': \n" + PyJson.dumps(a, PythonJson.Options.compact()) + "\n"
                    + PyJson.dumps(b, PythonJson.Options.compact()));
        }
        return MergeHash.merge((Map<String, Object>) a, (Map<String, Object>) b, recursive, listMerge);
    }

    static List<Object> dict2items(Object value, Args args) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new JplayException("dict2items requires a dictionary, got <class '" + Py.typeName(value) + "'> instead.");
        }
        String keyName = args.string(0, "key_name", "key");
        String valueName = args.string(1, "value_name", "value");
        List<Object> result = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(keyName, e.getKey());
            item.put(valueName, Py.plain(e.getValue()));
            result.add(item);
        }
        return result;
    }

    static Map<Object, Object> items2dict(Object value, Args args) {
        if (!Py.isSequence(value)) {
            throw new JplayException("items2dict requires a list, got <class '" + Py.typeName(value) + "'> instead.");
        }
        String keyName = args.string(0, "key_name", "key");
        String valueName = args.string(1, "value_name", "value");
        Map<Object, Object> result = new LinkedHashMap<>();
        for (Object item : Py.iterate(value)) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new JplayException("items2dict requires a list of dictionaries, got " + Py.repr(value) + " instead.");
            }
            if (!map.containsKey(keyName) || !map.containsKey(valueName)) {
                throw new JplayException("items2dict requires each dictionary in the list to contain the keys '" + keyName
                        + "' and '" + valueName + "', got " + Py.repr(value) + " instead.");
            }
            result.put(map.get(keyName), Py.plain(map.get(valueName)));
        }
        return result;
    }

    /** Python's zip / itertools.zip_longest(fillvalue=None): a list of tuples. */
    static List<Object> zip(Object value, Args args, boolean longest) {
        List<List<Object>> lists = new ArrayList<>();
        lists.add(Py.iterate(value));
        for (Object other : args.positional()) {
            lists.add(Py.iterate(other));
        }
        Object fill = args.keywords().get("fillvalue");
        int size = longest ? lists.stream().mapToInt(List::size).max().orElse(0)
                : lists.stream().mapToInt(List::size).min().orElse(0);
        List<Object> result = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> list : lists) {
                row.add(i < list.size() ? list.get(i) : fill);
            }
            result.add(Tuple.from(row));
        }
        return result;
    }

    /** itertools.product(value, *others, repeat=1). */
    static List<Object> product(Object value, Args args) {
        List<List<Object>> pools = new ArrayList<>();
        pools.add(Py.iterate(value));
        for (Object other : args.positional()) {
            pools.add(Py.iterate(other));
        }
        long repeat = args.integer(-1, "repeat", 1L);
        List<List<Object>> repeated = new ArrayList<>();
        for (long r = 0; r < repeat; r++) {
            repeated.addAll(pools);
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>());
        for (List<Object> pool : repeated) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> row : rows) {
                for (Object item : pool) {
                    List<Object> extended = new ArrayList<>(row);
                    extended.add(item);
                    next.add(extended);
                }
            }
            rows = next;
        }
        List<Object> result = new ArrayList<>();
        rows.forEach(row -> result.add(Tuple.from(row)));
        return result;
    }

    /** itertools.permutations(value, r=None), in itertools' order. */
    static List<Object> permutations(Object value, Args args) {
        List<Object> pool = Py.iterate(value);
        Object rArg = args.get(0, "r", null);
        int r = rArg == null ? pool.size() : args.integer(0, "r", null).intValue();
        List<Object> result = new ArrayList<>();
        permute(pool, r, new ArrayList<>(), new boolean[pool.size()], result);
        return result;
    }

    private static void permute(List<Object> pool, int r, List<Object> current, boolean[] used, List<Object> result) {
        if (current.size() == r) {
            result.add(Tuple.from(current));
            return;
        }
        for (int i = 0; i < pool.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                current.add(pool.get(i));
                permute(pool, r, current, used, result);
                current.remove(current.size() - 1);
                used[i] = false;
            }
        }
    }

    /** itertools.combinations(value, r). */
    static List<Object> combinations(Object value, Args args) {
        List<Object> pool = Py.iterate(value);
        int r = args.integer(0, "r", 0L).intValue();
        List<Object> result = new ArrayList<>();
        combine(pool, r, 0, new ArrayList<>(), result);
        return result;
    }

    private static void combine(List<Object> pool, int r, int start, List<Object> current, List<Object> result) {
        if (current.size() == r) {
            result.add(Tuple.from(current));
            return;
        }
        for (int i = start; i < pool.size(); i++) {
            current.add(pool.get(i));
            combine(pool, r, i + 1, current, result);
            current.remove(current.size() - 1);
        }
    }

    /** Ansible's rekey_on_member(key, duplicates='error'): a dict of the items keyed by one of their members. */
    static Map<Object, Object> rekeyOnMember(Object value, Args args) {
        Object key = args.get(0, "key", null);
        String duplicates = args.string(1, "duplicates", "error");
        if (!duplicates.equals("error") && !duplicates.equals("overwrite")) {
            throw new JplayException("duplicates parameter to rekey_on_member has unknown value: " + duplicates);
        }
        Iterable<?> items;
        if (value instanceof Map<?, ?> map) {
            items = map.values();
        } else if (value instanceof List<?> list) {
            items = list;
        } else {
            throw new JplayException("Type is not a valid list, set, or dict");
        }
        Map<Object, Object> result = new LinkedHashMap<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new JplayException("List item is not a valid dict");
            }
            if (!map.containsKey(key)) {
                throw new JplayException("Key " + Py.str(key) + " was not found");
            }
            Object newKey = Py.plain(map.get(key));
            if (Py.truthy(result.get(newKey)) && duplicates.equals("error")) {
                throw new JplayException("Key " + Py.str(newKey) + " is not unique, cannot correctly turn into dict");
            }
            result.put(newKey, item);
        }
        return result;
    }

    /** Ansible's subelements(obj, 'dotted.key', skip_missing=False): (element, subvalue) pairs. */
    static List<Object> subelements(Object value, Args args) {
        return subelements(value, args.get(0, "subelements", null), args.bool(1, "skip_missing", false));
    }

    public static List<Object> subelements(Object value, Object path, boolean skipMissing) {
        List<Object> elements;
        if (value instanceof Map<?, ?> map) {
            elements = new ArrayList<>(map.values());
        } else if (value instanceof List<?> list) {
            elements = new ArrayList<>(list);
        } else {
            throw new JplayException("obj must be a list of dicts or a nested dict");
        }
        List<Object> keys;
        if (path instanceof List<?> list) {
            keys = new ArrayList<>(list);
        } else if (path instanceof CharSequence s) {
            keys = new ArrayList<>(List.of((Object[]) s.toString().split("\\.", -1)));
        } else {
            throw new JplayException("subelements must be a list or a string");
        }
        List<Object> result = new ArrayList<>();
        for (Object element : elements) {
            Object values = element;
            for (Object key : keys) {
                if (!(values instanceof Map<?, ?> map)) {
                    throw new JplayException("the key " + key + " should point to a dictionary, got '" + Py.str(values) + "'");
                }
                if (!map.containsKey(key)) {
                    if (skipMissing) {
                        values = List.of();
                        break;
                    }
                    throw new JplayException("could not find " + Py.repr(key) + " key in iterated item " + Py.repr(values));
                }
                values = Py.plain(map.get(key));
            }
            if (!(values instanceof List<?> list)) {
                throw new JplayException("the key " + Py.repr(keys.get(keys.size() - 1)) + " should point to a list, got "
                        + Py.repr(values));
            }
            for (Object item : list) {
                result.add(Tuple.of(element, Py.plain(item)));
            }
        }
        return result;
    }

    /** Ansible's extract(container, morekeys=None): container[item][morekeys...]. */
    static Object extract(Object item, Args args) {
        Object container = args.get(0, "container", null);
        Object more = args.get(1, "morekeys", null);
        List<Object> keys = new ArrayList<>();
        keys.add(item);
        if (more instanceof List<?> list) {
            keys.addAll(list);
        } else if (more != null) {
            keys.add(more);
        }
        Object current = container;
        for (Object key : keys) {
            current = getItem(current, key);
        }
        return current;
    }

    /** Jinja2's environment.getitem: mapping key or list index; missing gives Undefined (null). */
    public static Object getItem(Object container, Object key) {
        if (container instanceof Map<?, ?> map) {
            if (map.containsKey(key)) {
                return Py.plain(map.get(key));
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (Py.equal(e.getKey(), key)) {
                    return Py.plain(e.getValue());
                }
            }
            return null;
        }
        if (container instanceof List<?> list && key instanceof Number n) {
            long i = n.longValue() < 0 ? list.size() + n.longValue() : n.longValue();
            return i >= 0 && i < list.size() ? Py.plain(list.get((int) i)) : null;
        }
        return null;
    }
}
