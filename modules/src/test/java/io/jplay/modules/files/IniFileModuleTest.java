package io.jplay.modules.files;

import io.jplay.module.ModuleResult;
import io.jplay.modules.Harness;
import io.jplay.testing.Testbed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ini_file; texts and messages recorded from community.general 6.6.2's ini_file under ansible-core 2.14. */
class IniFileModuleTest {

    static final String BASE = "# top comment\ntop=1\n\n[main]\na = 1\n; b = 2\nc=3\nc=4\n\n[other]\nx = y\n";

    @TempDir
    Path tmp;

    static Testbed bed;

    @BeforeAll
    static void up() {
        bed = Testbed.instance();
    }

    private Harness h() {
        return new Harness(tmp, bed.rootConnection("target1"), "/tmp");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "main|a|2||present|true|false|false|option changed|# top comment\\ntop=1\\n\\n[main]\\na = 2\\n; b = 2\\nc=3\\nc=4\\n\\n[other]\\nx = y\\n",
            "main|b|2||present|true|false|false|option changed|# top comment\\ntop=1\\n\\n[main]\\na = 1\\nb = 2\\nc=3\\nc=4\\n\\n[other]\\nx = y\\n",
            "main|c|5||present|true|false|false|option changed|# top comment\\ntop=1\\n\\n[main]\\na = 1\\n; b = 2\\nc = 5\\n\\n[other]\\nx = y\\n",
            "main|c||4,6|present|false|false|false|option added|# top comment\\ntop=1\\n\\n[main]\\na = 1\\n; b = 2\\nc=3\\nc = 4\\nc = 6\\n\\n[other]\\nx = y\\n",
            "main|c||4,6|present|true|false|false|option changed|# top comment\\ntop=1\\n\\n[main]\\na = 1\\n; b = 2\\nc = 6\\nc = 4\\n\\n[other]\\nx = y\\n",
            "main|c|||absent|true|false|false|option changed|# top comment\\ntop=1\\n\\n[main]\\na = 1\\n; b = 2\\n\\n[other]\\nx = y\\n",
            "main|c|3||absent|false|false|false|option changed|# top comment\\ntop=1\\n\\n[main]\\na = 1\\n; b = 2\\nc=4\\n\\n[other]\\nx = y\\n",
            "new|k|v||present|true|true|false|section and option added|# top comment\\ntop=1\\n\\n[main]\\na = 1\\n; b = 2\\nc=3\\nc=4\\n\\n[other]\\nx = y\\n[new]\\nk=v\\n",
            "|top|9||present|true|false|false|option changed|# top comment\\ntop = 9\\n\\n[main]\\na = 1\\n; b = 2\\nc=3\\nc=4\\n\\n[other]\\nx = y\\n",
            "other||||absent|true|false|false|section removed|# top comment\\ntop=1\\n\\n[main]\\na = 1\\n; b = 2\\nc=3\\nc=4\\n\\n",
            "main|flag|||present|true|false|true|option added|# top comment\\ntop=1\\n\\n[main]\\na = 1\\n; b = 2\\nc=3\\nc=4\\nflag\\n\\n[other]\\nx = y\\n",
            "main|a|1||present|true|false|false|OK|# top comment\\ntop=1\\n\\n[main]\\na = 1\\n; b = 2\\nc=3\\nc=4\\n\\n[other]\\nx = y\\n",
    })
    void editsLikeTheRealModule(String section, String option, String value, String values, String state, boolean exclusive,
                                boolean noExtraSpaces, boolean allowNoValue, String msg, String expected) {
        List<String> all = value != null ? List.of(value) : values != null ? Arrays.asList(values.split(",")) : List.of();
        IniFileModule.Edit edit = IniFileModule.edit(BASE, section, option, all, state, exclusive, noExtraSpaces, allowNoValue);
        assertThat(edit.text()).isEqualTo(expected.replace("\\n", "\n"));
        assertThat(edit.msg()).isEqualTo(msg);
        assertThat(edit.changed()).isEqualTo(!"OK".equals(msg));
    }

    @Test
    void changesOnceOnTheTargetWithCheckAndDiff() {
        bed.script("exec", "target1", "sh", "-c", "rm -rf /srv/ini");
        ModuleResult check = h().check().diff().run("ini_file", "path", "/srv/ini/app.ini", "section", "s", "option", "a", "value", "1");
        assertThat(check.toMap()).containsEntry("changed", true).containsEntry("msg", "section and option added")
                .containsEntry("diff", Map.of("before", "", "after", "\n[s]\na = 1\n", "before_header", "/srv/ini/app.ini (content)",
                        "after_header", "/srv/ini/app.ini (content)")).doesNotContainKey("state");
        assertThat(bed.script("exec", "target1", "sh", "-c", "test -e /srv/ini && echo there || echo absent")).isEqualTo("absent\n");

        ModuleResult first = h().run("ini_file", "path", "/srv/ini/app.ini", "section", "s", "option", "a", "value", "1", "mode", "0600");
        assertThat(first.toMap()).containsEntry("changed", true).containsEntry("msg", "section and option added")
                .containsEntry("path", "/srv/ini/app.ini").containsEntry("mode", "0600").containsEntry("size", 11L).containsEntry("state", "file");
        assertThat(bed.script("exec", "target1", "cat", "/srv/ini/app.ini")).isEqualTo("\n[s]\na = 1\n");
        ModuleResult again = h().run("ini_file", "path", "/srv/ini/app.ini", "section", "s", "option", "a", "value", "1", "mode", "0600");
        assertThat(again.toMap()).containsEntry("changed", false).containsEntry("msg", "OK");
        ModuleResult backup = h().run("ini_file", "dest", "/srv/ini/app.ini", "section", "s", "option", "a", "value", "2", "backup", true);
        assertThat((String) backup.get("backup_file")).startsWith("/srv/ini/app.ini.");
        assertThat(bed.script("exec", "target1", "cat", (String) backup.get("backup_file"))).isEqualTo("\n[s]\na = 1\n");
    }

    @Test
    void errorsReadAsInAnsible() {
        assertThat(h().run("ini_file", "path", "/srv/nope/x.ini", "section", "s", "option", "a", "value", "1", "create", false).toMap())
                .containsEntry("failed", true).containsEntry("msg", "Destination /srv/nope/x.ini does not exist!").containsEntry("rc", 257L);
        assertThat(h().run("ini_file", "path", "/srv/ini/x.ini", "section", "s", "option", "b").msg())
                .isEqualTo("Parameter 'value(s)' must be defined if state=present and allow_no_value=False.");
    }
}
