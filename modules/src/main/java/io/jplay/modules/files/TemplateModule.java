package io.jplay.modules.files;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.FileAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.template: the template (found in the role's or playbook's {@code templates/}) is rendered on
 * the controller by the executor's {@link io.jplay.module.TemplateRenderer}, then put in place with copy's
 * rules, so idempotence, check mode, diff, backup and validate behave as for copy.
 */
public final class TemplateModule implements Module {

    private static final List<String> RENDER_OPTIONS = List.of("trim_blocks", "lstrip_blocks", "newline_sequence",
            "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
            "comment_start_string", "comment_end_string");

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("src", OptionType.PATH).required()
            .option("dest", OptionType.PATH).required()
            .option("backup", OptionType.BOOL).defaultValue(false)
            .option("force", OptionType.BOOL).defaultValue(true)
            .option("validate", OptionType.STR)
            .option("follow", OptionType.BOOL).defaultValue(false)
            .option("newline_sequence", OptionType.STR).defaultValue("\n").choices("\n", "\r", "\r\n")
            .option("trim_blocks", OptionType.BOOL).defaultValue(true)
            .option("lstrip_blocks", OptionType.BOOL).defaultValue(false)
            .option("block_start_string", OptionType.STR).defaultValue("{%")
            .option("block_end_string", OptionType.STR).defaultValue("%}")
            .option("variable_start_string", OptionType.STR).defaultValue("{{")
            .option("variable_end_string", OptionType.STR).defaultValue("}}")
            .option("comment_start_string", OptionType.STR)
            .option("comment_end_string", OptionType.STR)
            .option("output_encoding", OptionType.STR).defaultValue("utf-8")
            .include(FileAttributes.SPEC)
            .build();

    @Override
    public String name() {
        return "template";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        Path source = ctx.sources().resolve("templates", args.string("src"));
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModuleFailure("Could not find or access '" + args.string("src") + "' on the Ansible Controller.");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        for (String name : RENDER_OPTIONS) {
            options.put(name, args.get(name));
        }
        String rendered = ctx.templates().render(source, text, options);
        String newline = args.string("newline_sequence");
        if (!"\n".equals(newline)) {
            rendered = rendered.replace("\r\n", "\n").replace("\n", newline);
        }
        String dest = args.string("dest");
        if (dest.endsWith("/")) {
            dest = dest + source.getFileName();
        }
        byte[] data = rendered.getBytes(java.nio.charset.Charset.forName(args.string("output_encoding")));
        // Ansible renders into <local tmp>/<template name> and names that file in the diff header
        return new CopyModule().copyBytes(ctx, data, source.getFileName().toString(), dest, null,
                LocalTemp.directory() + "/" + source.getFileName());
    }
}
