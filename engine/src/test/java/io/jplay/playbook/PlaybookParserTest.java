package io.jplay.playbook;

import io.jplay.error.JplayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Messages and exit codes recorded from `ansible-playbook --syntax-check` (ansible-core 2.14.18). */
class PlaybookParserTest {

    @TempDir
    Path dir;

    private Playbook parse(String yaml) throws IOException {
        Path file = dir.resolve("site.yml");
        Files.writeString(file, yaml);
        return PlaybookParser.parse(file);
    }

    private Play firstPlay(String yaml) throws IOException {
        return (Play) parse(yaml).entries().get(0);
    }

    @Test
    void readsEveryFormOfModuleArguments() throws IOException {
        Play play = firstPlay("""
                - hosts: all
                  tasks:
                    - copy: src=a dest='b c'
                    - name: dict form
                      ansible.builtin.copy: {src: a, dest: b}
                    - action: shell echo hi chdir=/tmp
                    - local_action: command uptime
                    - command: ls
                      args: {chdir: /var}
                    - debug: msg=hello
                      with_items: [1, 2]
                """);
        Task kv = (Task) play.tasks().get(0);
        assertThat(kv.action()).isEqualTo("copy");
        assertThat(kv.args()).containsExactly(entry("src", "a"), entry("dest", "b c"));
        Task fqcn = (Task) play.tasks().get(1);
        assertThat(fqcn.action()).isEqualTo("ansible.builtin.copy");
        assertThat(fqcn.moduleName()).isEqualTo("copy");
        assertThat(fqcn.displayName()).isEqualTo("dict form");
        Task action = (Task) play.tasks().get(2);
        assertThat(action.action()).isEqualTo("shell");
        assertThat(action.args()).containsExactly(entry("chdir", "/tmp"), entry("_raw_params", "echo hi"));
        Task local = (Task) play.tasks().get(3);
        assertThat(local.keyword("delegate_to")).isEqualTo("localhost");
        assertThat(local.args()).containsExactly(entry("_raw_params", "uptime"));
        Task withArgs = (Task) play.tasks().get(4);
        assertThat(withArgs.args()).containsExactly(entry("chdir", "/var"), entry("_raw_params", "ls"));
        Task loop = (Task) play.tasks().get(5);
        assertThat(loop.loopWith()).isEqualTo("items");
        assertThat(loop.keyword("loop")).asList().containsExactly(1, 2);
        assertThat(loop.displayName()).isEqualTo("debug");
    }

    @Test
    void blocksRolesAndImports() throws IOException {
        Playbook playbook = parse("""
                - import_playbook: other.yml
                  vars: {a: 1}
                - hosts: web:db
                  roles:
                    - common
                    - role: app
                      when: x
                      app_port: 80
                  tasks:
                    - block:
                        - fail: msg=boom
                      rescue:
                        - debug: msg=rescued
                      always:
                        - debug: msg=always
                      when: y
                  handlers:
                    - name: restart
                      service: name=x state=restarted
                      listen: web changed
                """);
        assertThat(playbook.entries().get(0)).isEqualTo(new ImportPlaybook("other.yml",
                java.util.Map.of("vars", java.util.Map.of("a", 1)), playbook.entries().get(0).location()));
        Play play = (Play) playbook.entries().get(1);
        assertThat(play.name()).isEqualTo("web:db");
        assertThat(play.roles()).extracting(RoleReference::role).containsExactly("common", "app");
        assertThat(play.roles().get(1).keywords()).containsOnlyKeys("when");
        assertThat(play.roles().get(1).params()).containsExactly(entry("app_port", 80));
        Block block = (Block) play.tasks().get(0);
        assertThat(block.block()).hasSize(1);
        assertThat(block.rescue()).hasSize(1);
        assertThat(block.always()).hasSize(1);
        assertThat(block.keyword("when")).isEqualTo("y");
        Task handler = (Task) play.handlers().get(0);
        assertThat(handler.handler()).isTrue();
        assertThat(handler.keyword("listen")).isEqualTo("web changed");
        assertThat(handler.location().line()).isEqualTo(18);
    }

    @Test
    void twoActionsConflict() throws IOException {
        assertThatThrownBy(() -> parse("""
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: t1
                      debug: msg=x
                      foo: 1
                """))
                .isInstanceOf(JplayException.class)
                .hasMessage("conflicting action statements: debug, foo")
                .satisfies(e -> {
                    JplayException error = (JplayException) e;
                    assertThat(error.exitCode()).isEqualTo(4);
                    assertThat(error.location().line()).isEqualTo(4);
                    assertThat(error.location().column()).isEqualTo(7);
                    assertThat(error.describe()).endsWith("""
                            The offending line appears to be:

                              tasks:
                                - name: t1
                                  ^ here
                            """);
                });
    }

    @Test
    void unknownPlayKeywordAndMissingHosts() {
        assertThatThrownBy(() -> parse("- hosts: localhost\n  bogus: 1\n  tasks: []\n"))
                .hasMessage("'bogus' is not a valid attribute for a Play");
        assertThatThrownBy(() -> parse("- gather_facts: false\n  tasks: []\n"))
                .hasMessage("the field 'hosts' is required but was not set");
    }

    @Test
    void aMappingIsNotAPlaybook() {
        assertThatThrownBy(() -> parse("hosts: all\n"))
                .hasMessageStartingWith("A playbook must be a list of plays, got a <class 'ansible.parsing.yaml.objects.AnsibleMapping'> instead: ");
    }

    @Test
    void extraParamsOnlyForFreeFormModules() {
        assertThatThrownBy(() -> parse("- hosts: all\n  tasks:\n    - copy: just some text\n"))
                .hasMessageStartingWith("this task 'copy' has extra params, which is only allowed in the following modules: command, ");
        assertThatThrownBy(() -> parse("- hosts: all\n  tasks:\n    - import_tasks: x.yml\n      loop: [1]\n"))
                .hasMessage("You cannot use loops on 'import_tasks' statements. You should use 'include_tasks' instead.");
        assertThatThrownBy(() -> parse("- hosts: all\n  tasks:\n    - rescue: []\n"))
                .hasMessage("'rescue' keyword cannot be used without 'block'");
    }
}
