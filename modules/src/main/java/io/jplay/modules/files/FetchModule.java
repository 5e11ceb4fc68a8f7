package io.jplay.modules.files;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.Digests;
import io.jplay.modules.support.FileFacts;
import io.jplay.modules.support.Probe;
import io.jplay.modules.support.RemoteStat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ansible.builtin.fetch: a probe (stat + sha1 on the target) decides whether the controller's copy is current;
 * only then is the file transferred. The local layout is Ansible's: {@code dest/<inventory_hostname>/<src>},
 * or with {@code flat} {@code dest} itself (or {@code dest/<basename>} when dest ends with a slash).
 */
public final class FetchModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("src", OptionType.STR).required()
            .option("dest", OptionType.STR).required()
            .option("flat", OptionType.BOOL).defaultValue(false)
            .option("fail_on_missing", OptionType.BOOL).defaultValue(true)
            .option("validate_checksum", OptionType.BOOL).defaultValue(true)
            .build();

    @Override
    public String name() {
        return "fetch";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        if (ctx.checkMode()) {
            return ModuleResult.builder().skipped("check mode not (yet) supported for this module").build();
        }
        ModuleArgs args = ctx.args();
        String src = args.string("src");
        String destArg = args.string("dest");
        if (destArg.startsWith("~")) {
            destArg = System.getProperty("user.home") + destArg.substring(1);
        }
        RemoteStat remote = FileFacts.probe(ctx.connection(), Probe.stat("s", src, true, true)).stat("s");
        if (!remote.exists()) {
            String msg = "the remote file does not exist, not transferring, ignored";
            if (args.bool("fail_on_missing")) {
                throw new ModuleFailure(msg);
            }
            return ModuleResult.builder().put("file", src).msg(msg).build();
        }
        if (remote.isDir()) {
            String msg = "remote file is a directory, fetch cannot work on directories";
            if (args.bool("fail_on_missing")) {
                throw new ModuleFailure(msg);
            }
            return ModuleResult.builder().put("file", src).msg(msg).build();
        }
        Path dest = localDest(destArg, src, args.bool("flat"), ctx.hostName());
        String localChecksum = checksumOf(dest);
        if (remote.checksum() != null && remote.checksum().equals(localChecksum)) {
            return ModuleResult.builder().put("checksum", localChecksum).put("dest", dest.toString()).put("file", src)
                    .put("md5sum", md5Of(dest)).build();
        }
        byte[] data = ctx.connection().get(src);
        try {
            if (dest.getParent() != null) {
                Files.createDirectories(dest.getParent());
            }
            Files.write(dest, data);
        } catch (IOException e) {
            throw new ModuleFailure("Failed to fetch the file: " + e.getMessage());
        }
        String newChecksum = Digests.sha1(data);
        if (args.bool("validate_checksum") && remote.checksum() != null && !remote.checksum().equals(newChecksum)) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("file", src);
            extra.put("dest", dest.toString());
            extra.put("remote_checksum", remote.checksum());
            extra.put("checksum", newChecksum);
            throw new ModuleFailure("checksum mismatch", extra);
        }
        return ModuleResult.builder().changed(true).put("checksum", newChecksum).put("dest", dest.toString())
                .put("md5sum", Digests.md5(data)).put("remote_checksum", remote.checksum()).put("remote_md5sum", null).build();
    }

    static Path localDest(String dest, String src, boolean flat, String host) {
        if (flat) {
            if (dest.endsWith("/")) {
                return Path.of(dest, Path.of(src).getFileName().toString());
            }
            return Path.of(dest);
        }
        String relative = src.startsWith("/") ? src.substring(1) : src;
        return Path.of(dest, host, relative).normalize();
    }

    private static String checksumOf(Path local) {
        try {
            return Files.isRegularFile(local) ? Digests.sha1(Files.readAllBytes(local)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String md5Of(Path local) {
        try {
            return Digests.md5(Files.readAllBytes(local));
        } catch (IOException e) {
            return null;
        }
    }
}
