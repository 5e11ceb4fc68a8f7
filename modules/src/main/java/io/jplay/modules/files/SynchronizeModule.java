package io.jplay.modules.files;

import io.jplay.connection.ShellQuote;
import io.jplay.connection.ssh.SshSettings;
import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * ansible.posix.synchronize: rsync runs on the controller and reaches the host with ssh built from the host's
 * own connection settings (address, port, user, key, proxy), the command line the real module builds
 * ({@code --delay-updates -F --compress --archive --rsh=... --out-format=<<CHANGED>>%i %n%L src dest}).
 * Changed when rsync itemizes anything. Hosts reached without SSH (connection=local) get plain local paths.
 * Not supported: password logins (sshpass), become through rsync_path, delegation to another host.
 */
public final class SynchronizeModule implements Module {

    private static final String CHANGED_MARKER = "<<CHANGED>>";

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("src", OptionType.STR).required()
            .option("dest", OptionType.STR).required()
            .option("dest_port", OptionType.INT)
            .option("mode", OptionType.STR).defaultValue("push").choices("pull", "push")
            .option("archive", OptionType.BOOL).defaultValue(true)
            .option("checksum", OptionType.BOOL).defaultValue(false)
            .option("compress", OptionType.BOOL).defaultValue(true)
            .option("existing_only", OptionType.BOOL).defaultValue(false)
            .option("dirs", OptionType.BOOL).defaultValue(false)
            .option("recursive", OptionType.BOOL)
            .option("links", OptionType.BOOL)
            .option("copy_links", OptionType.BOOL).defaultValue(false)
            .option("perms", OptionType.BOOL)
            .option("times", OptionType.BOOL)
            .option("owner", OptionType.BOOL)
            .option("group", OptionType.BOOL)
            .option("set_remote_user", OptionType.BOOL).defaultValue(true)
            .option("rsync_timeout", OptionType.INT).defaultValue(0L)
            .option("rsync_opts", OptionType.LIST).elements(OptionType.STR).defaultValue(List.of())
            .option("ssh_args", OptionType.STR)
            .option("use_ssh_args", OptionType.BOOL).defaultValue(false)
            .option("ssh_connection_multiplexing", OptionType.BOOL).defaultValue(false)
            .option("partial", OptionType.BOOL).defaultValue(false)
            .option("verify_host", OptionType.BOOL).defaultValue(false)
            .option("delete", OptionType.BOOL).defaultValue(false)
            .option("private_key", OptionType.PATH)
            .option("rsync_path", OptionType.STR)
            .option("delay_updates", OptionType.BOOL).defaultValue(true)
            .option("link_dest", OptionType.LIST).elements(OptionType.STR)
            .build();

    @Override
    public String name() {
        return "synchronize";
    }

