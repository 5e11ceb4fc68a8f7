package io.jplay.modules.utilities;

import io.jplay.connection.ExecResult;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.FileAttributes;
import io.jplay.modules.support.FileFacts;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.PyRegex;
import io.jplay.modules.support.Sh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ansible.builtin.wait_for for paths and TCP ports. The controller polls (one short round trip per try over
 * the persistent connection, {@code sleep} seconds apart) until the condition holds or {@code timeout}
 * passes. Ports are probed from the target with {@code nc -z}, falling back to bash's /dev/tcp; search_regex is
 * matched on the controller with Python semantics. state=drained is not supported.
 */
public final class WaitForModule implements Module {

    private static final int NO_PROBE_TOOL = 99;

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("host", OptionType.STR).defaultValue("127.0.0.1")
            .option("timeout", OptionType.INT).defaultValue(300L)
            .option("connect_timeout", OptionType.INT).defaultValue(5L)
            .option("delay", OptionType.INT).defaultValue(0L)
            .option("port", OptionType.INT)
            .option("active_connection_states", OptionType.LIST).elements(OptionType.STR)
            .defaultValue(List.of("ESTABLISHED", "FIN_WAIT1", "FIN_WAIT2", "SYN_RECV", "SYN_SENT", "TIME_WAIT"))
            .option("path", OptionType.PATH)
            .option("search_regex", OptionType.STR)
            .option("state", OptionType.STR).defaultValue("started").choices("absent", "drained", "present", "started", "stopped")
            .option("exclude_hosts", OptionType.LIST).elements(OptionType.STR)
            .option("sleep", OptionType.INT).defaultValue(1L)
            .option("msg", OptionType.STR)
            .build();

    @Override
    public String name() {
        return "wait_for";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String host = args.string("host");
        long timeout = args.integer("timeout");
        Long port = args.integer("port");
        String path = args.string("path");
        String state = args.string("state");
        String regex = args.string("search_regex");
        String msg = args.string("msg");
        Pattern search = regex == null ? null : PyRegex.compile(regex, Pattern.MULTILINE);
        if (port != null && path != null) {
            throw fail("port and path parameter can not both be passed to wait_for", 0);
        }
        if (path != null && "stopped".equals(state)) {
            throw fail("state=stopped should only be used for checking a port in the wait_for module", 0);
        }
        if (path != null && "drained".equals(state)) {
            throw fail("state=drained should only be used for checking a port in the wait_for module", 0);
        }
        if (args.get("exclude_hosts") != null && !"drained".equals(state)) {
            throw fail("exclude_hosts should only be with state=drained", 0);
        }
        if ("drained".equals(state)) {
            throw fail("state=drained is not supported by jplay", 0);
        }
        long start = System.nanoTime();
        sleepSeconds(args.integer("delay"));
        long deadline = start + timeout * 1_000_000_000L;
        long pause = Math.max(args.integer("sleep"), 0);
        List<Object> groups = new ArrayList<>();
        Map<String, Object> groupDict = new LinkedHashMap<>();

        if (port == null && path == null) {
            sleepSeconds(Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000L));
        } else if ("absent".equals(state) || "stopped".equals(state)) {
            while (true) {
                boolean present = path != null ? exists(ctx, path) : portOpen(ctx, host, port, args.integer("connect_timeout"));
                if (!present) {
                    break;
                }
                if (System.nanoTime() >= deadline) {
                    throw fail(msg != null ? msg : path != null ? "Timeout when waiting for " + path + " to be absent."
                            : "Timeout when waiting for " + host + ":" + port + " to stop.", elapsed(start));
                }
                sleepSeconds(pause);
            }
        } else {
            while (true) {
                if (path != null) {
                    Probe.Result probe = FileFacts.probe(ctx.connection(), Probe.stat("p", path, true, false)
                            + (search == null ? "" : "if [ -f " + Sh.q(path) + " ]; then " + Probe.content(path).strip() + "; fi\n"));
                    if (probe.stat("p").exists()) {
                        if (search == null) {
                            break;
                        }
                        Matcher m = search.matcher(new String(probe.content() == null ? new byte[0] : probe.content(), StandardCharsets.UTF_8));
                        if (m.find()) {
                            collect(m, groups, groupDict);
                            break;
                        }
                    }
                } else if (portOpen(ctx, host, port, args.integer("connect_timeout"))) {
                    break;
                }
                if (System.nanoTime() >= deadline) {
                    String text;
                    if (port != null) {
                        text = "Timeout when waiting for " + host + ":" + port;
                    } else if (search != null) {
                        text = "Timeout when waiting for search string " + regex + " in " + path;
                    } else {
                        text = "Timeout when waiting for file " + path;
                    }
                    throw fail(msg != null ? msg : text, elapsed(start));
                }
                sleepSeconds(pause);
            }
        }
        ModuleResult.Builder result = ModuleResult.builder().put("state", state).put("port", port).put("search_regex", regex)
                .put("match_groups", groups).put("match_groupdict", groupDict).put("path", path).put("elapsed", elapsed(start));
        if (path != null) {
            // AnsibleModule.exit_json adds path information whenever the result names a path
            result.putAll(FileAttributes.pathInfo(FileFacts.probe(ctx.connection(), Probe.stat("p", path, true, false)).stat("p")));
        }
        return result.build();
    }

    private static void collect(Matcher m, List<Object> groups, Map<String, Object> groupDict) {
        for (int i = 1; i <= m.groupCount(); i++) {
            groups.add(m.group(i));
        }
        for (String name : PyRegex.groupNames(m.pattern())) {
            groupDict.put(name, m.group(name));
        }
    }

    private static boolean exists(ModuleContext ctx, String path) {
        String p = Sh.q(path);
        return ctx.connection().sh("[ -e " + p + " ] || [ -h " + p + " ]").rc() == 0;
    }

    private static boolean portOpen(ModuleContext ctx, String host, long port, long connectTimeout) {
        String h = Sh.q(host);
        String script = "if command -v nc >/dev/null 2>&1; then nc -z -w " + connectTimeout + " " + h + " " + port + " >/dev/null 2>&1; exit $?\n"
                + "elif command -v bash >/dev/null 2>&1; then\n"
                + "  if command -v timeout >/dev/null 2>&1; then _t=\"timeout " + connectTimeout + "\"; else _t=; fi\n"
                + "  $_t bash -c 'exec 3<>/dev/tcp/$0/$1' " + h + " " + port + " 2>/dev/null; exit $?\n"
                + "else exit " + NO_PROBE_TOOL + "; fi";
        ExecResult r = ctx.connection().sh(script);
        if (r.rc() == NO_PROBE_TOOL) {
            throw new ModuleFailure("wait_for needs nc or bash on the target to check ports");
        }
        return r.rc() == 0;
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000_000L;
    }

    private static ModuleFailure fail(String message, long elapsed) {
        return new ModuleFailure(message, Map.of("elapsed", elapsed));
    }

    private static void sleepSeconds(long seconds) {
        if (seconds <= 0) {
            return;
        }
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleFailure("interrupted while waiting");
        }
    }
}
