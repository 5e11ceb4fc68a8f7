package io.jplay.module;

import io.jplay.connection.ConnectionException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the executor runs a module for one host: validate the arguments against the module's spec, skip
 * modules that cannot run in check mode, run, and turn failures into results. Adds {@code warnings} and
 * {@code invocation.module_args} (no_log values masked) like AnsibleModule does.
 */
public final class ModuleInvoker {

    static final String NO_LOG_MASK = "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER";

    private ModuleInvoker() {
    }

    public static ModuleResult invoke(Module module, ModuleContext context) {
        String displayName = displayName(module, context.invokedName());
        ModuleArgs args;
        try {
            args = ArgumentValidator.validate(displayName, module.argumentSpec(), context.rawArgs());
        } catch (ModuleFailure failure) {
            return failure.toResult();
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
        if (!result.toMap().containsKey("invocation")) {
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

    /** Ansible names a module called by its short name {@code ansible.legacy.NAME} in messages. */
    static String displayName(Module module, String invokedName) {
        if (invokedName == null || !invokedName.contains(".")) {
            return "ansible.legacy." + module.name();
        }
        return invokedName;
    }
}
