package io.jplay.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import io.jplay.template.el.AnsibleSyntaxBuilder;
import io.jplay.template.el.PythonAttributeResolver;
import io.jplay.template.el.PythonMethodResolver;
import io.jplay.template.el.PythonTypeConverter;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ExpressionFactory;

import java.util.Properties;

/**
 * The one Jinjava instance configured as Ansible's Jinja2 environment: trim_blocks on, Python's
 * expression grammar and operators ({@link AnsibleSyntaxBuilder}), Python coercions, Python methods on
 * str/list/dict, Jinja2's lookup of missing attributes, Python printing, and the Ansible filter library.
 */
final class AnsibleJinjava extends Jinjava {

    /**
     * Every Python-compatibility override except whitespaceRequiredWithinTokens, which breaks
     * {@code {%-} (measured, see the shared notes on Jinjava against Ansible).
     */
    private static final LegacyOverrides PYTHON_LIKE = LegacyOverrides.newBuilder()
            .withEvaluateMapKeys(true)
            .withIterateOverMapKeys(true)
            .withUsePyishObjectMapper(true)
            .withUseSnakeCasePropertyNaming(true)
            .withUseNaturalOperatorPrecedence(true)
            .withParseWhitespaceControlStrictly(true)
            .withAllowAdjacentTextNodes(true)
            .withUseTrimmingForNotesAndExpressions(true)
            .withKeepNullableLoopValues(true)
            .withHandleBackslashInQuotesOnly(true)
            .build();

    private static volatile AnsibleJinjava instance;

    private final ExpressionFactory expressionFactory;

    private AnsibleJinjava(JinjavaConfig config) {
        super(config);
        Properties properties = new Properties();
        properties.setProperty(TreeBuilder.class.getName(), AnsibleSyntaxBuilder.class.getName());
        this.expressionFactory = new ExpressionFactoryImpl(properties, new PythonTypeConverter());
    }

    static AnsibleJinjava get() {
        AnsibleJinjava result = instance;
        if (result == null) {
            synchronized (AnsibleJinjava.class) {
                result = instance;
                if (result == null) {
                    result = create();
                    instance = result;
                }
            }
        }
        return result;
    }

    private static AnsibleJinjava create() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new PythonMethodResolver());
        resolver.add(new PythonAttributeResolver());
        resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true) // AnsibleEnvironment sets trim_blocks = True
                .withLstripBlocks(false)
                .withKeepTrailingNewline(true) // Jinja2's own stripping is done on the source, see ScopeRenderer
                .withLegacyOverrides(PYTHON_LIKE)
                .withInterperterFactory(new AnsibleInterpreter.Factory())
                .withElResolver(resolver)
                .withEnableRecursiveMacroCalls(true)
                .withMaxMacroRecursionDepth(200)
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(false)
                .build();
        AnsibleJinjava jinjava = new AnsibleJinjava(config);
        jinjava.setResourceLocator(new TemplateFileLocator());
        jinjava.getGlobalContext().registerTag(new PythonIfTag());
        jinjava.getGlobalContext().registerTag(new PythonForTag());
        jinjava.getGlobalContext().registerTag(new FilterBlockTag());
        JinjaGlobals.install(jinjava);
        CoreLibrary.install(jinjava);
        AnsibleLibrary.install(jinjava);
        return jinjava;
    }

    @Override
    public ExpressionFactory getExpressionFactory() {
        return expressionFactory;
    }
}
