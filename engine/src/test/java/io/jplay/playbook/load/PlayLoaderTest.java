package io.jplay.playbook.load;

import io.jplay.error.JplayException;
import io.jplay.playbook.Block;
import io.jplay.playbook.Role;
import io.jplay.playbook.Task;
import io.jplay.playbook.TaskEntry;
import io.jplay.vars.RoleVarsLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The loaded structure of a small project; which tasks run in which order was checked with
 * `ansible-playbook --list-tasks` (ansible-core 2.14.18) on the same files.
 */
class PlayLoaderTest {

    @TempDir
    Path project;

    private void write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @BeforeEach
    void layout() throws IOException {
        write("site.yml", """
                - import_playbook: plays/web.yml
                  vars: {tier: front}
                  when: deploy_web | bool
                  tags: [web]
                """);
        write("plays/web.yml", """
                - hosts: all
                  vars: {tier: back, port: 80}
                  roles:
                    - common
                    - role: app
                      when: with_app
                      tags: [app]
                      app_port: 8080
                    - role: app
                      app_port: 8080
                      when: with_app
                      tags: [app]
                  tasks:
                    - import_tasks: tasks/setup.yml
                      tags: [setup]
                    - import_role: {name: app, tasks_from: extra}
                  handlers:
                    - name: restart web
                      debug: msg=restart
                """);
        write("plays/tasks/setup.yml", """
                - debug: msg=setup
                - import_tasks: more.yml
                """);
        write("plays/tasks/more.yml", "- debug: msg=more\n");
        write("plays/roles/common/tasks/main.yml", "- name: common task\n  debug: msg=common\n");
        write("plays/roles/base/tasks/main.yml", "- name: base task\n  debug: msg=base\n");
        write("plays/roles/app/meta/main.yml", "dependencies:\n  - base\n");
        write("plays/roles/app/defaults/main.yml", "app_user: app\n");
        write("plays/roles/app/tasks/main.yml", "- name: app task\n  debug: msg=app\n");
        write("plays/roles/app/tasks/extra.yml", "- name: app extra\n  debug: msg=extra\n");
        write("plays/roles/app/handlers/main.yml", "- name: restart app\n  debug: msg=restart\n");
    }

    private LoadedPlay loadOnlyPlay() {
        List<PlaySource> plays = new PlaybookLoader(LoadTimeTemplater.IDENTITY).load(project.resolve("site.yml"));
        assertThat(plays).hasSize(1);
        return new PlayLoader(List.of(), new RoleVarsLoader(), LoadTimeTemplater.IDENTITY).load(plays.get(0));
    }

    @Test
    void importPlaybookPassesItsVarsTagsAndConditionsOn() {
        List<PlaySource> plays = new PlaybookLoader(LoadTimeTemplater.IDENTITY).load(project.resolve("site.yml"));
        PlaySource web = plays.get(0);
        assertThat(web.playbookDir()).isEqualTo(project.resolve("plays"));
        assertThat(web.play().keyword("vars")).isEqualTo(Map.of("tier", "front", "port", 80));
        assertThat(web.play().keyword("tags")).isEqualTo(List.of("web"));
        assertThat(web.importConditions()).containsExactly("deploy_web | bool");
    }

    @Test
    void rolesRunDependenciesFirstAndTheSameRoleTwiceIsOneRole() {
        LoadedPlay play = loadOnlyPlay();
        assertThat(play.roles()).extracting(Role::name).containsExactly("common", "app", "app", "app");
        assertThat(play.roles().get(1)).isSameAs(play.roles().get(2));
        assertThat(play.roles().get(3)).isNotSameAs(play.roles().get(1));
        Role app = play.roles().get(1);
        assertThat(app.dependencies()).extracting(Role::name).containsExactly("base");
        assertThat(app.files().defaults()).containsEntry("app_user", "app");
        assertThat(app.params()).containsEntry("app_port", 8080);

        assertThat(taskNames(play.roleTasks())).containsExactly(
                "common task", "meta role_complete",
                "base task", "meta role_complete", "app task", "meta role_complete",
                "base task", "meta role_complete", "app task", "meta role_complete");
    }

    @Test
    void roleBlocksKnowTheirRoleChainAndInheritTheEntrysKeywords() {
        LoadedPlay play = loadOnlyPlay();
        Block section = (Block) play.roleTasks().get(0);
        assertThat(section.keyword("when")).isEqualTo(List.of("deploy_web | bool"));
        Block baseOfApp = (Block) section.block().get(2);
        assertThat(baseOfApp.origin().role().name()).isEqualTo("base");
        assertThat(baseOfApp.origin().depChain()).extracting(Role::name).containsExactly("app", "base");
        assertThat(baseOfApp.keyword("when")).isEqualTo(List.of("with_app"));
        assertThat(baseOfApp.keyword("tags")).isEqualTo(List.of("app"));
        assertThat(baseOfApp.origin().file()).isEqualTo(project.resolve("plays/roles/base/tasks/main.yml"));
    }

