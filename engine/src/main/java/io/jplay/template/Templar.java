package io.jplay.template;

import java.nio.file.Path;

/**
 * Ansible 2.14's Templar (jinja2_native off) on Jinjava. Entry points:
 * <ul>
 *   <li>{@link #template(Object, VariableScope)}: a task argument or variable value — strings rendered,
 *       lists and dicts recursively, typed as Ansible types them (a lone {@code {{ int_var }}} stays an
 *       int, {@code {{ x + 1 }}} is text, text that reads as a list/dict/bool becomes one);</li>
 *   <li>{@link #renderText(String, VariableScope, Path)}: a .j2 file, as the template module renders it;</li>
 *   <li>{@link #evaluateConditional(Object, VariableScope)}: a {@code when:} expression;</li>
 *   <li>{@link #isTemplate(Object)} / {@link #isPossiblyTemplate(Object)}.</li>
 * </ul>
 * Each call renders the scope's variables afresh. To render many values against an unchanged scope
 * (all the variables of a host, a task's arguments), use {@link #forScope(VariableScope)}: the returned
 * {@link ScopeRenderer} caches every variable it renders.
 *
 * <p>Errors are {@link TemplatingException}s ({@link UndefinedVariableException} for undefined names) with
 * ansible-core's wording; the executor adds the task and file:line.
 */
public final class Templar {

    private final LookupSupport lookups;

    public Templar() {
        this(LookupSupport.NONE);
    }

    public Templar(LookupSupport lookups) {
        this.lookups = lookups;
    }

    /** A renderer for many calls against one unchanged scope (see class comment). */
    public ScopeRenderer forScope(VariableScope vars) {
        return new ScopeRenderer(vars, lookups);
    }

    public Object template(Object value, VariableScope vars) {
        return forScope(vars).template(value);
    }

    public String renderText(String templateText, VariableScope vars, Path source) {
        return forScope(vars).renderText(templateText, source);
    }

    public boolean evaluateConditional(Object conditional, VariableScope vars) {
        return forScope(vars).evaluateConditional(conditional);
    }

    /** Ansible's is_template: holds a complete {@code {{ }}}, {@code {% %}} or {@code {# #}}. */
    public static boolean isTemplate(Object value) {
        return TemplateSource.isTemplate(value);
    }

    /** Ansible's is_possibly_template: holds a start delimiter. */
    public static boolean isPossiblyTemplate(Object value) {
        return TemplateSource.isPossiblyTemplate(value);
    }
}
