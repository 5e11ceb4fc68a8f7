package io.jplay.module;

import io.jplay.connection.ConnectionException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the executor runs a module for one host: validate the arguments against the module's spec, skip
 * modules that cannot run in check mode, run, and turn failures into results. Adds {@code warnings}, and on
 * request {@code invocation.module_args} (no_log values masked) like AnsibleModule does; registered results in
 * ansible-core 2.14 carry no invocation, so it is off by default.
 */
public final class ModuleInvoker {

    static final String NO_LOG_MASK = "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER";

    private ModuleInvoker() {
    }

    /** Runs the module as a task result: no {@code invocation} key (Ansible shows it only at -vvv). */
    public static ModuleResult invoke(Module module, ModuleContext context) {
        return invoke(module, context, false);
    }

    /**
     * @param withInvocation add {@code invocation.module_args} (the validated args, no_log values masked), as
     *                       ansible-playbook -vvv displays it
     */
    public static ModuleResult invoke(Module module, ModuleContext context, boolean withInvocation) {
        context.clearWarnings();
        String displayName = displayName(module, context.invokedName());
        ModuleArgs args;
        try {
            args = ArgumentValidator.validate(displayName, module.argumentSpec(), context.rawArgs());
        } catch (ModuleFailure failure) {
            return failure.toResult();
        }
        try {
            args = expandUserPaths(module.argumentSpec(), args, context.connection());
        } catch (ConnectionException e) {
            return ModuleResult.builder().put("unreachable", true).failed(e.getMessage()).build();
        }
        context.setArgs(args);
        if (context.checkMode() && !module.supportsCheckMode()) {
            return ModuleResult.builder().skipped("remote module (" + displayName + ") does not support check mode").build();
        }
        ModuleResult result;
        try {
            result = module.run(context);
        } catch (ModuleFailure failure) {
            result = failure.toResult();
        } catch (ConnectionException e) {
            result = ModuleResult.builder().put("unreachable", true).failed(e.getMessage()).build();
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>(context.warnings());
        if (result.get("warnings") instanceof List<?> own) {
            own.forEach(w -> warnings.add(String.valueOf(w)));
        }
        if (!warnings.isEmpty()) {
            extra.put("warnings", warnings);
        }
        if (withInvocation && !result.toMap().containsKey("invocation")) {
            extra.put("invocation", Map.of("module_args", maskNoLog(module.argumentSpec(), args)));
        }
        return result.with(extra);
    }

    private static Map<String, Object> maskNoLog(ArgumentSpec spec, ModuleArgs args) {
        Map<String, Object> shown = new LinkedHashMap<>(args.asMap());
        for (OptionSpec option : spec.options().values()) {
            if (option.noLog() && shown.get(option.name()) != null) {
                shown.put(option.name(), NO_LOG_MASK);
            }
        }
        return shown;
    }

    /**
     * Options of type path get Python's {@code os.path.expanduser} on the target, as AnsibleModule does: a
     * leading {@code ~} or {@code ~user} becomes that home directory. The homes are asked for in one command,
     * only when some path starts with {@code ~}.
     */
    static ModuleArgs expandUserPaths(ArgumentSpec spec, ModuleArgs args, io.jplay.connection.Connection connection) {
        java.util.Set<String> prefixes = new java.util.LinkedHashSet<>();
        for (OptionSpec option : spec.options().values()) {
            for (String value : pathValues(option, args.get(option.name()))) {
                String prefix = tildePrefix(value);
                if (prefix != null) {
                    prefixes.add(prefix);
                }
            }
        }
        if (prefixes.isEmpty()) {
            return args;
        }
        StringBuilder script = new StringBuilder();
        for (String prefix : prefixes) {
            // an unquoted tilde prefix is expanded by the shell; the name was checked to be a plain user name
            script.append("printf '%s\\n' ").append(prefix).append('\n');
        }
        String[] homes = connection.exec(io.jplay.connection.Command.shell(script.toString())).stdoutText().split("\n", -1);
        Map<String, String> expansion = new LinkedHashMap<>();
        int i = 0;
        for (String prefix : prefixes) {
            String home = i < homes.length ? homes[i] : prefix;
            expansion.put(prefix, home.isEmpty() ? prefix : home);
            i++;
        }
        Map<String, Object> values = new LinkedHashMap<>(args.asMap());
        for (OptionSpec option : spec.options().values()) {
            Object value = values.get(option.name());
            if (option.type() == OptionType.PATH && value instanceof String text) {
                values.put(option.name(), expand(text, expansion));
            } else if (option.elements() == OptionType.PATH && value instanceof List<?> list) {
                List<Object> expanded = new ArrayList<>();
                for (Object element : list) {
                    expanded.add(element instanceof String text ? expand(text, expansion) : element);
                }
                values.put(option.name(), expanded);
            }
        }
        return new ModuleArgs(values);
    }

    private static List<String> pathValues(OptionSpec option, Object value) {
        List<String> out = new ArrayList<>();
        if (option.type() == OptionType.PATH && value instanceof String text) {
            out.add(text);
        } else if (option.elements() == OptionType.PATH && value instanceof List<?> list) {
            list.forEach(v -> {
                if (v instanceof String text) {
                    out.add(text);
                }
            });
        }
        return out;
    }

    private static String tildePrefix(String path) {
        if (!path.startsWith("~")) {
            return null;
        }
        int slash = path.indexOf('/');
        String prefix = slash < 0 ? path : path.substring(0, slash);
        return prefix.matches("~[A-Za-z0-9_][A-Za-z0-9_.-]*|~") ? prefix : null;
    }

    private static String expand(String path, Map<String, String> expansion) {
        String prefix = tildePrefix(path);
        if (prefix == null || !expansion.containsKey(prefix)) {
            return path;
        }
        return expansion.get(prefix) + path.substring(prefix.length());
    }

    /** Ansible names a module called by its short name {@code ansible.legacy.NAME} in messages. */
    static String displayName(Module module, String invokedName) {
        if (invokedName == null || !invokedName.contains(".")) {
            return "ansible.legacy." + module.name();
        }
        return invokedName;
    }
}
