package io.jplay.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import io.jplay.error.JplayException;
import io.jplay.template.lookup.LookupContext;
import io.jplay.template.python.PythonLiteral;
import io.jplay.template.python.PythonRepr;
import io.jplay.template.python.PythonTuple;
import io.jplay.template.python.PythonValues;
import io.jplay.yaml.UnsafeText;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders templates against one {@link VariableScope}, as Ansible's Templar does with its available
 * variables. Variables are rendered when a template reads them ({@code AnsibleJ2Vars.__getitem__}): the
 * whole value, recursively, in this scope's context; the result is cached for the life of this object,
 * so it must not outlive a change of the scope's variables. A scope found among the values
 * ({@code hostvars['h']}) is rendered by its own ScopeRenderer, sharing the family's caches.
 *
 * <p>Rendering whole values on access, instead of read-through views of raw values, is what Ansible does:
 * a list or dict is templated entirely when a template first touches it, so an undefined name anywhere in
 * it makes the whole variable undefined, exactly as in ansible-core.
 */
public final class ScopeRenderer implements LookupContext {

    private final VariableScope scope;
    private final LookupSupport lookups;
    private final Map<VariableScope, ScopeRenderer> family;
    private final Map<String, Object> rendered = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private Path currentTemplateDirectory;

    ScopeRenderer(VariableScope scope, LookupSupport lookups) {
        this(scope, lookups, new IdentityHashMap<>());
    }

    private ScopeRenderer(VariableScope scope, LookupSupport lookups, Map<VariableScope, ScopeRenderer> family) {
        this.scope = scope;
        this.lookups = lookups;
        this.family = family;
        family.put(scope, this);
    }

    VariableScope scope() {
        return scope;
    }

    private ScopeRenderer rendererFor(VariableScope other) {
        ScopeRenderer existing = family.get(other);
        return existing != null ? existing : new ScopeRenderer(other, lookups, family);
    }

    // ----------------------------------------------------------------------------------------------------
    // Public API (also what lookups see through LookupContext)

    /**
     * Ansible's {@code Templar.template}: strings are rendered, lists and dicts recursively, anything else
     * (numbers, booleans, None, {@link UnsafeText}) is returned as is.
     */
    @Override
    public Object template(Object value) {
        return template(value, true);
    }

    /** The template module's rendering of a .j2 file: no backslash doubling, no conversion of the text. */
    @Override
    public String renderText(String text, Path source) {
        Path previous = currentTemplateDirectory;
        currentTemplateDirectory = source == null ? null : source.toAbsolutePath().getParent();
        try {
            Object result = doTemplate(text, false, false);
            return result == null ? "" : PythonRepr.str(result);
        } finally {
            currentTemplateDirectory = previous;
        }
    }

    /** Directory of the .j2 file being rendered, where its includes are looked for first. */
    Path currentTemplateDirectory() {
        return currentTemplateDirectory;
    }

    /** A {@code when:} condition: a bare Jinja2 expression evaluated with Python's truth. */
    public boolean evaluateConditional(Object conditional) {
        Object value = template(conditional);
        if (!(value instanceof String text) || text.isEmpty()) {
            return PythonValues.isTrue(value);
        }
        String presented = "{% if " + text + " %} True {% else %} False {% endif %}";
        Object result = doTemplate(presented, true, true);
        String answer = PythonRepr.str(result).strip();
        if (answer.equals("True")) {
            return true;
        }
        if (answer.equals("False")) {
            return false;
        }
        throw new TemplatingException("unable to evaluate conditional: " + text);
    }

    @Override
    public Map<String, Object> variables() {
        return scope;
    }

    @Override
    public List<Path> searchPaths(String subdir) {
        return lookups.searchPaths(subdir);
    }

    @Override
    public List<String> hostsMatching(String pattern) {
        return lookups.hostsMatching(pattern);
    }

    @Override
    public void warning(String message) {
        lookups.warning(message);
    }

    // ----------------------------------------------------------------------------------------------------
    // Variables as templates see them (AnsibleJ2Vars)

    /** The value of a variable as a template reads it: rendered, or an {@link Undefined}. */
    Object variable(String name) {
        if (rendered.containsKey(name)) {
            return rendered.get(name);
        }
        if (!scope.containsKey(name)) {
            return Undefined.variable(name);
        }
        Object raw = scope.get(name);
        if (raw instanceof UnsafeText unsafe) {
            return unsafeResult(unsafe.text());
        }
        if (!inProgress.add(name)) {
            throw new TemplatingException("recursive loop detected in template string: " + PythonRepr.str(raw));
        }
        Object value;
        try {
            value = template(raw, true);
        } catch (UndefinedVariableException e) {
            // Ansible returns an Undefined carrying the reason, so `default` and `is defined` still work.
            // Its reason reads "<raw value>: <error>. <error>" (AnsibleError appends its original exception).
            value = Undefined.withMessage(PythonRepr.str(raw) + ": " + e.getMessage() + ". " + e.getMessage());
        } catch (TemplatingException e) {
            throw locatedInVariable(e, name, raw);
        } finally {
            inProgress.remove(name);
        }
        rendered.put(name, value);
        return value;
    }