    @Override
    public List<String> aliases() {
        return List.of("ansible.posix.synchronize", "ansible.legacy.synchronize");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        SshSettings ssh = ctx.connection().sshSettings();
        boolean push = "push".equals(args.string("mode"));
        String src = args.string("src");
        String dest = args.string("dest");
        // the controller-side path: relative ones are found like copy's src (role files/, playbook dir)
        String local = push ? src : dest;
        if (push && !local.startsWith("/") && !local.contains(":")) {
            Path found = ctx.sources().resolve("files", local.replaceAll("/+$", ""));
            local = found.toAbsolutePath() + (local.endsWith("/") ? "/" : "");
        }
        String remote = push ? dest : src;

        List<String> cmd = new ArrayList<>(List.of("rsync"));
        if (args.bool("delay_updates")) {
            cmd.add("--delay-updates");
            cmd.add("-F");
        }
        if (args.bool("compress")) {
            cmd.add("--compress");
        }
        if (args.integer("rsync_timeout") != 0) {
            cmd.add("--timeout=" + args.integer("rsync_timeout"));
        }
        if (ctx.checkMode()) {
            cmd.add("--dry-run");
        }
        if (args.bool("delete")) {
            cmd.add("--delete-after");
        }
        if (args.bool("existing_only")) {
            cmd.add("--existing");
        }
        if (args.bool("checksum")) {
            cmd.add("--checksum");
        }
        if (args.bool("copy_links")) {
            cmd.add("--copy-links");
        }
        String[] toggles = {"recursive", "links", "perms", "times", "owner", "group"};
        if (args.bool("archive")) {
            cmd.add("--archive");
            for (String t : toggles) {
                if (Boolean.FALSE.equals(args.boolOrNull(t))) {
                    cmd.add("--no-" + t);
                }
            }
        } else {
            for (String t : toggles) {
                if (Boolean.TRUE.equals(args.boolOrNull(t))) {
                    cmd.add("--" + t);
                }
            }
        }
        if (args.bool("dirs")) {
            cmd.add("--dirs");
        }
        if (ssh != null) {
            List<String> rsh = new ArrayList<>(List.of("ssh"));
            if (!args.bool("ssh_connection_multiplexing")) {
                rsh.addAll(List.of("-S", "none"));
            }
            String key = args.string("private_key");
            if (key == null && !ssh.privateKeyFiles().isEmpty()) {
                key = ssh.privateKeyFiles().get(0).toString();
            }
            if (key != null) {
                rsh.addAll(List.of("-i", key));
            }
            Long port = args.integer("dest_port");
            rsh.addAll(List.of("-o", "Port=" + (port != null ? port : ssh.port())));
            if (!args.bool("verify_host")) {
                rsh.addAll(List.of("-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null"));
            } else if (!ssh.knownHostsFiles().isEmpty()) {
                rsh.addAll(List.of("-o", "UserKnownHostsFile=" + ssh.knownHostsFiles().get(0)));
            }
            // never ask: a prompt would hang the run
            rsh.addAll(List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=" + ssh.connectTimeoutSeconds()));
            if (ssh.proxyJump() != null) {
                rsh.addAll(List.of("-o", "ProxyJump=" + ssh.proxyJump()));
            }
            if (ssh.proxyCommand() != null) {
                rsh.addAll(List.of("-o", "ProxyCommand=" + ssh.proxyCommand()));
            }
            String rshText = String.join(" ", rsh.stream().map(ShellQuote::quote).toList());
            if (args.string("ssh_args") != null) {
                rshText += " " + args.string("ssh_args");
            }
            if (args.strings("rsync_opts").stream().noneMatch(o -> o.contains("--rsh"))) {
                cmd.add("--rsh=" + rshText);
            }
            String user = args.bool("set_remote_user") ? ssh.effectiveUser() : null;
            String host = ssh.host().contains(":") ? "[" + ssh.host() + "]" : ssh.host();
            if (!remote.contains(":") || remote.startsWith("/")) {
                remote = (user != null ? user + "@" : "") + host + ":" + remote;
            }
        }
        if (args.string("rsync_path") != null) {
            cmd.add("--rsync-path=" + args.string("rsync_path"));
        }
        for (String opt : args.strings("rsync_opts")) {
            if (!opt.isEmpty()) {
                cmd.add(opt);
            }
        }
        if (args.bool("partial")) {
            cmd.add("--partial");
        }
        List<String> linkDest = args.strings("link_dest");
        if (linkDest != null && !linkDest.isEmpty()) {
            cmd.add("-H");
            cmd.add("-vv");
            linkDest.forEach(l -> cmd.add("--link-dest=" + l));
        }
        cmd.add("--out-format=" + CHANGED_MARKER + "%i %n%L");
        cmd.add(push ? local : remote);
        cmd.add(push ? remote : local);
        String cmdText = String.join(" ", cmd.stream().map(ShellQuote::quote).toList());

        Run r = run(cmd);
        if (r.rc() != 0) {
            throw new ModuleFailure(r.err(), Map.of("rc", (long) r.rc(), "cmd", cmdText));
        }
        boolean changed = linkDest != null && !linkDest.isEmpty() ? !r.out().contains(CHANGED_MARKER + ".") : r.out().contains(CHANGED_MARKER);
        String clean = r.out().replace(CHANGED_MARKER, "");
        List<String> lines = new ArrayList<>();
        for (String line : clean.split("\n", -1)) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("changed", changed);
        result.put("msg", clean);
        result.put("rc", (long) r.rc());
        result.put("cmd", cmdText);
        result.put("stdout_lines", lines);
        if (ctx.diffMode()) {
            result.put("diff", Map.of("prepared", clean));
        }
        return ModuleResult.builder().putAll(result).build();
    }

    private record Run(int rc, String out, String err) {
    }

    private static Run run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            byte[] out = p.getInputStream().readAllBytes();
            int rc = p.waitFor();
            return new Run(rc, new String(out, StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ModuleFailure("Failed to find required executable rsync in paths: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleFailure("interrupted while running rsync");
        }
    }
}
