package io.jplay.modules.support;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected values computed with Python 3's re module (re.sub / re.search). */
class PyRegexTest {

    private static String sub(String pattern, String repl, String text, int flags) {
        return (String) PyRegex.subn(PyRegex.compile(pattern, flags), repl, text)[0];
    }

    @Test
    void dollarAndDotTreatOnlyNewlineAsLineEnd() {
        // re.sub('x$', 'y', 'ax\r\nbx\n') == 'ax\r\nby\n'
        assertThat(sub("x$", "y", "ax\r\nbx\n", 0)).isEqualTo("ax\r\nby\n");
        // re.sub('^a.', '-', 'a\rb', flags=re.M) == '-b'
        assertThat(sub("^a.", "-", "a\rb", Pattern.MULTILINE)).isEqualTo("-b");
        // re.subn('^', '#', 'a\nb\n', flags=re.M) == ('#a\n#b\n#', 3)
        assertThat(PyRegex.subn(PyRegex.compile("^", Pattern.MULTILINE), "#", "a\nb\n")).containsExactly("#a\n#b\n#", 3);
        assertThat(sub("[^a]", "-", "ab", Pattern.MULTILINE)).isEqualTo("a-");
        // re.search(r'b\Z', 'ab\n') is None
        assertThat(PyRegex.compile("b\\Z", 0).matcher("ab\n").find()).isFalse();
        assertThat(PyRegex.compile("b\\Z", 0).matcher("ab").find()).isTrue();
    }

    @Test
    void namedGroupsBraceLiteralsAndClasses() {
        assertThat(sub("(?P<k>\\w+)=(?P=k)", "\\g<k>", "a=a b=c", 0)).isEqualTo("a b=c");
        assertThat(sub("{x}", "[y]", "{x}", 0)).isEqualTo("[y]");
        assertThat(sub("a{2}", "-", "aaa", 0)).isEqualTo("-a");
        assertThat(sub("a{,2}b", "-", "aab", 0)).isEqualTo("-");
        assertThat(sub("[[]", "(", "a[b", 0)).isEqualTo("a(b");
        assertThat(sub("[]a]", "-", "]a", 0)).isEqualTo("--");
        assertThat(sub("[a&&b]", "-", "&", 0)).isEqualTo("-");
    }

    @Test
    void templatesExpandLikePython() {
        // re.sub(r'(a)(b)?', r'\2\1\n\\', 'a') == 'a\n\\'
        assertThat(sub("(a)(b)?", "\\2\\1\\n\\\\", "a", 0)).isEqualTo("a\n\\");
        assertThat(sub("(a)", "$1\\g<1>0", "a", 0)).isEqualTo("$1a0");
        // re.sub('x*', '-', 'abxd') == '-a-b--d-'
        assertThat(sub("x*", "-", "abxd", 0)).isEqualTo("-a-b--d-");
        Matcher m = PyRegex.compile("(?P<name>\\w+)", 0).matcher("hi");
        assertThat(m.find()).isTrue();
        assertThat(PyRegex.groupNames(m.pattern())).containsExactly("name");
    }
}
