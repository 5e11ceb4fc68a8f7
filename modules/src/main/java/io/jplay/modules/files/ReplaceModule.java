package io.jplay.modules.files;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.FileAttributes;
import io.jplay.modules.support.PyRegex;
import io.jplay.modules.support.RemoteText;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ansible.builtin.replace, ported from replace.py: re.subn with MULTILINE over the whole file, or over the
 * section between {@code after} and {@code before} (DOTALL, non-greedy when both are given).
 */
public final class ReplaceModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("path", OptionType.PATH).required().aliases("dest", "destfile", "name")
            .option("regexp", OptionType.STR).required()
            .option("replace", OptionType.STR).defaultValue("")
            .option("after", OptionType.STR)
            .option("before", OptionType.STR)
            .option("backup", OptionType.BOOL).defaultValue(false)
            .option("validate", OptionType.STR)
            .option("encoding", OptionType.STR).defaultValue("utf-8")
            .include(FileAttributes.SPEC)
            .build();

    @Override
    public String name() {
        return "replace";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String path = args.string("path");
        RemoteText file = RemoteText.read(ctx.connection(), path);
        if (file.isDirectory()) {
            throw new ModuleFailure("Path " + path + " is a directory !", Map.of("rc", 256L));
        }
        if (!file.exists()) {
            throw new ModuleFailure("Path " + path + " does not exist !", Map.of("rc", 257L));
        }
        Charset charset = Charset.forName(args.string("encoding"));
        String contents = new String(file.bytes(), charset);
        String after = args.string("after");
        String before = args.string("before");
        String pattern = "";
        if (after != null && !after.isEmpty() && before != null && !before.isEmpty()) {
            pattern = after + "(?P<subsection>.*?)" + before;
        } else if (after != null && !after.isEmpty()) {
            pattern = after + "(?P<subsection>.*)";
        } else if (before != null && !before.isEmpty()) {
            pattern = "(?P<subsection>.*)" + before;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rc", 0L);
        String section = contents;
        int start = 0;
        int end = contents.length();
        if (!pattern.isEmpty()) {
            Matcher m = PyRegex.compile(pattern, Pattern.DOTALL).matcher(contents);
            if (!m.find()) {
                return ModuleResult.builder().put("rc", 0L)
                        .msg("Pattern for before/after params did not match the given file: " + pattern).build();
            }
            section = m.group("subsection");
            start = m.start("subsection");
            end = m.end("subsection");
        }
        Object[] sub = PyRegex.subn(PyRegex.compile(args.string("regexp"), Pattern.MULTILINE), args.string("replace"), section);
        String replaced = (String) sub[0];
        int count = (Integer) sub[1];
        boolean changed = count > 0 && !section.equals(replaced);
        String msg = "";
        String newContents = contents;
        if (changed) {
            newContents = contents.substring(0, start) + replaced + contents.substring(end);
            msg = count + " replacements made";
            if (ctx.diffMode()) {
                Map<String, Object> diff = new LinkedHashMap<>();
                diff.put("before_header", path);
                diff.put("before", contents);
                diff.put("after_header", path);
                diff.put("after", newContents);
                result.put("diff", diff);
            }
        }
        FileAttributes.Plan attrs = file.attributesPlan(ctx.args());
        if (changed && !ctx.checkMode()) {
            String backup = file.write(ctx.connection(), newContents.getBytes(charset), args, args.bool("backup"));
            if (backup != null) {
                result.put("backup_file", backup);
            }
        }
        if (!changed) {
            attrs = file.fixAttributes(ctx.connection(), args, ctx.checkMode());
        }
        if (attrs != null && attrs.changed()) {
            msg = (changed ? msg + " and " : msg) + RemoteText.ATTRIBUTES_CHANGED;
            changed = true;
        }
        return ModuleResult.builder().putAll(result).msg(msg).changed(changed).build();
    }
}
