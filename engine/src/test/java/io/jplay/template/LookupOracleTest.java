package io.jplay.template;

/**
 * lookup()/query()/q() and the lookup plugins whose results do not depend on the controller's files.
 * Expected values: ansible-core 2.14.18, each {@code {{ (expression) | to_json }}} rendered by Ansible's Templar
 * (escape_backslashes=False, i.e. plain Jinja2 string literals) with {@link OracleVariables#VARIABLES}.
 */
class LookupOracleTest extends OracleTable {

    LookupOracleTest() {
        super(CASES);
    }

    static final String[][] CASES = {
        {"lookup('items', [1, [2, 3]], wantlist=true)", "[1, [2, 3]]"},
        {"lookup('items', 'a', 'b')", "\"a,b\""},
        {"lookup('items', ['a', 'b'])", "\"a,b\""},
        {"lookup('items', [1, 2])", "[1, 2]"},
        {"lookup('items', [7])", "7"},
        {"lookup('items', [])", "[]"},
        {"query('items', 'a', ['b', ['c']])", "[\"a\", \"b\", [\"c\"]]"},
        {"q('list', 'a', 'b')", "[\"a\", \"b\"]"},
        {"query('list', ['a', 'b'])", "[[\"a\", \"b\"]]"},
        {"lookup('list', ['a', 'b'])", "[\"a\", \"b\"]"},
        {"query('dict', {'a': 1, 'b': 2})", "[{\"key\": \"a\", \"value\": 1}, {\"key\": \"b\", \"value\": 2}]"},
        {"lookup('dict', {'a': 1})", "{\"key\": \"a\", \"value\": 1}"},
        {"query('indexed_items', ['a', 'b'])", "[[0, \"a\"], [1, \"b\"]]"},
        {"query('nested', ['a', 'b'], [1, 2])", "[[\"a\", 1], [\"a\", 2], [\"b\", 1], [\"b\", 2]]"},
        {"query('together', ['a', 'b'], [1])", "[[\"a\", 1], [\"b\", null]]"},
        {"query('sequence', '5')", "[\"1\", \"2\", \"3\", \"4\", \"5\"]"},
        {"query('sequence', '2-10/2')", "[\"2\", \"4\", \"6\", \"8\", \"10\"]"},
        {"query('sequence', '4:host%02d')", "[\"host01\", \"host02\", \"host03\", \"host04\"]"},
        {"query('sequence', 'start=5 end=11 stride=2 format=0x%02x')", "[\"0x05\", \"0x07\", \"0x09\", \"0x0b\"]"},
        {"query('sequence', 'count=3')", "[\"1\", \"2\", \"3\"]"},
        {"query('sequence', 'start=0 count=5 stride=2')", "[\"0\", \"2\", \"4\", \"6\", \"8\"]"},
        {"query('sequence', 'start=10 end=8 stride=-1')", "[\"10\", \"9\", \"8\"]"},
        {"lookup('sequence', 'count=3')", "\"1,2,3\""},
        {"query('subelements', users, 'groups') | map('last') | list", "[\"wheel\", \"dev\", \"dev\"]"},
        {"query('subelements', [{'n': 1}], 'x', {'skip_missing': true})", "[]"},
        {"query('varnames', '^l')", "[\"lst\", \"loop_result\"]"},
        {"query('varnames', 'result_.*', '^x$')", "[\"result_ok\", \"result_changed\", \"result_failed\", \"result_skipped\", \"x\"]"},
        {"lookup('vars', 'x')", "5"},
        {"query('vars', 'x', 'text')", "[5, \"Hello World\"]"},
        {"lookup('vars', 'nope', default='dflt')", "\"dflt\""},
        {"lookup('env', 'JPLAY_ORACLE_UNSET', default='d')", "\"d\""},
        {"lookup('pipe', 'echo hello; echo world')", "\"hello\\nworld\""},
        {"query('lines', 'printf \"a\\\\nb\\\\n\"')", "[\"a\", \"b\"]"},
        {"lookup('lines', 'printf \"a\\\\nb\\\\n\"')", "\"a,b\""},
        {"lookup('pipe', 'exit 3', errors='ignore')", "null"},
        {"lookup('first_found', '/nonexistent/a', '/etc/hostname', '/etc/hosts')", "\"/etc/hostname\""},
        {"query('first_found', {'files': ['nope'], 'paths': ['/etc'], 'skip': true})", "[]"},
        {"lookup('file', '/etc/hostname') | length > 0", "true"},
    };
}
