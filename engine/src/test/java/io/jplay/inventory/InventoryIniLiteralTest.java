package io.jplay.inventory;

import io.jplay.python.PythonLiteral;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** INI values as ansible-core 2.14 reads them (expected values recorded with ansible-inventory --list). */
class InventoryIniLiteralTest {

    @TempDir
    Path dir;

    @Test
    void hostLineValuesAreShellQuotedPythonLiterals() {
        Inventory inv = Fixtures.loadText(dir, "hosts", """
                [g]
                h1 a=5 b=True c="hello world" d='[1, "x", {"k": None}]' e=010 f=0x1F g=1e3 h=-3 i=yes j="'q'" k=1_000 l=5#c m=1
                h2 p=3.0 q=1e16 r=None t=2.50 u='it''s' v="a\\"b" w=a\\ b x='1' y=1.5e-7 z=12345678901234567890 aa=0.1 ab=[1,2,] ad="tab\\there" ae=u'x' af=x=y
                """);
        Map<String, Object> h1 = inv.host("h1").vars();
        assertThat(h1).containsEntry("a", 5L).containsEntry("b", true).containsEntry("c", "hello world")
                .containsEntry("e", "010").containsEntry("f", 31L).containsEntry("g", 1000.0)
                .containsEntry("h", -3L).containsEntry("i", "yes").containsEntry("j", "q")
                .containsEntry("k", 1000L).containsEntry("l", 5L)
                // '#' starts a comment even inside a word: m=1 is never seen
                .doesNotContainKey("m");
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("k", null);
        assertThat(h1.get("d")).isEqualTo(List.of(1L, "x", inner));

        Map<String, Object> h2 = inv.host("h2").vars();
        assertThat(h2).containsEntry("p", 3.0).containsEntry("q", 1e16).containsEntry("r", null)
                .containsEntry("t", 2.5).containsEntry("u", "its").containsEntry("v", "a\"b")
                .containsEntry("w", "a b").containsEntry("x", 1L).containsEntry("y", 1.5e-7)
                .containsEntry("z", new BigInteger("12345678901234567890")).containsEntry("aa", 0.1)
                .containsEntry("ab", List.of(1L, 2L)).containsEntry("ad", "tab\\there")
                .containsEntry("ae", "ux").containsEntry("af", "x=y");
    }

    @Test
    void groupVarsAreStrippedAndReadAsLiteralsWithoutShellQuoting() {
        Inventory inv = Fixtures.loadText(dir, "hosts", """
                [g]
                h1
                [g:vars]
                v1=5
                v2 = hello # comment
                v3="quoted str"
                v4=[1,2]
                v5=True
                v6 = 7 # c
                v7=
                v8='a' 'b'
                v9=- 4
                v10= 0o17
                """);
        assertThat(inv.group("g").vars()).containsEntry("v1", 5L).containsEntry("v2", "hello # comment")
                .containsEntry("v3", "quoted str").containsEntry("v4", List.of(1L, 2L)).containsEntry("v5", true)
                .containsEntry("v6", 7L).containsEntry("v7", "").containsEntry("v8", "ab")
                .containsEntry("v9", -4L).containsEntry("v10", 15L);
    }

    @Test
    void literalEvalKeepsTextThatIsNoLiteral() {
        assertThat(PythonLiteral.evalOrText("hello world")).isEqualTo("hello world");
        assertThat(PythonLiteral.evalOrText("{a:1}")).isEqualTo("{a:1}");
        assertThat(PythonLiteral.evalOrText("--4")).isEqualTo("--4");
        assertThat(PythonLiteral.evalOrText("f'x'")).isEqualTo("f'x'");
        assertThat(PythonLiteral.evalOrText("(1, 2)")).isEqualTo(List.of(1L, 2L));
        assertThat(PythonLiteral.evalOrText("'\\x41\\n'")).isEqualTo("A\n");
        assertThat(PythonLiteral.evalOrText("{'a': [True, None]}")).isEqualTo(Map.of("a", java.util.Arrays.asList(true, null)));
    }

    @Test
    void hostPortAndAnsiblePortFromTheHostName() {
        Inventory inv = Fixtures.loadText(dir, "hosts", """
                h2:2222 u=x=y
                [::1]:99
                fe80::1 foo=1
                """);
        assertThat(inv.host("h2").vars()).containsEntry("ansible_port", 2222L).containsEntry("u", "x=y");
        assertThat(inv.host("::1").vars()).containsEntry("ansible_port", 99L);
        assertThat(inv.host("fe80::1").vars()).containsEntry("foo", 1L).doesNotContainKey("ansible_port");
        assertThat(inv.group("ungrouped").hosts()).extracting(Host::name).containsExactly("h2", "::1", "fe80::1");
    }
}
