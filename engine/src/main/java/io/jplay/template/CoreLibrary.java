package io.jplay.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import io.jplay.template.python.PythonValues;

import java.util.Map;

/**
 * The few filters and tests the Templar's undefined handling depends on: {@code default}/{@code d}
 * (replace an {@link Undefined}, or with {@code true} as second argument any falsy value — but not None)
 * and {@code defined}/{@code undefined}. Installed before {@link AnsibleLibrary}, which may replace them
 * with fuller versions that must keep treating {@link Undefined} this way.
 */
final class CoreLibrary {

    private CoreLibrary() {
    }

    static void install(Jinjava jinjava) {
        jinjava.getGlobalContext().registerFilter(new DefaultFilter("default"));
        jinjava.getGlobalContext().registerFilter(new DefaultFilter("d"));
        jinjava.getGlobalContext().registerExpTest(new DefinedTest("defined", true));
        jinjava.getGlobalContext().registerExpTest(new DefinedTest("undefined", false));
    }

    private record DefaultFilter(String name) implements Filter {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, (Object[]) args, Map.of());
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object fallback = args.length > 0 ? args[0] : kwargs.getOrDefault("default_value", "");
            Object booleanArg = args.length > 1 ? args[1] : kwargs.getOrDefault("boolean", false);
            boolean replaceFalsy = PythonValues.isTrue(booleanArg);
            if (var instanceof Undefined || (replaceFalsy && !PythonValues.isTrue(var))) {
                return fallback;
            }
            return var;
        }
    }

    private record DefinedTest(String name, boolean defined) implements ExpTest {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            return (var instanceof Undefined) != defined;
        }
    }
}