    /**
     * A broken template in a variable's own value: when the file and line where the user wrote it are known,
     * name the variable and point there, so the CLI shows the offending line. An error already placed by a
     * variable further in keeps its place.
     */
    private static TemplatingException locatedInVariable(TemplatingException error, String name, Object raw) {
        if (error.location().isKnown() || !error.getMessage().startsWith("template error while templating string: ")) {
            return error;
        }
        return io.jplay.yaml.DefinitionIndex.find(name, raw)
                .map(where -> new TemplatingException(error.getMessage() + "\nThe error is in the value of the variable '"
                        + name + "'; fix its Jinja2 syntax where it is defined.", where, error))
                .orElse(error);
    }

    /**
     * A variable read through {@code hostvars[h]} (Ansible's HostVarsVars): rendered with
     * fail_on_undefined off, so a value whose rendering hits an undefined name comes back raw, and a
     * value that reaches itself again (kubespray's etcd_member_name) is undefined rather than an error,
     * which lets {@code | default(...)} take over as it does in ansible-core.
     */
    Object variableForOtherScope(String name) {
        if (inProgress.contains(name)) {
            return Undefined.withMessage("recursive loop detected in template string: " + PythonRepr.str(scope.get(name)));
        }
        Object value = variable(name);
        if (value instanceof Undefined) {
            Object raw = scope.get(name);
            return raw instanceof UnsafeText unsafe ? unsafe.text() : raw;
        }
        return value;
    }

    /** What Jinjava asks for a name its own context does not hold. */
    private Object resolveName(String name) {
        if (!scope.containsKey(name)) {
            switch (name) {
                case "none", "None":
                    return null;
                case "True", "true":
                    return Boolean.TRUE;
                case "False", "false":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        return variable(name);
    }

    // ----------------------------------------------------------------------------------------------------
    // Templar.template and do_template

    private Object template(Object value, boolean escapeBackslashes) {
        if (value instanceof String text) {
            if (!TemplateSource.isPossiblyTemplate(text)) {
                return text;
            }
            String single = TemplateSource.singleVariable(text);
            if (single != null && scope.containsKey(single)) {
                Object raw = scope.get(single);
                if (raw instanceof Boolean || raw instanceof Number) {
                    return raw;
                }
                if (raw == null) {
                    return null;
                }
            }
            return doTemplate(text, escapeBackslashes, true);
        }
        if (value instanceof VariableScope other) {
            return new ScopeView(rendererFor(other));
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(template(item, escapeBackslashes));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map && !(value instanceof ScopeView)) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.put(entry.getKey(), template(entry.getValue(), escapeBackslashes));
            }
            return out;
        }
        return value;
    }

