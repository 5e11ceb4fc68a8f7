package io.jplay.template.filter;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import io.jplay.error.JplayException;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Jinja2's filters that apply another filter or test to each item: map, select, reject, selectattr,
 * rejectattr; and Ansible's random and shuffle.
 */
public final class HigherOrderFilters {

    private static final SecureRandom RANDOM = new SecureRandom();

    private HigherOrderFilters() {
    }

    public static List<AnsibleFilter> filters() {
        List<AnsibleFilter> filters = new ArrayList<>();
        filters.add(new AnsibleFilter("map", HigherOrderFilters::map));
        filters.add(new AnsibleFilter("select", (value, args, interpreter) -> select(value, args, interpreter, false, true)));
        filters.add(new AnsibleFilter("reject", (value, args, interpreter) -> select(value, args, interpreter, false, false)));
        filters.add(new AnsibleFilter("selectattr", (value, args, interpreter) -> select(value, args, interpreter, true, true)));
        filters.add(new AnsibleFilter("rejectattr", (value, args, interpreter) -> select(value, args, interpreter, true, false)));
        filters.add(AnsibleFilter.of("random", HigherOrderFilters::random));
        filters.add(AnsibleFilter.of("shuffle", HigherOrderFilters::shuffle));
        return filters;
    }

    /** map(attribute='x', default=None) or map('filter', *args, **kwargs). */
    static List<Object> map(Object value, Args args, JinjavaInterpreter interpreter) {
        List<Object> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (args.size() == 0 && args.keywords().containsKey("attribute")) {
            Object attribute = args.keywords().get("attribute");
            Object fallback = args.keywords().get("default");
            for (Object item : Py.iterate(value)) {
                Object found = Attributes.get(item, attribute);
                if (found == null && !Attributes.has(item, attribute)) {
                    found = fallback != null ? fallback : Undefineds.missingAttribute(item, attribute);
                }
                result.add(found);
            }
            return result;
        }
        if (args.size() == 0) {
            throw new JplayException("map requires a filter argument");
        }
        String name = Py.str(args.get(0));
        Filter filter = findFilter(interpreter, name);
        Object[] rest = args.rest(1).toArray();
        for (Object item : Py.iterate(value)) {
            result.add(Py.plain(filter.filter(item, interpreter, rest, new LinkedHashMap<>(args.keywords()))));
        }
        return result;
    }

    /** select/reject('test', *args) and selectattr/rejectattr('attr', 'test', *args); no test means truthiness. */
    static List<Object> select(Object value, Args args, JinjavaInterpreter interpreter, boolean byAttribute, boolean keep) {
        List<Object> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        int offset = 0;
        Object attribute = null;
        if (byAttribute) {
            attribute = args.get(0);
            offset = 1;
        }
        ExpTest test = null;
        String testName = null;
        Object[] testArgs = new Object[0];
        if (args.size() > offset) {
            testName = Py.str(args.get(offset)).replaceFirst("^ansible\\.builtin\\.", "");
            test = findTest(interpreter, Py.str(args.get(offset)));
            testArgs = args.rest(offset + 1).toArray();
        }
        boolean definedness = "defined".equals(testName) || "undefined".equals(testName);
        for (Object item : Py.iterate(value)) {
            Object subject = byAttribute ? Attributes.get(item, attribute) : item;
            boolean passed;
            if (definedness && byAttribute) {
                // a missing attribute is Jinja2's Undefined; decided here whatever undefined value the Templar uses
                passed = Attributes.has(item, attribute) == testName.equals("defined");
            } else {
                if (byAttribute && subject == null && !Attributes.has(item, attribute)) {
                    // Ansible's undefined attribute fails any other use
                    throw new JplayException(Attributes.missingMessage(item, attribute));
                }
                passed = test == null ? Py.truthy(subject) : test.evaluate(subject, interpreter, testArgs);
            }
            if (passed == keep) {
                result.add(item);
            }
        }
        return result;
    }

    private static Filter findFilter(JinjavaInterpreter interpreter, String name) {
        Filter filter = interpreter == null ? null : interpreter.getContext().getFilter(name);
        if (filter == null) {
            throw new JplayException("template error while templating string: No filter named '" + name + "' found.");
        }
        return filter;
    }

    private static ExpTest findTest(JinjavaInterpreter interpreter, String name) {
        ExpTest test = interpreter == null ? null : interpreter.getContext().getExpTest(name);
        if (test == null) {
            throw new JplayException("template error while templating string: No test named '" + name + "' found.");
        }
        return test;
    }

    /**
     * Ansible's random(end, start=None, step=None, seed=None): a number below end, or an item of a sequence.
     * With a seed the choice is Python's, so it matches what Ansible picks for the same seed.
     */
    static Object random(Object value, Args args) {
        Object seed = args.get(2, "seed", null);
        PythonRandom seeded = seed == null ? null : new PythonRandom(seed);
        if (value instanceof Number n && Py.isIntegral(n)) {
            long start = Py.truthy(args.get(0, "start", null)) ? args.integer(0, "start", 0L) : 0;
            long step = Py.truthy(args.get(1, "step", null)) ? args.integer(1, "step", 1L) : 1;
            long end = n.longValue();
            long count = step > 0 ? (end - start + step - 1) / step : (end - start + step + 1) / step;
            if (count <= 0) {
                throw new JplayException("empty range for randrange() (" + start + ", " + end + ", " + (end - start) + ")");
            }
            return seeded != null ? seeded.randrange(start, end, step) : start + step * (long) (RANDOM.nextDouble() * count);
        }
        if (Py.isIterable(value)) {
            if (Py.truthy(args.get(0, "start", null)) || Py.truthy(args.get(1, "step", null))) {
                throw new JplayException("start and step can only be used with integer values");
            }
            List<Object> items = Py.iterate(value);
            if (items.isEmpty()) {
                throw new JplayException("Cannot choose from an empty sequence");
            }
            int index = seeded != null ? (int) seeded.below(items.size()) : RANDOM.nextInt(items.size());
            return items.get(index);
        }
        throw new JplayException("random can only be used on sequences and integers");
    }

    /** Ansible's shuffle(seed=None); a value that cannot be listed is returned as it is. */
    static Object shuffle(Object value, Args args) {
        Object seed = args.get(0, "seed", null);
        List<Object> items;
        try {
            items = new ArrayList<>(Py.iterate(value));
        } catch (JplayException e) {
            return value;
        }
        if (Py.truthy(seed)) {
            new PythonRandom(seed).shuffle(items);
        } else {
            Collections.shuffle(items, RANDOM);
        }
        return items;
    }
}
