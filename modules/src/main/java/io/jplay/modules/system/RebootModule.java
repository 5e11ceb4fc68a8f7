package io.jplay.modules.system;

import io.jplay.connection.ExecResult;
import io.jplay.connection.LocalConnection;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.Sh;
import io.jplay.python.PythonRepr;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * ansible.builtin.reboot, Ansible's action plugin on the controller: read the boot id ({@code boot_time_command}),
 * run {@code shutdown -r DELAY_MIN "MSG"} (or {@code reboot_command}), then poll until the boot id has changed and
 * {@code test_command} succeeds, with Ansible's backoff (1, 2, 4, 8, 12 s plus jitter) and messages. The
 * connection opens a fresh SSH session when the old one died with the host, so polling reconnects by itself.
 */
public final class RebootModule implements Module {

    static final List<String> DEFAULT_SEARCH_PATHS = List.of("/sbin", "/bin", "/usr/sbin", "/usr/bin", "/usr/local/sbin");

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("boot_time_command", OptionType.STR).defaultValue("cat /proc/sys/kernel/random/boot_id")
            .option("connect_timeout", OptionType.INT)
            .option("msg", OptionType.STR).defaultValue("Reboot initiated by Ansible")
            .option("post_reboot_delay", OptionType.INT).defaultValue(0L)
            .option("pre_reboot_delay", OptionType.INT).defaultValue(0L)
            .option("reboot_command", OptionType.STR)
            .option("reboot_timeout", OptionType.INT).defaultValue(600L)
            .option("search_paths", OptionType.LIST).elements(OptionType.STR).defaultValue(DEFAULT_SEARCH_PATHS)
            .option("test_command", OptionType.STR).defaultValue("whoami")
            .build();

    @Override
    public String name() {
        return "reboot";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        if (ctx.connection() instanceof LocalConnection) {
            return result(false, 0, false).failed("Running " + ctx.invokedName() + " with local connection would reboot the control node.").build();
        }
        if (ctx.checkMode()) {
            return result(true, 0, true).build();
        }
        ModuleArgs args = ctx.args();
        String bootTimeCommand = args.string("boot_time_command");
        ExecResult boot = ctx.connection().sh(bootTimeCommand);
        if (boot.rc() != 0) {
            return ModuleResult.builder().put("reboot", false).failed("reboot: failed to get host boot time info, rc: " + boot.rc()
                    + ", stdout: " + boot.stdoutText() + ", stderr: " + boot.stderrText()).build();
        }
        String previous = boot.stdoutText().strip();

        String rebootCommand = args.string("reboot_command");
        String bin;
        String commandArgs;
        if (rebootCommand != null) {
            int space = rebootCommand.indexOf(' ');
            bin = space < 0 ? rebootCommand : rebootCommand.substring(0, space);
            commandArgs = space < 0 ? "" : rebootCommand.substring(space + 1);
        } else {
            bin = "shutdown";
            long delay = Math.max(0, args.integer("pre_reboot_delay"));
            commandArgs = "-r " + (delay / 60) + " \"" + args.string("msg") + "\"";
        }
        if (!bin.startsWith("/")) {
            List<String> paths = args.strings("search_paths");
            StringBuilder find = new StringBuilder("for _d in");
            paths.forEach(p -> find.append(' ').append(Sh.q(p)));
            find.append("; do if [ -e \"$_d\"/").append(Sh.q(bin)).append(" ] || [ -h \"$_d\"/").append(Sh.q(bin))
                    .append(" ]; then printf '%s\\n' \"${_d%/}\"/").append(Sh.q(bin)).append("; exit 0; fi; done; exit 1");
            ExecResult found = ctx.connection().sh(find.toString());
            if (found.rc() != 0 || found.stdoutText().isBlank()) {
                return ModuleResult.builder().failed("Unable to find command \"" + bin + "\" in search paths: " + PythonRepr.repr(paths)).build();
            }
            bin = found.stdoutText().strip().split("\n")[0];
        }
        long start = System.nanoTime();
        try {
            ExecResult reboot = ctx.connection().sh(bin + " " + commandArgs);
            if (reboot.rc() != 0) {
                return result(false, elapsed(start), false).failed("Reboot command failed. Error was: '" + reboot.stdoutText().strip()
                        + ", " + reboot.stderrText().strip() + "'").build();
            }
        } catch (RuntimeException connectionClosedByTheReboot) {
            // the host went down before the command could answer: carry on, as Ansible does
        }
        sleep(Math.max(0, args.integer("post_reboot_delay")) * 1000L);
        long timeout = args.integer("reboot_timeout");
        String error = untilSuccess(ctx, timeout, "last boot time check", () -> {
            ExecResult now = ctx.connection().sh(bootTimeCommand);
            String current = now.stdoutText().strip();
            if (now.rc() != 0) {
                throw new IllegalStateException("failed to get host boot time info, rc: " + now.rc());
            }
            if (current.isEmpty() || current.equals(previous)) {
                throw new IllegalStateException("boot time has not changed");
            }
        });
        if (error == null) {
            error = untilSuccess(ctx, timeout, "post-reboot test command", () -> {
                ExecResult test = ctx.connection().sh(args.string("test_command"));
                if (test.rc() != 0) {
                    throw new IllegalStateException("Test command failed: " + test.stderrText() + " " + test.stdoutText());
                }
            });
        }
        if (error != null) {
            return ModuleResult.builder().changed(false).put("failed", true).put("rebooted", true).msg(error).put("elapsed", elapsed(start)).build();
        }
        return result(true, elapsed(start), true).build();
    }

    /** Ansible's do_until_success_or_timeout: null on success, else its "Timed out waiting for ..." message. */
    private static String untilSuccess(ModuleContext ctx, long timeoutSeconds, String description, Runnable action) {
        long end = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        int failures = 0;
        while (System.nanoTime() < end) {
            try {
                action.run();
                return null;
            } catch (RuntimeException e) {
                double jitter = ThreadLocalRandom.current().nextInt(0, 1001) / 1000.0;
                double pause = Math.pow(2, failures) + jitter;
                if (pause > 12) {
                    pause = 12 + jitter;
                }
                failures++;
                sleep((long) (Math.min(pause, Math.max(0, (end - System.nanoTime()) / 1e9)) * 1000));
            }
        }
        return "Timed out waiting for " + description + " (timeout=" + timeoutSeconds + ")";
    }

    private static ModuleResult.Builder result(boolean changed, long elapsed, boolean rebooted) {
        return ModuleResult.builder().changed(changed).put("elapsed", elapsed).put("rebooted", rebooted);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000_000L;
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the reboot");
        }
    }
}