    /**
     * {@code with_<name>: terms} for the executor: runs the lookup plugin on the loop's (templated) terms in
     * this scope, as Ansible's TaskExecutor does, and returns the items.
     */
    public List<Object> loopLookup(String name, Object terms) {
        AnsibleJinjava jinjava = AnsibleJinjava.get();
        Context context = new RenderContext(jinjava.getGlobalContext());
        context.setDynamicVariableResolver(this::resolveName);
        context.put(LookupContext.KEY, this);
        JinjavaInterpreter interpreter = jinjava.getGlobalConfig().getInterpreterFactory()
                .newInstance(jinjava, context, jinjava.getGlobalConfig());
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            return io.jplay.template.lookup.LookupFunctions.loop(name, terms, Map.of());
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /** Ansible's do_template with jinja2_native off; {@code convertData} selects ansible_eval_concat. */
    Object doTemplate(String data, boolean escapeBackslashes, boolean convertData) {
        AnsibleJinjava jinjava = AnsibleJinjava.get();
        String source = TemplateSource.forJinjava(data, escapeBackslashes);
        if (source.endsWith("\n")) {
            source = source.substring(0, source.length() - 1); // Jinja2's keep_trailing_newline=False
        }
        Context context = new RenderContext(jinjava.getGlobalContext());
        context.setDynamicVariableResolver(this::resolveName);
        context.put(LookupContext.KEY, this);
        JinjavaInterpreter interpreter = jinjava.getGlobalConfig().getInterpreterFactory()
                .newInstance(jinjava, context, jinjava.getGlobalConfig());
        JinjavaInterpreter.pushCurrent(interpreter);
        Object result;
        try {
            Node root = interpreter.parse(source);
            failOnErrors(interpreter, data);
            String singleExpression = convertData ? singleExpression(root) : null;
            if (singleExpression != null) {
                Object value = interpreter.resolveELExpression(singleExpression, 1);
                failOnErrors(interpreter, data);
                result = concatSingle(value);
            } else {
                String text = interpreter.render(root);
                failOnErrors(interpreter, data);
                result = convertData ? literalOrText(text) : text;
                if (result instanceof String s && interpreter instanceof AnsibleInterpreter ansible
                        && ansible.printedUnsafe()) {
                    result = unsafeResult(s);
                }
            }
        } catch (JplayException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(e, data);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        if (result instanceof UnsafeText unsafe) {
            int missing = TemplateSource.trailingNewlines(data) - TemplateSource.trailingNewlines(unsafe.text());
            return missing > 0 ? new UnsafeText(unsafe.text() + "\n".repeat(missing)) : unsafe;
        }
        if (result instanceof String text) {
            int missing = TemplateSource.trailingNewlines(data) - TemplateSource.trailingNewlines(text);
            if (missing > 0) {
                result = text + "\n".repeat(missing);
            }
        }
        return result;
    }

    /**
     * Text that came from an unsafe value stays unsafe (Ansible's wrap_var), so it is never templated
     * later (set_fact of a command's output holding "{{"). Only text that could be templated is wrapped:
     * for any other text the mark makes no difference, and plain Strings are easier on every consumer.
     */
    private static Object unsafeResult(String text) {
        return TemplateSource.isPossiblyTemplate(text) ? new UnsafeText(text) : text;
    }

    private static String singleExpression(Node root) {
        if (root.getChildren().size() == 1 && root.getChildren().getFirst() instanceof ExpressionNode node
                && node.getMaster() instanceof ExpressionToken token) {
            return token.getExpr();
        }
        return null;
    }

    /** ansible_eval_concat for one node: finalize (None is ''), str(), then literal_eval where it applies. */
    private static Object concatSingle(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Undefined undefined) {
            throw undefined.fail();
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof UnsafeText unsafe) {
            Object converted = literalOrText(unsafe.text());
            return converted instanceof String s ? unsafeResult(s) : converted;
        }
        if (value instanceof io.jplay.template.filter.NativeText text) {
            // Ansible's NativeJinjaText (results of to_json, to_yaml, string...) is never literal_eval'd
            return text.toString();
        }
        if (value instanceof CharSequence text) {
            return literalOrText(text.toString());
        }
        if (value instanceof PythonTuple) {
            return PythonRepr.str(value); // "(1, 2)" does not start with [ or {: it stays text
        }
        if (value instanceof Map || value instanceof List || value instanceof java.util.Set) {
            Object copy = PlainData.copyIfPlain(value);
            return copy != null ? copy : literalOrText(PythonRepr.str(value));
        }
        return PythonRepr.str(value);
    }

    /** The tail of ansible_eval_concat: text that reads as a list, dict or bool becomes one. */
    private static Object literalOrText(String text) {
        if (text.startsWith("{") || text.startsWith("[") || text.equals("True") || text.equals("False")) {
            return PlainData.normalize(PythonLiteral.parseOr(text, text));
        }
        return text;
    }

    // ----------------------------------------------------------------------------------------------------
    // Errors

    private static final java.util.regex.Pattern UNKNOWN_FUNCTION =
            java.util.regex.Pattern.compile("Could not resolve function '([^']+)'");

    private static void failOnErrors(JinjavaInterpreter interpreter, String data) {
        for (TemplateError error : interpreter.getErrors()) {
            if (error.getSeverity() != TemplateError.ErrorType.FATAL) {
                continue;
            }
            Throwable cause = error.getException();
            RuntimeException known = cause == null ? null : known(cause, data);
            if (known != null) {
                throw known;
            }
            java.util.regex.Matcher function = UNKNOWN_FUNCTION.matcher(String.valueOf(error.getMessage()));
            if (function.find()) {
                // Jinja2 looks a called name up like any other: "'foo' is undefined"
                throw new UndefinedVariableException("'" + function.group(1) + "' is undefined");
            }
            throw new TemplatingException("template error while templating string: " + error.getMessage()
                    + ". String: " + data);
        }
    }

    private static RuntimeException translate(RuntimeException e, String data) {
        RuntimeException known = known(e, data);
        if (known != null) {
            return known;
        }
        return new TemplatingException("Unexpected templating type error occurred on (" + data + "): "
                + e.getMessage(), e);
    }

    /** The user-facing error hidden in a Jinjava exception chain, if any. */
    private static RuntimeException known(Throwable e, String data) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JplayException jplay) {
                return jplay;
            }
            if (t instanceof PythonTypeError typeError) {
                // AnsibleError appends its original exception's text: "...: m. m"
                return new TemplatingException("Unexpected templating type error occurred on (" + data + "): "
                        + typeError.getMessage() + ". " + typeError.getMessage());
            }
            if (t instanceof RenderContext.UnknownPluginException unknown) {
                return new TemplatingException("template error while templating string: " + unknown.getMessage()
                        + ". String: " + data);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
