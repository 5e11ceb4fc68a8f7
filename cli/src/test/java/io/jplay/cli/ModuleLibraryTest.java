package io.jplay.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Playbooks that ship Python modules in {@code library/} (kubespray's {@code kube}) and use modules jplay does
 * not run yet still load, syntax-check and list as under Ansible; running such a task fails that task, clearly.
 */
class ModuleLibraryTest {

    @TempDir
    Path project;

    private int run(StringWriter out, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(out, true));
    }

    private String[] args(String... extra) {
        String[] base = {"-i", project.resolve("hosts.ini").toString()};
        String[] all = new String[base.length + extra.length + 1];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        all[all.length - 1] = project.resolve("site.yml").toString();
        return all;
    }

    @Test
    void libraryModulesLoadButDoNotRun() throws IOException {
        Files.writeString(project.resolve("hosts.ini"), "localhost ansible_connection=local\n");
        Files.createDirectories(project.resolve("library"));
        Files.writeString(project.resolve("library/kube.py"), "# a Python module, as kubespray ships one\n");
        Files.writeString(project.resolve("site.yml"), """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - name: apply a manifest
                      kube: {filename: /tmp/x.yml, state: latest}
                    - name: an Ansible module jplay lacks
                      authorized_key: {user: root, key: x}
                """);

        StringWriter check = new StringWriter();
        assertThat(run(check, args("--syntax-check"))).as(check.toString()).isZero();

        StringWriter list = new StringWriter();
        assertThat(run(list, args("--list-tasks"))).isZero();
        assertThat(list.toString()).contains("      apply a manifest\tTAGS: []", "      an Ansible module jplay lacks\tTAGS: []");

        StringWriter out = new StringWriter();
        assertThat(run(out, args())).isEqualTo(2);
        assertThat(out.toString()).contains("jplay cannot run the module 'kube' from " + project.resolve("library/kube.py"))
                .contains("failed=1");
    }

    @Test
    void anActionAnsibleDoesNotKnowStopsTheRunAtLoadTime() throws IOException {
        Files.writeString(project.resolve("hosts.ini"), "localhost ansible_connection=local\n");
        Files.writeString(project.resolve("site.yml"), "- hosts: all\n  tasks:\n    - nosuchmodule: {a: 1}\n");
        StringWriter out = new StringWriter();
        assertThat(run(out, args("--syntax-check"))).isEqualTo(4);
        assertThat(out.toString()).contains("couldn't resolve module/action 'nosuchmodule'");
    }
}
