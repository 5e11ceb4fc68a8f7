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
 * passes. Ports are probed from the target: its own listening sockets from /proc/net/tcp*, other hosts with curl's
 * connect (then nc, then bash's /dev/tcp); search_regex on a port reads the service's first words with curl; the
 * regex is matched on the controller with Python semantics. state=drained counts the port's active connections
 * in /proc/net/tcp* as Ansible's Linux implementation does.
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
        if (port == null && path == null && "drained".equals(state)) {
            throw fail("Parameter 'port' is required when state=drained", 0);
        }
        long start = System.nanoTime();
        sleepSeconds(args.integer("delay"));
        long deadline = start + timeout * 1_000_000_000L;
        long pause = Math.max(args.integer("sleep"), 0);
        List<Object> groups = new ArrayList<>();
        Map<String, Object> groupDict = new LinkedHashMap<>();

        if (port == null && path == null) {
            sleepSeconds(Math.max(0, (deadline - System.nanoTime()) / 1_000_000_000L));
        } else if ("drained".equals(state)) {
            List<String> states = args.strings("active_connection_states");
            while (activeConnections(ctx, host, port, states, args.strings("exclude_hosts")) > 0) {
                if (System.nanoTime() >= deadline) {
                    throw fail(msg != null ? msg : "Timeout when waiting for " + host + ":" + port + " to drain", elapsed(start));
                }
                sleepSeconds(pause);
            }
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
                } else if (search != null) {
                    // the regex is matched against what the service sends after connecting (a banner)
                    String received = received(ctx, host, port, args.integer("connect_timeout"));
                    Matcher m = received == null ? null : search.matcher(received);
                    if (m != null && m.find()) {
                        collect(m, groups, groupDict);
                        break;
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

    /** Names that mean this host: a listening socket in /proc/net/tcp* answers for them without connecting. */
    private static final List<String> LOCAL_NAMES = List.of("127.0.0.1", "localhost", "0.0.0.0", "::1", "::");

    /**
     * Whether a TCP connection to host:port would be accepted, seen from the target with POSIX tools: for the
     * target itself a LISTEN entry in /proc/net/tcp or tcp6; otherwise curl's connect (exit 7 or 28 means no
     * connection), then nc, then bash's /dev/tcp where those are all the target has.
     */
    private static boolean portOpen(ModuleContext ctx, String host, long port, long connectTimeout) {
        String h = Sh.q(host);
        String hex = String.format("%04X", port);
        String script = (LOCAL_NAMES.contains(host)
                ? "if [ -r /proc/net/tcp ]; then awk -v p=" + hex + " 'FNR > 1 { n = split($2, a, \":\"); if (a[n] == p && $4 == \"0A\") f = 1 }"
                + " END { exit !f }' /proc/net/tcp /proc/net/tcp6 2>/dev/null; exit $?\nfi\n" : "")
                // curl's telnet holds an open connection until -m ends: the connect time tells whether it got one
                + "if command -v curl >/dev/null 2>&1; then _jc=$(curl -s -o /dev/null -w '%{time_connect}' --connect-timeout " + connectTimeout
                + " -m " + (connectTimeout + 1) + " telnet://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + " </dev/null)\n"
                + "  case $_jc in ''|0|0.000000|0,000000) exit 1;; *) exit 0;; esac\n"
                + "elif command -v nc >/dev/null 2>&1; then nc -z -w " + connectTimeout + " " + h + " " + port + " >/dev/null 2>&1; exit $?\n"
                + "elif command -v bash >/dev/null 2>&1; then\n"
                + "  if command -v timeout >/dev/null 2>&1; then _t=\"timeout " + connectTimeout + "\"; else _t=; fi\n"
                + "  $_t bash -c 'exec 3<>/dev/tcp/$0/$1' " + h + " " + port + " 2>/dev/null; exit $?\n"
                + "else exit " + NO_PROBE_TOOL + "; fi";
        ExecResult r = ctx.connection().sh(script);
        if (r.rc() == NO_PROBE_TOOL) {
            throw new ModuleFailure("wait_for needs curl, nc or bash on the target to check ports on other hosts");
        }
        return r.rc() == 0;
    }

    /** What the service at host:port sends in the first connect_timeout seconds (curl's telnet), or null when closed. */
    private static String received(ModuleContext ctx, String host, long port, long connectTimeout) {
        ExecResult r = ctx.connection().sh("command -v curl >/dev/null 2>&1 || exit " + NO_PROBE_TOOL + "\n"
                + "curl -s --connect-timeout " + connectTimeout + " -m " + Math.max(1, connectTimeout)
                + " telnet://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + " </dev/null\n"
                + "case $? in 6|7) exit 1;; *) exit 0;; esac");
        if (r.rc() == NO_PROBE_TOOL) {
            throw new ModuleFailure("wait_for needs curl on the target to read from a port (search_regex)");
        }
        return r.rc() == 0 ? r.stdoutText() : null;
    }

    private static final Map<String, String> STATE_IDS = Map.of("ESTABLISHED", "01", "SYN_SENT", "02", "SYN_RECV", "03",
            "FIN_WAIT1", "04", "FIN_WAIT2", "05", "TIME_WAIT", "06");

    /** Ansible's LinuxTCPConnectionInfo: active connections on the port from /proc/net/tcp and tcp6, read on the target. */
    private static int activeConnections(ModuleContext ctx, String host, long port, List<String> states, List<String> excludes) {
        List<String> ids = new ArrayList<>();
        for (String st : states) {
            String id = STATE_IDS.get(st);
            if (id == null) {
                throw new ModuleFailure("unknown connection state " + st);
            }
            ids.add(id);
        }
        List<String> locals = new ArrayList<>(hexAddresses(host));
        boolean any = host.equals("0.0.0.0") || host.equals("::");
        StringBuilder exclude = new StringBuilder();
        if (excludes != null) {
            for (String e : excludes) {
                hexAddresses(e).forEach(x -> exclude.append(x).append(' '));
            }
        }
        String awk = "FNR > 1 { split($2, l, \":\"); split($3, r, \":\"); if (l[2] != p) next; if (index(\" \" s \" \", \" \" $4 \" \") == 0) next;"
                + " if (index(\" \" x \" \", \" \" r[1] \" \") > 0) next;"
                + " if (a == 1 || index(\" \" h \" \", \" \" l[1] \" \") > 0) c++ } END { print \"N|\" c + 0 }";
        String script = "awk -v p=" + String.format("%04X", port) + " -v s=" + Sh.q(String.join(" ", ids)) + " -v x=" + Sh.q(exclude.toString().strip())
                + " -v h=" + Sh.q(String.join(" ", locals)) + " -v a=" + (any ? 1 : 0) + " " + Sh.q(awk) + " /proc/net/tcp /proc/net/tcp6 2>/dev/null";
        Probe.Result r = Probe.parse(ctx.connection().sh(script).stdout());
        String n = r.record("N");
        return n == null ? 0 : Integer.parseInt(n.strip());
    }

    /** An IP literal as /proc/net/tcp* writes it (little-endian words); names other than localhost are not resolved. */
    static List<String> hexAddresses(String host) {
        List<String> out = new ArrayList<>();
        String h = host.equals("localhost") ? "127.0.0.1" : host;
        try {
            byte[] b = java.net.InetAddress.getByName(h).getAddress();
            if (!h.matches("[0-9.]+") && !h.contains(":")) {
                return out;
            }
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < b.length; i += 4) {
                hex.append(String.format("%02X%02X%02X%02X", b[i + 3], b[i + 2], b[i + 1], b[i]));
            }
            out.add(hex.toString());
            if (b.length == 4) {
                // the same address as an IPv4-mapped IPv6 one in tcp6
                out.add("0000000000000000FFFF0000" + hex);
            }
        } catch (java.net.UnknownHostException e) {
            return out;
        }
        return out;
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
