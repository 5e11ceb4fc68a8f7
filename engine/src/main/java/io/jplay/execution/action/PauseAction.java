package io.jplay.execution.action;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ansible.builtin.pause with seconds/minutes (no terminal prompts: jplay reads no stdin, as Ansible without
 * a tty). seconds: 0 is clamped to 1, as 2.14 does.
 */
final class PauseAction implements ActionPlugin {

    @Override
    public Map<String, Object> run(ActionContext context) {
        Map<String, Object> args = context.args();
        long seconds = 0;
        boolean timed = false;
        if (args.get("minutes") != null) {
            seconds = Math.round(Double.parseDouble(String.valueOf(args.get("minutes"))) * 60);
            timed = true;
        } else if (args.get("seconds") != null) {
            seconds = (long) Double.parseDouble(String.valueOf(args.get("seconds")));
            timed = true;
        }
        if (timed && seconds < 1) {
            seconds = 1;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        LocalDateTime start = LocalDateTime.now();
        if (timed) {
            context.display().display("Pausing for " + seconds + " seconds");
            context.display().display("(ctrl+C then 'C' = continue early, ctrl+C then 'A' = abort)");
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LocalDateTime stop = LocalDateTime.now();
        result.put("changed", false);
        result.put("rc", 0);
        result.put("stderr", "");
        result.put("stdout", "Paused for " + (timed ? seconds : 0) + " seconds");
        result.put("start", start.toString().replace('T', ' '));
        result.put("stop", stop.toString().replace('T', ' '));
        result.put("delta", (int) java.time.Duration.between(start, stop).toSeconds());
        result.put("user_input", "");
        result.put("echo", true);
        Instant.now();
        return result;
    }
}
