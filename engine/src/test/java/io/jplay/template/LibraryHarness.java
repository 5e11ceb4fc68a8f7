package io.jplay.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import io.jplay.error.JplayException;
import io.jplay.template.lookup.LookupContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain Jinjava with {@link AnsibleLibrary} installed, standing in for the Templar in the library's tests:
 * renders templates and evaluates expressions to their Java values. A {@link FakeLookupContext} answers lookups.
 */
public final class LibraryHarness {

    private final Jinjava jinjava;
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final FakeLookupContext lookupContext = new FakeLookupContext(variables);

    public LibraryHarness() {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(false)
                .withFailOnUnknownTokens(false)
                .build();
        jinjava = new Jinjava(config);
        AnsibleLibrary.install(jinjava);
    }

    public LibraryHarness with(String name, Object value) {
        variables.put(name, value);
        return this;
    }

    public FakeLookupContext lookupContext() {
        return lookupContext;
    }

    /** Renders template text; Jinjava's errors and ours surface as exceptions. */
    public String render(String template) {
        Map<String, Object> bindings = new LinkedHashMap<>(variables);
        bindings.put(LookupContext.KEY, lookupContext);
        RenderResult result = jinjava.renderForResult(template, bindings);
        rethrow(result.getErrors());
        return result.getOutput();
    }

    /** Evaluates one expression (what {@code {{ }}} holds) to its Java value. */
    public Object eval(String expression) {
        Context context = new Context(jinjava.getGlobalContext(), variables);
        context.put(LookupContext.KEY, lookupContext);
        JinjavaInterpreter interpreter = new JinjavaInterpreter(jinjava, context, jinjava.getGlobalConfig());
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Object value = interpreter.resolveELExpression(expression, 1);
            rethrow(interpreter.getErrorsCopy());
            return value;
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /** Runs Java code as if called from a template of this harness (LookupContext.current() works). */
    public <T> T withLookupContext(java.util.function.Supplier<T> code) {
        Context context = new Context(jinjava.getGlobalContext(), variables);
        context.put(LookupContext.KEY, lookupContext);
        JinjavaInterpreter.pushCurrent(new JinjavaInterpreter(jinjava, context, jinjava.getGlobalConfig()));
        try {
            return code.get();
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    private static void rethrow(List<TemplateError> errors) {
        for (TemplateError error : errors) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                if (error.getException() != null && error.getException().getCause() instanceof JplayException j) {
                    throw j;
                }
                Throwable cause = error.getException();
                while (cause != null) {
                    if (cause instanceof JplayException j) {
                        throw j;
                    }
                    cause = cause.getCause();
                }
                throw new IllegalStateException(error.getMessage());
            }
        }
    }

    /** A LookupContext over plain maps and fixed search directories. */
    public static final class FakeLookupContext implements LookupContext {
        private final Map<String, Object> variables;
        private final List<Path> searchDirs = new ArrayList<>();
        private final Map<String, List<String>> hostPatterns = new LinkedHashMap<>();

        FakeLookupContext(Map<String, Object> variables) {
            this.variables = variables;
        }

        public FakeLookupContext searchIn(Path dir) {
            searchDirs.add(dir);
            return this;
        }

        public FakeLookupContext hosts(String pattern, List<String> hosts) {
            hostPatterns.put(pattern, hosts);
            return this;
        }

        @Override
        public Map<String, Object> variables() {
            return variables;
        }

        @Override
        public Object template(Object value) {
            return value;
        }

        @Override
        public String renderText(String text, Path source) {
            return new LibraryHarness().withAll(variables).render(text);
        }

        @Override
        public List<Path> searchPaths(String subdir) {
            List<Path> paths = new ArrayList<>();
            for (Path dir : searchDirs) {
                paths.add(dir.resolve(subdir));
                paths.add(dir);
            }
            return paths;
        }

        @Override
        public List<String> hostsMatching(String pattern) {
            return hostPatterns.getOrDefault(pattern, List.of());
        }
    }

    LibraryHarness withAll(Map<String, Object> values) {
        variables.putAll(values);
        return this;
    }
}
