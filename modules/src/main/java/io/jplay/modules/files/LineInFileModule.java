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
 * ansible.builtin.lineinfile, a line-for-line port of lineinfile.py's present()/absent() over the file's lines
 * (each keeping its "\n", as Python's readlines). The file is fetched in the probe round trip, edited on the
 * controller and written back only when it changed.
 */
public final class LineInFileModule implements Module {

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("path", OptionType.PATH).required().aliases("dest", "destfile", "name")
            .option("state", OptionType.STR).defaultValue("present").choices("absent", "present")
            .option("regexp", OptionType.STR).aliases("regex")
            .option("search_string", OptionType.STR)
            .option("line", OptionType.STR).aliases("value")
            .option("insertafter", OptionType.STR)
            .option("insertbefore", OptionType.STR)
            .option("backrefs", OptionType.BOOL).defaultValue(false)
            .option("create", OptionType.BOOL).defaultValue(false)
            .option("backup", OptionType.BOOL).defaultValue(false)
            .option("firstmatch", OptionType.BOOL).defaultValue(false)
            .option("validate", OptionType.STR)
            .include(FileAttributes.SPEC)
            .mutuallyExclusive("insertbefore", "insertafter")
            .mutuallyExclusive("regexp", "search_string")
            .mutuallyExclusive("backrefs", "search_string")
            .build();

    @Override
    public String name() {
        return "lineinfile";
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String path = args.string("path");
        String regexp = args.string("regexp");
        String search = args.string("search_string");
        if ("".equals(regexp) || "".equals(search)) {
            String param = "".equals(regexp) ? "regular expression" : "search string";
            String msg = "The " + param + " is an empty string, which will match every line in the file. "
                    + "This may have unintended consequences, such as replacing the last line in the file rather than appending.";
            if ("".equals(regexp)) {
                msg += " If this is desired, use '^' to match every line in the file and avoid this warning.";
            }
            ctx.warn(msg);
        }
        RemoteText file = RemoteText.read(ctx.connection(), path);
        if (file.isDirectory()) {
            throw new ModuleFailure("Path " + path + " is a directory !", Map.of("rc", 256L));
        }
        if ("present".equals(args.string("state"))) {
            if (args.bool("backrefs") && regexp == null) {
                throw new ModuleFailure("regexp is required with backrefs=true");
            }
            if (args.string("line") == null) {
                throw new ModuleFailure("line is required with state=present");
            }
            String before = args.string("insertbefore");
            String after = args.string("insertafter");
            if (before == null && after == null) {
                after = "EOF";
            }
            return present(ctx, file, path, regexp, search, args.string("line"), after, before);
        }
        if (regexp == null && search == null && args.string("line") == null) {
            throw new ModuleFailure("one of line, search_string, or regexp is required with state=absent");
        }
        return absent(ctx, file, path, regexp, search, args.string("line"));
    }

    /** Python's bytes.readlines(): split after each "\n", keeping it. */
    static List<String> readLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    static String stripEol(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static Map<String, Object> contentDiff(String path) {
        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("before", "");
        diff.put("after", "");
        diff.put("before_header", path + " (content)");
        diff.put("after_header", path + " (content)");
        return diff;
    }

    private ModuleResult present(ModuleContext ctx, RemoteText file, String path, String regexp, String search, String line,
                                 String insertafter, String insertbefore) {
        ModuleArgs args = ctx.args();
        boolean firstmatch = args.bool("firstmatch");
        boolean backrefs = args.bool("backrefs");
        Map<String, Object> diff = contentDiff(path);
        if (!file.exists() && !args.bool("create")) {
            throw new ModuleFailure("Destination " + path + " does not exist !", Map.of("rc", 257L));
        }
        List<String> lines = readLines(file.text());
        if (ctx.diffMode()) {
            diff.put("before", String.join("", lines));
        }
        Pattern re = regexp == null ? null : PyRegex.compile(regexp, 0);
        Pattern ins = null;
        if (insertafter != null && !insertafter.equals("BOF") && !insertafter.equals("EOF")) {
            ins = PyRegex.compile(insertafter, 0);
        } else if (insertbefore != null && !insertbefore.equals("BOF")) {
            ins = PyRegex.compile(insertbefore, 0);
        }
        int index0 = -1;
        int index1 = -1;
        Matcher match = null;
        boolean found = false;
        boolean exactLineMatch = false;
        if (re != null) {
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = re.matcher(lines.get(i));
                if (m.find()) {
                    index0 = i;
                    match = m;
                    found = true;
                    if (firstmatch) {
                        break;
                    }
                }
            }
        }
        if (search != null) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(search)) {
                    index0 = i;
                    found = true;
                    if (firstmatch) {
                        break;
                    }
                }
            }
        }
        if (!found) {
            for (int i = 0; i < lines.size(); i++) {
                String cur = lines.get(i);
                if (line.equals(stripEol(cur))) {
                    index0 = i;
                    exactLineMatch = true;
                } else if (ins != null && ins.matcher(cur).find()) {
                    if (insertafter != null) {
                        index1 = i + 1;
                        if (firstmatch) {
                            break;
                        }
                    }
                    if (insertbefore != null) {
                        index1 = i;
                        if (firstmatch) {
                            break;
                        }
                    }
                }
            }
        }
        String msg = "";
        boolean changed = false;
        String sep = "\n";
        if (index0 != -1) {
            String newLine = backrefs && match != null ? PyRegex.expand(match, line) : line;
            if (!newLine.endsWith(sep)) {
                newLine += sep;
            }
            if (regexp == null && search == null && !found && !exactLineMatch) {
                // unreachable in lineinfile.py too: index0 is only set by a match
                throw new IllegalStateException("unexpected state");
            } else if (!lines.get(index0).equals(newLine)) {
                lines.set(index0, newLine);
                msg = "line replaced";
                changed = true;
            }
        } else if (backrefs) {
            // backrefs without a match: leave the file alone
        } else if ("BOF".equals(insertbefore) || "BOF".equals(insertafter)) {
            lines.add(0, line + sep);
            msg = "line added";
            changed = true;
        } else if ("EOF".equals(insertafter) || index1 == -1) {
            if (!lines.isEmpty() && !endsWithEol(lines.get(lines.size() - 1))) {
                lines.add(sep);
            }
            lines.add(line + sep);
            msg = "line added";
            changed = true;
        } else if (insertafter != null && index1 != -1) {
            if (lines.size() == index1) {
                if (!stripEol(lines.get(index1 - 1)).equals(line)) {
                    lines.add(line + sep);
                    msg = "line added";
                    changed = true;
                }
            } else if (!line.equals(stripEol(lines.get(index1)))) {
                lines.add(index1, line + sep);
                msg = "line added";
                changed = true;
            }
        } else {
            lines.add(index1, line + sep);
            msg = "line added";
            changed = true;
        }
        String result = String.join("", lines);
        if (ctx.diffMode()) {
            diff.put("after", result);
        }
        return finish(ctx, file, path, changed, msg, result, diff, null);
    }

    private static boolean endsWithEol(String line) {
        return line.endsWith("\n") || line.endsWith("\r");
    }

    private ModuleResult absent(ModuleContext ctx, RemoteText file, String path, String regexp, String search, String line) {
        if (!file.exists()) {
            return ModuleResult.builder().msg("file not present").build();
        }
        Map<String, Object> diff = contentDiff(path);
        List<String> lines = readLines(file.text());
        if (ctx.diffMode()) {
            diff.put("before", String.join("", lines));
        }
        Pattern re = regexp == null ? null : PyRegex.compile(regexp, 0);
        List<String> kept = new ArrayList<>();
        int found = 0;
        for (String cur : lines) {
            boolean matches = re != null ? re.matcher(cur).find() : search != null ? cur.contains(search) : line.equals(stripEol(cur));
            if (matches) {
                found++;
            } else {
                kept.add(cur);
            }
        }
        boolean changed = found > 0;
        String result = String.join("", kept);
        if (ctx.diffMode()) {
            diff.put("after", result);
        }
        return finish(ctx, file, path, changed, changed ? found + " line(s) removed" : "", result, diff, (long) found);
    }

    private ModuleResult finish(ModuleContext ctx, RemoteText file, String path, boolean changed, String msg, String result,
                                Map<String, Object> diff, Long found) {
        ModuleArgs args = ctx.args();
        String backup = "";
        FileAttributes.Plan attrs = file.attributesPlan(args);
        if (changed && !ctx.checkMode()) {
            String b = file.write(ctx.connection(), result.getBytes(StandardCharsets.UTF_8), args, args.bool("backup"));
            backup = b == null ? "" : b;
        }
        if (ctx.checkMode() && !file.exists()) {
            return ModuleResult.builder().changed(changed).msg(msg).put("backup", backup).put("diff", diff).build();
        }
        if (!changed) {
            attrs = file.fixAttributes(ctx.connection(), args, ctx.checkMode());
        }
        if (attrs != null && attrs.changed()) {
            msg = (changed ? msg + " and " : msg) + RemoteText.ATTRIBUTES_CHANGED;
            changed = true;
        }
        ModuleResult.Builder b = ModuleResult.builder().changed(changed);
        if (found != null) {
            b.put("found", found);
        }
        return b.msg(msg).put("backup", backup).put("diff", List.of(diff, file.attributeDiff(attrs != null && attrs.changed() ? attrs : null))).build();
    }
}
