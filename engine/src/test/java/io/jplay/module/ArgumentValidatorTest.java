package io.jplay.module;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Messages recorded from ansible-core 2.14.18 ({@code ansible localhost -m MODULE -a ...}). */
class ArgumentValidatorTest {

    private static final ArgumentSpec FILE_LIKE = ArgumentSpec.builder()
            .option("path", OptionType.PATH).required().aliases("dest", "name")
            .option("state", OptionType.STR).choices("absent", "directory", "file", "hard", "link", "touch")
            .option("force", OptionType.BOOL).defaultValue(false)
            .option("timeout", OptionType.INT).defaultValue(300L)
            .option("mode", OptionType.RAW)
            .option("attributes", OptionType.STR).aliases("attr")
            .option("src", OptionType.PATH)
            .option("content", OptionType.STR).noLog()
            .option("excludes", OptionType.LIST).elements(OptionType.STR)
            .mutuallyExclusive("src", "content")
            .requiredIf("state", "link", "src")
            .build();

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void fails(Map<String, Object> raw, String message) {
        assertThatThrownBy(() -> ArgumentValidator.validate("ansible.legacy.file", FILE_LIKE, raw))
                .isInstanceOf(ModuleFailure.class).hasMessage(message);
    }

    @Test
    void unsupportedParametersListSupportedOnesAndAliasesLikeAnsible() {
        fails(args("path", "/x", "foo", 1, "bar", 2),
                "Unsupported parameters for (ansible.legacy.file) module: bar, foo. Supported parameters include: "
                        + "attributes, content, excludes, force, mode, path, src, state, timeout (attr, dest, name).");
    }

    @Test
    void requiredChoicesAndTypes() {
        fails(args("state", "file"), "missing required arguments: path");
        fails(args("path", "/x", "state", "bogus"), "value of state must be one of: absent, directory, file, hard, link, touch, got: bogus");
        fails(args("path", "/x", "force", "maybe"), "argument 'force' is of type <class 'str'> and we were unable to convert to bool: "
                + "The value 'maybe' is not a valid boolean.  Valid booleans include: 0, 1, '0', 'false', 'y', '1', 'f', 'no', 'n', 'yes', 'off', 'on', 'true', 't'");
        fails(args("path", "/x", "timeout", "abc"), "argument 'timeout' is of type <class 'str'> and we were unable to convert to int: <class 'str'> cannot be converted to an int");
        fails(args("path", "/x", "src", "a", "content", "b"), "parameters are mutually exclusive: src|content");
        fails(args("path", "/x", "state", "link"), "state is link but all of the following are missing: src");
    }

    @Test
    void convertsValuesAndAppliesAliasesAndDefaults() {
        ModuleArgs a = ArgumentValidator.validate("file", FILE_LIKE,
                args("dest", "/x", "force", "yes", "timeout", "42", "excludes", "a,b", "attr", "+i", "_ansible_check_mode", true));
        assertThat(a.string("path")).isEqualTo("/x");
        assertThat(a.get("force")).isEqualTo(true);
        assertThat(a.get("timeout")).isEqualTo(42L);
        assertThat(a.get("excludes")).isEqualTo(List.of("a", "b"));
        assertThat(a.string("attributes")).isEqualTo("+i");
        assertThat(a.asMap()).containsEntry("state", null).doesNotContainKey("_ansible_check_mode");
        assertThat(ArgumentValidator.validate("file", FILE_LIKE, args("path", 7L)).get("path")).isEqualTo("7");
        assertThat(ArgumentValidator.validate("file", FILE_LIKE, args("path", "/x", "force", 0L)).get("force")).isEqualTo(false);
    }

    @Test
    void invokerMasksNoLogAndSkipsModulesWithoutCheckMode() {
        Module module = new Module() {
            public String name() {
                return "demo";
            }

            public boolean supportsCheckMode() {
                return false;
            }

            public ArgumentSpec argumentSpec() {
                return FILE_LIKE;
            }

            public ModuleResult run(ModuleContext context) {
                context.warn("careful");
                return ModuleResult.builder().changed(true).build();
            }
        };
        ModuleContext ctx = ModuleContext.builder().connection(new io.jplay.connection.LocalConnection())
                .args(args("path", "/x", "content", "secret")).build();
        assertThat(ModuleInvoker.invoke(module, ctx).toMap()).doesNotContainKey("invocation");
        ModuleResult r = ModuleInvoker.invoke(module, ctx, true);
        assertThat(r.isChanged()).isTrue();
        assertThat(r.get("warnings")).isEqualTo(List.of("careful"));
        @SuppressWarnings("unchecked")
        Map<String, Object> moduleArgs = (Map<String, Object>) ((Map<String, Object>) r.get("invocation")).get("module_args");
        assertThat(moduleArgs).containsEntry("content", "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER").containsEntry("path", "/x");

        ModuleContext check = ModuleContext.builder().connection(new io.jplay.connection.LocalConnection())
                .args(args("path", "/x")).checkMode(true).invokedName("demo").build();
        ModuleResult skipped = ModuleInvoker.invoke(module, check);
        assertThat(skipped.isSkipped()).isTrue();
        assertThat(skipped.msg()).isEqualTo("remote module (ansible.legacy.demo) does not support check mode");

        ModuleResult invalid = ModuleInvoker.invoke(module, ModuleContext.builder()
                .connection(new io.jplay.connection.LocalConnection()).args(args("nope", 1)).invokedName("ansible.builtin.demo").build());
        assertThat(invalid.isFailed()).isTrue();
        assertThat(invalid.msg()).startsWith("Unsupported parameters for (ansible.builtin.demo) module: nope.");
    }

    @Test
    void pathOptionsStartingWithTildeAreExpandedOnTheTarget() {
        io.jplay.connection.LocalConnection local = new io.jplay.connection.LocalConnection();
        String home = local.exec(io.jplay.connection.Command.shell("printf %s ~")).stdoutText();
        String rootHome = local.exec(io.jplay.connection.Command.shell("printf %s ~root")).stdoutText();
        ArgumentSpec spec = ArgumentSpec.builder()
                .option("path", OptionType.PATH)
                .option("paths", OptionType.LIST).elements(OptionType.PATH)
                .option("text", OptionType.STR)
                .build();
        ModuleArgs args = ArgumentValidator.validate("x", spec, args("path", "~/a b", "paths", List.of("~root/x", "/y", "~"), "text", "~/z"));
        ModuleArgs expanded = ModuleInvoker.expandUserPaths(spec, args, local);
        assertThat(expanded.get("path")).isEqualTo(home + "/a b");
        assertThat(expanded.get("paths")).isEqualTo(List.of(rootHome + "/x", "/y", home));
        assertThat(expanded.get("text")).isEqualTo("~/z");
        assertThat(ModuleInvoker.expandUserPaths(spec, ArgumentValidator.validate("x", spec, args("path", "~$(id)/x")), local).get("path"))
                .isEqualTo("~$(id)/x");
    }
}
