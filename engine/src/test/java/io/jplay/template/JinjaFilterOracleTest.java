package io.jplay.template;

/**
 * Jinja2's other built-in filters (Jinjava's own or replaced) and community.general.json_query, as Ansible runs them.
 * Expected values: ansible-core 2.14.18, each {@code {{ (expression) | to_json }}} rendered by Ansible's Templar
 * (escape_backslashes=False, i.e. plain Jinja2 string literals) with {@link OracleVariables#VARIABLES}.
 */
class JinjaFilterOracleTest extends OracleTable {

    JinjaFilterOracleTest() {
        super(CASES);
    }

    static final String[][] CASES = {
        {"users | json_query('[].name')", "[\"alice\", \"Bob\"]"},
        {"users | json_query('[?age > `26`].name')", "[\"alice\"]"},
        {"users | json_query('[0].groups[0]')", "\"wheel\""},
        {"d | json_query('b.c')", "2"},
        {"d | json_query('missing')", "null"},
        {"users | json_query('length(@)')", "2"},
        {"{'k': {'x': {'v': 1}, 'y': {'v': 2}}} | json_query('k.*.v')", "[1, 2]"},
        {"d | dictsort", "[[\"a\", 1], [\"b\", {\"c\": 2, \"l\": [1]}]]"},
        {"{'b': 1, 'a': 2} | dictsort", "[[\"a\", 2], [\"b\", 1]]"},
        {"[1, 2, 3, 4, 5] | batch(2) | list", "[[1, 2], [3, 4], [5]]"},
        {"[1, 2, 3, 4, 5] | batch(2, 'x') | list", "[[1, 2], [3, 4], [5, \"x\"]]"},
        {"[1, 2, 3, 4, 5] | slice(2) | list", "[[1, 2, 3], [4, 5]]"},
        {"'%s-%d' | format('a', 3)", "\"a-3\""},
        {"users | groupby('age') | list", "[[25, [{\"name\": \"Bob\", \"age\": 25, \"groups\": [\"dev\"]}]], [30, [{\"name\": \"alice\", \"age\": 30, \"groups\": [\"wheel\", \"dev\"]}]]]"},
        {"users | groupby('age') | map('first') | list", "[25, 30]"},
        {"'a long sentence here' | truncate(9)", "\"a...\""},
        {"'a long sentence here' | wordwrap(7)", "\"a long \\nsentenc\\ne here\""},
        {"{'a': 1} | items | list", "[[\"a\", 1]]"},
        {"'<b>x</b>' | striptags", "\"x\""},
        {"'a b&c' | urlencode", "\"a%20b%26c\""},
        {"{'a': 'b c', 'd': 1} | urlencode", "\"a=b+c&d=1\""},
        {"[3, 1] | sort | first", "1"},
        {"lst | random in lst", "true"},
        {"'abc' | random in 'abc'", "true"},
        {"10 | random < 10", "true"},
        {"lst | shuffle | sort", "[1, 2, 3]"},
        {"lst | shuffle(seed='x') | length", "3"},
        {"range(3) | list", "[0, 1, 2]"},
        {"range(1, 7, 2) | list", "[1, 3, 5]"},
        {"{'b': '<a&b>', 'a': \"it's\"} | tojson", "\"{\\\"a\\\": \\\"it\\\\u0027s\\\", \\\"b\\\": \\\"\\\\u003ca\\\\u0026b\\\\u003e\\\"}\""},
        {"{'b': [1, 2], 'a': 1} | tojson(indent=2)", "\"{\\n  \\\"a\\\": 1,\\n  \\\"b\\\": [\\n    1,\\n    2\\n  ]\\n}\""},
    };
}
