package io.jplay.execution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees of the executor's rules, checked against ansible-core 2.14.18's behaviour. */
class LinearStrategyTest {

    @TempDir
    Path dir;

    @Test
    void blockRescueAlwaysRescuesTheHostAndShowsTheFailedTask() {
        PlaybookRun run = PlaybookRun.run(dir, """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - block:
                        - name: breaks
                          fail: msg=boom
                        - debug: msg=never
                      rescue:
                        - debug: msg="rescued {{ ansible_failed_task.name }} {{ ansible_failed_result.msg }}"
                      always:
                        - debug: msg=always
                    - debug: msg=after
                """);
        assertThat(run.rc).isZero();
        assertThat(run.out).contains("\"msg\": \"rescued breaks boom\"").contains("\"msg\": \"always\"")
                .contains("\"msg\": \"after\"").doesNotContain("never");
        assertThat(run.recap("localhost")).isEqualTo(
                "localhost : ok=3 changed=0 unreachable=0 failed=0 skipped=0 rescued=1 ignored=0");
    }

    @Test
    void failureWithoutRescueRunsAlwaysThenLeavesThePlay() {
        PlaybookRun run = PlaybookRun.run(dir, """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - block:
                        - fail: msg=boom
                      always:
                        - debug: msg=cleanup
                    - debug: msg=never
                """);
        assertThat(run.rc).isEqualTo(2);
        assertThat(run.out).contains("\"msg\": \"cleanup\"").doesNotContain("never");
        assertThat(run.recap("localhost")).contains("ok=1").contains("failed=1");
    }

    @Test
    void lockStepAcrossHostsAndAFailedHostLeavesThePlay() {
        PlaybookRun run = PlaybookRun.run(dir, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - fail: msg=down
                      when: inventory_hostname == 'b'
                    - debug: msg="{{ inventory_hostname }} goes on"
                """, "a ansible_connection=local\nb ansible_connection=local\n", List.of());
        assertThat(run.rc).isEqualTo(2);
        assertThat(run.out).contains("skipping: [a]").contains("fatal: [b]: FAILED!")
                .contains("\"msg\": \"a goes on\"").doesNotContain("b goes on");
        assertThat(run.out.indexOf("skipping: [a]")).isLessThan(run.out.indexOf("fatal: [b]"));
    }

    @Test
    void handlersRunOnceInDefinitionOrderAtTheFlush() {
        PlaybookRun run = PlaybookRun.run(dir, """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - set_fact: x=1
                      changed_when: true
                      notify: [second, first]
                    - set_fact: y=1
                      changed_when: true
                      notify: first
                    - debug: msg="tasks done"
                  handlers:
                    - name: first
                      debug: msg="first handler"
                    - name: second
                      debug: msg="second handler"
                """);
        assertThat(run.rc).isZero();
        int done = run.out.indexOf("tasks done");
        int first = run.out.indexOf("RUNNING HANDLER [first]");
        int second = run.out.indexOf("RUNNING HANDLER [second]");
        assertThat(done).isLessThan(first);
        assertThat(first).isLessThan(second);
        assertThat(run.out.split("RUNNING HANDLER \\[first]", -1)).hasSize(2);
    }

    @Test
    void serialBatchesAnnounceThePlayPerBatch() {
        PlaybookRun run = PlaybookRun.run(dir, """
                - name: batches
                  hosts: all
                  gather_facts: false
                  serial: 1
                  tasks:
                    - debug: msg="{{ ansible_play_batch }}"
                """, "a ansible_connection=local\nb ansible_connection=local\n", List.of());
        assertThat(run.rc).isZero();
        assertThat(run.out.split("PLAY \\[batches]", -1)).hasSize(3);
        assertThat(run.out).contains("\"msg\": [\n        \"a\"\n    ]").contains("\"msg\": [\n        \"b\"\n    ]");
    }

    @Test
    void loopResultsAreRegisteredWithAnsiblesShape() {
        PlaybookRun run = PlaybookRun.run(dir, """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - debug: msg="{{ item }}"
                      loop: [1, 2]
                      when: item == 2
                      register: out
                    - debug: msg="{{ out.results | map(attribute='skipped', default=False) | list }} {{ out.msg }} {{ out.results[1].ansible_loop_var }}"
                """);
        assertThat(run.rc).isZero();
        assertThat(run.out).contains("skipping: [localhost] => (item=1)").contains("ok: [localhost] => (item=2)")
                .contains("\"msg\": \"[True, False] All items completed item\"");
    }

    @Test
    void untilRetriesCountsAttempts() {
        PlaybookRun run = PlaybookRun.run(dir, """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - set_fact: n=1
                      register: r
                      until: false
                      retries: 2
                      delay: 0
                      ignore_errors: true
                    - debug: msg="{{ r.attempts }}"
                """);
        assertThat(run.out).contains("FAILED - RETRYING: [localhost]: set_fact (2 retries left).")
                .contains("FAILED - RETRYING: [localhost]: set_fact (1 retries left).")
                .contains("...ignoring").contains("\"msg\": \"2\"");
    }

    @Test
    void anUndefinedVariableFailsTheTaskWithItsFileAndLine() {
        PlaybookRun run = PlaybookRun.run(dir, """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - name: uses it
                      debug: msg="{{ nowhere }}"
                """);
        assertThat(run.rc).isEqualTo(2);
        assertThat(run.out).contains("The task includes an option with an undefined variable. The error was: "
                + "'nowhere' is undefined. 'nowhere' is undefined\\n\\nThe error appears to be in '"
                + dir.resolve("playbook.yml") + "': line 4, column 7");
    }

    @Test
    void sshHostsAreUnreachableAndLeaveTheRun() {
        PlaybookRun run = PlaybookRun.run(dir, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - debug: msg="controller side"
                    - set_fact: a=1
                - hosts: all
                  gather_facts: false
                  tasks:
                    - debug: msg="second play"
                """, "down ansible_host=127.0.0.1 ansible_port=1\n", List.of());
        // controller-side actions need no connection, as in Ansible
        assertThat(run.out).contains("ok: [down]");
        assertThat(run.rc).isZero();
    }

    @Test
    void metaEndPlayStopsEveryHostButTheNextPlayRuns() {
        PlaybookRun run = PlaybookRun.run(dir, """
                - hosts: all
                  gather_facts: false
                  tasks:
                    - meta: end_play
                    - debug: msg=never
                - hosts: all
                  gather_facts: false
                  tasks:
                    - debug: msg="next play"
                """, "a ansible_connection=local\nb ansible_connection=local\n", List.of());
        assertThat(run.rc).isZero();
        assertThat(run.out).doesNotContain("never").contains("TASK [meta]").contains("\"msg\": \"next play\"");
    }
}
