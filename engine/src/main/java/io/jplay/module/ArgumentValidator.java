package io.jplay.module;

import io.jplay.python.PythonRepr;
import io.jplay.python.PythonTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Validates a task's raw arguments against an {@link ArgumentSpec} in the order and with the words of
 * ansible-core 2.14's ArgumentSpecValidator: aliases, unsupported parameters, mutually exclusive, required,
 * types, choices, required_together / required_one_of / required_if / required_by, defaults. The first
 * error wins, as AnsibleModule reports only {@code errors.msg}.
 */
public final class ArgumentValidator {

    private ArgumentValidator() {
    }

    /**
     * @param moduleName the name for the "Unsupported parameters for (NAME) module" message, as the task
     *                   resolved it (Ansible says {@code ansible.legacy.copy} for a task written {@code copy})
     */
    public static ModuleArgs validate(String moduleName, ArgumentSpec spec, Map<String, Object> raw) {
        Map<String, Object> params = new LinkedHashMap<>(raw == null ? Map.of() : raw);
        Map<String, OptionSpec> options = spec.options();

        // aliases: an alias' value replaces the canonical one, as _handle_aliases does
        TreeSet<String> aliasNames = new TreeSet<>();
        for (OptionSpec o : options.values()) {
            for (String alias : o.aliases()) {
                aliasNames.add(alias);
                if (params.containsKey(alias)) {
                    params.put(o.name(), params.remove(alias));
                }
            }
        }

        TreeSet<String> unsupported = new TreeSet<>();
        for (String key : params.keySet()) {
            if (!options.containsKey(key) && !key.startsWith("_ansible_")) {
                unsupported.add(key);
            }
        }
        if (!unsupported.isEmpty()) {
            String supported = String.join(", ", new TreeSet<>(options.keySet()));
            if (!aliasNames.isEmpty()) {
                supported += " (" + String.join(", ", aliasNames) + ")";
            }
            throw new ModuleFailure("Unsupported parameters for (" + moduleName + ") module: "
                    + String.join(", ", unsupported) + ". Supported parameters include: " + supported + ".");
        }
        params.keySet().removeIf(k -> k.startsWith("_ansible_"));

        for (List<String> group : spec.mutuallyExclusive()) {
            if (count(group, params) > 1) {
                throw new ModuleFailure("parameters are mutually exclusive: " + String.join("|", group));
            }
        }

        for (OptionSpec o : options.values()) {
            if (o.defaultValue() != null && !params.containsKey(o.name())) {
                params.put(o.name(), o.defaultValue());
            }
        }

        TreeSet<String> missing = new TreeSet<>();
        for (OptionSpec o : options.values()) {
            if (o.required() && params.get(o.name()) == null) {
                missing.add(o.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new ModuleFailure("missing required arguments: " + String.join(", ", missing));
        }

        for (OptionSpec o : options.values()) {
            Object value = params.get(o.name());
            if (value == null) {
                continue;
            }
            Object converted;
            try {
                converted = o.type().convert(value);
            } catch (IllegalArgumentException e) {
                throw new ModuleFailure("argument '" + o.name() + "' is of type " + PythonTypes.pythonClass(value)
                        + " and we were unable to convert to " + o.type().ansibleName() + ": " + e.getMessage());
            }
            if (o.elements() != null && converted instanceof List<?> list) {
                List<Object> elements = new ArrayList<>();
                for (Object element : list) {
                    try {
                        elements.add(o.elements().convert(element));
                    } catch (IllegalArgumentException e) {
                        throw new ModuleFailure("Elements value for option '" + o.name() + "' is of type "
                                + PythonTypes.pythonClass(element) + " and we were unable to convert to "
                                + o.elements().ansibleName() + ": " + e.getMessage());
                    }
                }
                converted = elements;
            }
            params.put(o.name(), converted);
        }

        for (OptionSpec o : options.values()) {
            Object value = params.get(o.name());
            if (o.choices() == null || value == null || !params.containsKey(o.name())) {
                continue;
            }
            if (!containsChoice(o.choices(), value)) {
                List<String> names = o.choices().stream().map(PythonRepr::str).toList();
                throw new ModuleFailure("value of " + o.name() + " must be one of: " + String.join(", ", names)
                        + ", got: " + PythonRepr.str(value));
            }
        }

        for (List<String> group : spec.requiredTogether()) {
            int n = count(group, params);
            if (n > 0 && n < group.size()) {
                throw new ModuleFailure("parameters are required together: " + String.join(", ", group));
            }
        }
        for (List<String> group : spec.requiredOneOf()) {
            if (count(group, params) == 0) {
                throw new ModuleFailure("one of the following is required: " + String.join(", ", group));
            }
        }
        for (ArgumentSpec.RequiredIf rule : spec.requiredIf()) {
            if (params.containsKey(rule.key()) && sameValue(params.get(rule.key()), rule.value())) {
                List<String> absent = rule.requirements().stream().filter(r -> !params.containsKey(r)).toList();
                // "all": any absent requirement fails; "any": fails only when every one is absent
                int tolerated = rule.anyOf() ? rule.requirements().size() : 0;
                if (!absent.isEmpty() && absent.size() >= tolerated) {
                    throw new ModuleFailure(rule.key() + " is " + PythonRepr.str(rule.value()) + " but "
                            + (rule.anyOf() ? "any" : "all") + " of the following are missing: " + String.join(", ", absent));
                }
            }
        }
        for (Map.Entry<String, List<String>> e : spec.requiredBy().entrySet()) {
            if (params.get(e.getKey()) == null) {
                continue;
            }
            List<String> absent = e.getValue().stream().filter(r -> params.get(r) == null).toList();
            if (!absent.isEmpty()) {
                throw new ModuleFailure("missing parameter(s) required by '" + e.getKey() + "': " + String.join(", ", absent));
            }
        }

        for (String name : options.keySet()) {
            params.putIfAbsent(name, null);
        }
        return new ModuleArgs(params);
    }

    private static int count(List<String> group, Map<String, Object> params) {
        int n = 0;
        for (String name : group) {
            if (params.containsKey(name)) {
                n++;
            }
        }
        return n;
    }

    private static boolean containsChoice(List<Object> choices, Object value) {
        for (Object c : choices) {
            if (sameValue(c, value)) {
                return true;
            }
        }
        return false;
    }

    /** Python equality for plain values: numbers by value, everything else with equals. */
    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && !(a instanceof Boolean) && !(b instanceof Boolean)) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }
}
