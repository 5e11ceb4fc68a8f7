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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ansible.builtin.blockinfile, ported from blockinfile.py: markers around the block, the old block (found by
 * exact marker lines) replaced in place, otherwise inserted after/before the last line matching
 * insertafter/insertbefore (or the whole-file match for a (?m) expression), at EOF or BOF.
 */
public final class BlockInFileModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("path", OptionType.PATH).required().aliases("dest", "destfile", "name")
            .option("state", OptionType.STR).defaultValue("present").choices("absent", "present")
            .option("marker", OptionType.STR).defaultValue("# {mark} ANSIBLE MANAGED BLOCK")
            .option("block", OptionType.STR).defaultValue("").aliases("content")
            .option("insertafter", OptionType.STR)
            .option("insertbefore", OptionType.STR)
            .option("create", OptionType.BOOL).defaultValue(false)
            .option("backup", OptionType.BOOL).defaultValue(false)
            .option("validate", OptionType.STR)
            .option("marker_begin", OptionType.STR).defaultValue("BEGIN")
            .option("marker_end", OptionType.STR).defaultValue("END")
            .include(FileAttributes.SPEC)
            .mutuallyExclusive("insertbefore", "insertafter")
            .build();

    @Override
    public String name() {
        return "blockinfile";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    /** Python's bytes.splitlines(True): breaks after \n, \r\n and \r, keeping them. */
    static List<String> splitLinesKeepEnds(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') ? i + 2 : i + 1;
                lines.add(text.substring(start, end));
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String path = args.string("path");
        RemoteText file = RemoteText.read(ctx.connection(), path);
        if (file.isDirectory()) {
            throw new ModuleFailure("Path " + path + " is a directory !", Map.of("rc", 256L));
        }
        boolean present = "present".equals(args.string("state"));
        if (!file.exists()) {
            if (!args.bool("create")) {
                throw new ModuleFailure("Path " + path + " does not exist !", Map.of("rc", 257L));
            }
        }
        String original = file.exists() ? file.text() : null;
        List<String> lines = original == null ? new ArrayList<>() : splitLinesKeepEnds(original);
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("before", "");
        diff.put("after", "");
        diff.put("before_header", path + " (content)");
        diff.put("after_header", path + " (content)");
        if (ctx.diffMode() && original != null && !original.isEmpty()) {
            diff.put("before", original);
        }
        if (!present && !file.exists()) {
            return ModuleResult.builder().msg("File " + path + " not present").build();
        }
        String insertbefore = args.string("insertbefore");
        String insertafter = args.string("insertafter");
        if (insertbefore == null && insertafter == null) {
            insertafter = "EOF";
        }
        Pattern insertre = null;
        if (insertafter != null && !insertafter.equals("EOF")) {
            insertre = PyRegex.compile(insertafter, 0);
        } else if (insertbefore != null && !insertbefore.equals("BOF")) {
            insertre = PyRegex.compile(insertbefore, 0);
        }
        String marker = args.string("marker");
        String marker0 = marker.replace("{mark}", args.string("marker_begin")) + "\n";
        String marker1 = marker.replace("{mark}", args.string("marker_end")) + "\n";
        String block = args.string("block");
        List<String> blockLines = new ArrayList<>();
        if (present && !block.isEmpty()) {
            if (!block.endsWith("\n")) {
                block += "\n";
            }
            blockLines.add(marker0);
            blockLines.addAll(splitLinesKeepEnds(block));
            blockLines.add(marker1);
        }
        Integer n0 = null;
        Integer n1 = null;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(marker0)) {
                n0 = i;
            }
            if (lines.get(i).equals(marker1)) {
                n1 = i;
            }
        }
        if (n0 == null || n1 == null) {
            n0 = null;
            if (insertre != null) {
                if ((insertre.flags() & Pattern.MULTILINE) != 0 || insertre.pattern().startsWith("(?m")) {
                    Matcher m = insertre.matcher(original == null ? "" : original);
                    if (m.find()) {
                        n0 = count(original, insertafter != null ? m.end() : m.start());
                    }
                } else {
                    for (int i = 0; i < lines.size(); i++) {
                        if (insertre.matcher(lines.get(i)).find()) {
                            n0 = i;
                        }
                    }
                }
                if (n0 == null) {
                    n0 = lines.size();
                } else if (insertafter != null) {
                    n0 += 1;
                }
            } else if (insertbefore != null) {
                n0 = 0;
            } else {
                n0 = lines.size();
            }
        } else if (n0 < n1) {
            lines.subList(n0, n1 + 1).clear();
        } else {
            lines.subList(n1, n0 + 1).clear();
            n0 = n1;
        }
        if (n0 > 0 && !lines.get(n0 - 1).endsWith("\n")) {
            lines.set(n0 - 1, lines.get(n0 - 1) + "\n");
        }
        lines.addAll(n0, blockLines);
        String result = String.join("", lines);
        if (ctx.diffMode()) {
            diff.put("after", result);
        }
        String msg;
        boolean changed;
        if (result.equals(original)) {
            msg = "";
            changed = false;
        } else if (original == null) {
            msg = "File created";
            changed = true;
        } else if (blockLines.isEmpty()) {
            msg = "Block removed";
            changed = true;
        } else {
            msg = "Block inserted";
            changed = true;
        }
        String backupFile = null;
        FileAttributes.Plan attrs = file.attributesPlan(args);
        if (changed && !ctx.checkMode()) {
            backupFile = file.write(ctx.connection(), result.getBytes(StandardCharsets.UTF_8), args, args.bool("backup"));
        }
        if (ctx.checkMode() && !file.exists()) {
            return ModuleResult.builder().changed(changed).msg(msg).put("diff", diff).build();
        }
        if (!changed) {
            attrs = file.fixAttributes(ctx.connection(), args, ctx.checkMode());
        }
        if (attrs != null && attrs.changed()) {
            msg = (changed ? msg + " and " : msg) + RemoteText.ATTRIBUTES_CHANGED;
            changed = true;
        }
        ModuleResult.Builder b = ModuleResult.builder().changed(changed).msg(msg)
                .put("diff", List.of(diff, file.attributeDiff(attrs != null && attrs.changed() ? attrs : null)));
        if (backupFile != null) {
            b.put("backup_file", backupFile);
        }
        return b.build();
    }

    private static int count(String text, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