    @Test
    void staticImportsAreExpandedInPlaceWithTheirOwnOrigin() {
        LoadedPlay play = loadOnlyPlay();
        assertThat(taskNames(play.tasks())).containsExactly(
                "debug", "debug", "base task", "meta role_complete", "app extra", "meta role_complete");
        Block section = (Block) play.tasks().get(0);
        Block setup = (Block) section.block().get(0);
        assertThat(setup.keyword("tags")).isEqualTo(List.of("setup"));
        assertThat(setup.origin().file()).isEqualTo(project.resolve("plays/tasks/setup.yml"));
        Block more = (Block) setup.block().get(1);
        assertThat(more.origin().file()).isEqualTo(project.resolve("plays/tasks/more.yml"));
        assertThat(play.roles().get(3).tasks().file()).isEqualTo(project.resolve("plays/roles/app/tasks/extra.yml"));
    }

    @Test
    void handlersOfRolesComeBeforeThePlaysOwn() {
        LoadedPlay play = loadOnlyPlay();
        assertThat(taskNames(play.handlers())).containsExactly(
                "restart app", "restart app", "restart web", "restart app");
    }

    @Test
    void includeTasksAtRunTimeResolvesBesideTheIncludingFile() {
        LoadedPlay play = loadOnlyPlay();
        Block setup = (Block) ((Block) play.tasks().get(0)).block().get(0);
        Task include = new Task("include_tasks", Map.of("_raw_params", "more.yml"), Map.of(), null, false,
                setup.location());
        Block included = play.includes().includeTasks("more.yml", include, setup.origin(), false);
        assertThat(taskNames(List.of(included))).containsExactly("debug");
        assertThat(included.origin().file()).isEqualTo(project.resolve("plays/tasks/more.yml"));
    }

    /** As kubespray's roles/kubernetes-apps/policy_controller depends on policy_controller/calico. */
    @Test
    void aDependencyIsFoundBesideTheRoleThatNeedsIt() throws IOException {
        write("plays/roles/apps/policy/meta/main.yml", "dependencies:\n  - role: policy/calico\n");
        write("plays/roles/apps/policy/tasks/main.yml", "- name: policy\n  debug: msg=p\n");
        write("plays/roles/apps/policy/calico/tasks/main.yml", "- name: calico policy\n  debug: msg=c\n");
        write("plays/deps.yml", "- hosts: all\n  roles: [apps/policy]\n");
        PlaySource source = new PlaybookLoader(LoadTimeTemplater.IDENTITY).load(project.resolve("plays/deps.yml")).get(0);
        LoadedPlay play = new PlayLoader(List.of(), new RoleVarsLoader(), LoadTimeTemplater.IDENTITY).load(source);
        assertThat(play.roles().get(0).dependencies().get(0).path()).isEqualTo(project.resolve("plays/roles/apps/policy/calico"));
        assertThat(taskNames(play.roleTasks())).containsExactly("calico policy", "meta role_complete", "policy",
                "meta role_complete");
    }

    /** 2.14 still expands a plain `include:` statically; a templated one stays for run time. */
    @Test
    void theOldIncludeIsStaticUnlessTemplated() throws IOException {
        write("plays/old.yml", """
                - hosts: all
                  tasks:
                    - include: tasks/more.yml
                      tags: [old]
                    - include: "tasks/{{ which }}.yml"
                """);
        PlaySource source = new PlaybookLoader(LoadTimeTemplater.IDENTITY).load(project.resolve("plays/old.yml")).get(0);
        LoadedPlay play = new PlayLoader(List.of(), new RoleVarsLoader(), LoadTimeTemplater.IDENTITY).load(source);
        assertThat(taskNames(play.tasks())).containsExactly("debug", "include");
        Block included = (Block) ((Block) play.tasks().get(0)).block().get(0);
        assertThat(included.keyword("tags")).isEqualTo(List.of("old"));
    }

    @Test
    void aMissingRoleNamesEverySearchedFolder() throws IOException {
        write("plays/bad.yml", "- hosts: all\n  roles: [nope]\n");
        PlaySource source = new PlaybookLoader(LoadTimeTemplater.IDENTITY).load(project.resolve("plays/bad.yml")).get(0);
        Path rolesPath = project.resolve("shared-roles");
        assertThatThrownBy(() -> new PlayLoader(List.of(rolesPath), new RoleVarsLoader(), LoadTimeTemplater.IDENTITY)
                .load(source))
                .isInstanceOf(JplayException.class)
                .hasMessage("the role 'nope' was not found in " + project.resolve("plays/roles") + ":" + rolesPath
                        + ":" + project.resolve("plays"));
    }

    private static List<String> taskNames(List<TaskEntry> entries) {
        List<String> names = new ArrayList<>();
        for (TaskEntry entry : entries) {
            if (entry instanceof Block block) {
                names.addAll(taskNames(block.block()));
            } else if (entry instanceof Task task) {
                names.add(task.moduleName().equals("meta") ? "meta " + task.args().get("_raw_params") : task.displayName());
            }
        }
        return names;
    }
}
