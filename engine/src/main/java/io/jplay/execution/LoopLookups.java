package io.jplay.execution;

import io.jplay.error.JplayException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code with_X: terms} is {@code lookup('X', terms, wantlist=True)}. io.jplay.template.lookup has no lookup
 * plugins yet, so the list-shaping lookups loops use are here; others report that they are missing.
 */
final class LoopLookups {

    private LoopLookups() {
    }

    static List<Object> run(String lookup, Object terms) {
        return switch (lookup) {
            case "items" -> flatten(asList(terms), 1);
            case "list" -> asList(terms);
            case "flattened" -> flatten(asList(terms), Integer.MAX_VALUE);
            case "indexed_items" -> indexed(flatten(asList(terms), 1));
            case "dict" -> dict(terms);
            case "together" -> together(asList(terms));
            case "nested", "cartesian" -> nested(asList(terms));
            case "sequence" -> sequence(asList(terms));
            default -> throw new JplayException("lookup plugin (" + lookup + ") not found");
        };
    }

    private static List<Object> asList(Object terms) {
        if (terms instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        List<Object> one = new ArrayList<>();
        one.add(terms);
        return one;
    }

    private static List<Object> flatten(List<Object> terms, int depth) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            if (term instanceof List<?> inner && depth > 0) {
                out.addAll(flatten(new ArrayList<>(inner), depth - 1));
            } else {
                out.add(term);
            }
        }
        return out;
    }

    private static List<Object> indexed(List<Object> items) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(new ArrayList<>(List.of((long) i, items.get(i))));
        }
        return out;
    }

    private static List<Object> dict(Object terms) {
        List<Object> out = new ArrayList<>();
        for (Object term : asList(terms)) {
            if (!(term instanceof Map<?, ?> map)) {
                throw new JplayException("with_dict expects a dict");
            }
            map.forEach((k, v) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("key", k);
                entry.put("value", v);
                out.add(entry);
            });
        }
        return out;
    }

    private static List<Object> together(List<Object> lists) {
        int longest = 0;
        for (Object l : lists) {
            longest = Math.max(longest, asList(l).size());
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < longest; i++) {
            List<Object> row = new ArrayList<>();
            for (Object l : lists) {
                List<Object> list = asList(l);
                row.add(i < list.size() ? list.get(i) : null);
            }
            out.add(row);
        }
        return out;
    }

    private static List<Object> nested(List<Object> lists) {
        List<Object> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (Object l : lists) {
            List<Object> next = new ArrayList<>();
            for (Object prefix : out) {
                for (Object item : asList(l)) {
                    List<Object> row = new ArrayList<>((List<?>) prefix);
                    row.add(item);
                    next.add(row);
                }
            }
            out = next;
        }
        return out;
    }

    private static List<Object> sequence(List<Object> terms) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            long start = 1;
            long end = 0;
            long stride = 1;
            String format = "%d";
            for (String part : String.valueOf(term).trim().split("\\s+")) {
                String[] kv = part.split("=", 2);
                if (kv.length == 1) {
                    String[] range = kv[0].split("-");
                    if (range.length == 2) {
                        start = Long.parseLong(range[0]);
                        end = Long.parseLong(range[1]);
                    } else {
                        end = Long.parseLong(range[0]);
                    }
                    continue;
                }
                switch (kv[0]) {
                    case "start" -> start = Long.decode(kv[1]);
                    case "end" -> end = Long.decode(kv[1]);
                    case "count" -> end = -1 - Long.decode(kv[1]);
                    case "stride" -> stride = Long.decode(kv[1]);
                    case "format" -> format = kv[1];
                    default -> throw new JplayException("unrecognized arguments to with_sequence: " + kv[0]);
                }
            }
            if (end < -1) {
                end = start + (-1 - end) * stride - stride;
            }
            for (long i = start; stride > 0 ? i <= end : i >= end; i += stride) {
                out.add(String.format(format, i));
            }
        }
        return out;
    }
}
