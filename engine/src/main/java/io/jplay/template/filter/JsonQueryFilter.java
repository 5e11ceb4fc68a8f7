package io.jplay.template.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.jplay.error.JplayException;

import java.util.List;

/**
 * community.general's json_query: a JMESPath expression evaluated on the value (python jmespath there,
 * io.burt's JMESPath here). Integers come back as Long, as everywhere in jplay.
 */
public final class JsonQueryFilter {

    private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();

    private JsonQueryFilter() {
    }

    public static List<AnsibleFilter> filters() {
        AnsibleFilter.SimpleBody body = (value, args) -> query(value, args.string(0, "expr", ""));
        return List.of(AnsibleFilter.of("json_query", body), AnsibleFilter.of("community.general.json_query", body));
    }

    static Object query(Object value, String expression) {
        Expression<JsonNode> compiled;
        try {
            compiled = JMESPATH.compile(expression);
        } catch (RuntimeException e) {
            throw new JplayException("JMESPathError in json_query filter plugin:\n" + e.getMessage());
        }
        JsonNode data = PyJson.toTree(value);
        JsonNode result = compiled.search(data);
        return PyJson.fromTree(result);
    }
}
