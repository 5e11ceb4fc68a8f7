package io.jplay.template.el;

import com.hubspot.jinjava.el.ext.NamedParameter;
import io.jplay.template.TemplatingException;
import io.jplay.template.python.PythonFormat;
import io.jplay.template.python.PythonRepr;
import io.jplay.template.python.PythonTuple;
import io.jplay.template.python.PythonValues;
import jinjava.javax.el.ELContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's methods on str, list and dict, called from templates ({@code s.split('.')},
 * {@code d.items()}, {@code l.append(x)}), with Python's semantics where Java's differ (split is not a
 * regex, split() without arguments splits on runs of whitespace, find returns -1...).
 */
public final class PythonMethodResolver extends ReadOnlyResolver {

    private static final Object NOT_HANDLED = new Object();

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || method == null) {
            return null;
        }
        List<Object> args = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (params != null) {
            for (Object p : params) {
                if (p instanceof NamedParameter named) {
                    kwargs.put(named.getName(), named.getValue());
                } else {
                    args.add(p);
                }
            }
        }
        String name = method.toString();
        Object result = NOT_HANDLED;
        if (base instanceof CharSequence text) {
            result = StringMethods.call(text.toString(), name, args, kwargs);
        } else if (base instanceof Map<?, ?> map) {
            result = dictMethod(castMap(map), name, args);
        } else if (base instanceof List<?> list) {
            result = listMethod(castList(list), name, args);
        }
        if (result == StringMethods.NOT_HANDLED || result == NOT_HANDLED) {
            return null;
        }
        context.setPropertyResolved(true);
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> castMap(Map<?, ?> map) {
        return (Map<Object, Object>) map;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(List<?> list) {
        return (List<Object>) list;
    }

    private static Object dictMethod(Map<Object, Object> map, String name, List<Object> args) {
        switch (name) {
            case "items": {
                List<Object> items = new ArrayList<>();
                map.forEach((k, v) -> items.add(new PythonTuple(java.util.Arrays.asList(k, v))));
                return items;
            }
            case "keys":
                return new ArrayList<>(map.keySet());
            case "values":
                return new ArrayList<>(map.values());
            case "get":
                return map.containsKey(args.get(0)) ? map.get(args.get(0)) : (args.size() > 1 ? args.get(1) : null);
            case "pop":
                if (map.containsKey(args.get(0))) {
                    return map.remove(args.get(0));
                }
                if (args.size() > 1) {
                    return args.get(1);
                }
                throw new TemplatingException(PythonRepr.repr(args.get(0)));
            case "setdefault":
                if (!map.containsKey(args.get(0))) {
                    map.put(args.get(0), args.size() > 1 ? args.get(1) : null);
                }
                return map.get(args.get(0));
            case "update":
                if (!args.isEmpty() && args.get(0) instanceof Map<?, ?> other) {
                    map.putAll(other);
                }
                return null;
            case "copy":
                return new LinkedHashMap<>(map);
            default:
                return NOT_HANDLED;
        }
    }

    private static Object listMethod(List<Object> list, String name, List<Object> args) {
        switch (name) {
            case "append":
                list.add(args.get(0));
                return null;
            case "extend":
                list.addAll((List<?>) args.get(0));
                return null;
            case "insert": {
                int i = ((Number) args.get(0)).intValue();
                list.add(Math.max(0, Math.min(list.size(), i < 0 ? i + list.size() : i)), args.get(1));
                return null;
            }
            case "pop": {
                if (list.isEmpty()) {
                    throw new TemplatingException("pop from empty list");
                }
                int i = args.isEmpty() ? list.size() - 1 : ((Number) args.get(0)).intValue();
                return list.remove(i < 0 ? i + list.size() : i);
            }
            case "remove":
                for (int i = 0; i < list.size(); i++) {
                    if (PythonValues.equal(list.get(i), args.get(0))) {
                        list.remove(i);
                        return null;
                    }
                }
                throw new TemplatingException("list.remove(x): x not in list");
            case "index":
                for (int i = 0; i < list.size(); i++) {
                    if (PythonValues.equal(list.get(i), args.get(0))) {
                        return (long) i;
                    }
                }
                throw new TemplatingException(PythonRepr.repr(args.get(0)) + " is not in list");
            case "count":
                return list.stream().filter(x -> PythonValues.equal(x, args.get(0))).count();
            case "copy":
                return new ArrayList<>(list);
            case "reverse":
                java.util.Collections.reverse(list);
                return null;
            default:
                return NOT_HANDLED;
        }
    }

    /** {@code 'sep'.join(items)} and {@code str.format} need the str side; kept apart for size. */
    static String join(String sep, Object items) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Object item : (Iterable<?>) items) {
            if (!first) {
                out.append(sep);
            }
            first = false;
            if (!(item instanceof CharSequence)) {
                throw new TemplatingException("sequence item: expected str instance, "
                        + (item == null ? "NoneType" : item.getClass().getSimpleName()) + " found");
            }
            out.append(item);
        }
        return out.toString();
    }

    static String format(String format, List<Object> args, Map<String, Object> kwargs) {
        return PythonFormat.format(format, args, kwargs);
    }
}
