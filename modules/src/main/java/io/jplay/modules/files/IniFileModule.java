package io.jplay.modules.files;

import io.jplay.module.ArgumentSpec;
import io.jplay.module.Module;
import io.jplay.module.ModuleArgs;
import io.jplay.module.ModuleContext;
import io.jplay.module.ModuleFailure;
import io.jplay.module.ModuleResult;
import io.jplay.module.OptionType;
import io.jplay.modules.support.FileAttributes;
import io.jplay.modules.support.FileFacts;
import io.jplay.modules.support.FileWriter;
import io.jplay.modules.support.RemoteStat;
import io.jplay.modules.support.RemoteText;
import io.jplay.modules.support.Sh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * community.general.ini_file (6.x): one round trip reads the file, the edit is a line-for-line port of the
 * module's do_ini on the controller, and a second round trip writes it back only when it changed (attributes
 * in the same script).
 */
public final class IniFileModule implements Module {

    private static final String FAKE_SECTION = "ad01e11446efb704fcdbdb21f2c43757423d91c5";
    private static final Pattern BLANK_OR_COMMENT = Pattern.compile("^[ \\t]*([#;].*)?$", Pattern.UNIX_LINES);

    private static final ArgumentSpec SPEC = ArgumentSpec.builder()
            .option("path", OptionType.PATH).required().aliases("dest")
            .option("section", OptionType.STR)
            .option("option", OptionType.STR)
            .option("value", OptionType.STR)
            .option("values", OptionType.LIST).elements(OptionType.STR)
            .option("backup", OptionType.BOOL).defaultValue(false)
            .option("state", OptionType.STR).defaultValue("present").choices("absent", "present")
            .option("exclusive", OptionType.BOOL).defaultValue(true)
            .option("no_extra_spaces", OptionType.BOOL).defaultValue(false)
            .option("allow_no_value", OptionType.BOOL).defaultValue(false)
            .option("create", OptionType.BOOL).defaultValue(true)
            .mutuallyExclusive("value", "values")
            .include(FileAttributes.SPEC)
            .build();

    @Override
    public String name() {
        return "ini_file";
    }

    @Override
    public List<String> aliases() {
        return List.of("community.general.ini_file", "ansible.legacy.ini_file");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return SPEC;
    }

    /** The edited text and what do_ini says about it. */
    record Edit(String text, boolean changed, String msg) {
    }

    @Override
    public ModuleResult run(ModuleContext ctx) {
        ModuleArgs args = ctx.args();
        String path = args.string("path");
        String state = args.string("state");
        boolean allowNoValue = args.bool("allow_no_value");
        List<String> values;
        if (args.string("value") != null) {
            values = new ArrayList<>(List.of(args.string("value")));
        } else if (args.strings("values") != null) {
            values = new ArrayList<>(args.strings("values"));
        } else {
            values = new ArrayList<>();
        }
        if ("present".equals(state) && !allowNoValue && values.isEmpty()) {
            throw new ModuleFailure("Parameter 'value(s)' must be defined if state=present and allow_no_value=False.");
        }
        RemoteText file = RemoteText.read(ctx.connection(), path);
        if (!file.exists() && !args.bool("create")) {
            throw new ModuleFailure("Destination " + path + " does not exist!", Map.of("rc", 257L));
        }
        String before = file.exists() ? stripBom(file.text()) : "";
        Edit edit = edit(before, args.string("section"), args.string("option"), values, state, args.bool("exclusive"),
                args.bool("no_extra_spaces"), allowNoValue);

        Map<String, Object> diff = new LinkedHashMap<>();
        diff.put("before", ctx.diffMode() ? before.replace("\r\n", "\n") : "");
        diff.put("after", ctx.diffMode() ? edit.text() : "");
        diff.put("before_header", path + " (content)");
        diff.put("after_header", path + " (content)");

        boolean changed = edit.changed();
        String backupFile = null;
        RemoteStat after = file.stat();
        if (changed && !ctx.checkMode()) {
            if (!file.exists()) {
                String parent = path.contains("/") ? path.substring(0, Math.max(path.lastIndexOf('/'), 1)) : ".";
                FileFacts.change(ctx.connection(), "mkdir -p -- " + Sh.q(parent), parent, true);
            }
            FileAttributes.Plan plan = file.attributesPlan(args);
            FileWriter.Written written = FileWriter.write(ctx.connection(), path, edit.text().getBytes(StandardCharsets.UTF_8),
                    file.stat(), args.bool("backup"), null, plan);
            after = written.stat();
            backupFile = written.backupFile();
        } else if (!ctx.checkMode() && file.exists()) {
            FileAttributes.Plan plan = file.attributesPlan(args);
            if (plan.changed()) {
                after = FileFacts.change(ctx.connection(), plan.commands(), path, true).stat("a");
                changed = true;
            }
        }
        ModuleResult.Builder result = ModuleResult.builder().changed(changed).put("diff", diff).msg(edit.msg()).put("path", path);
        if (backupFile != null) {
            result.put("backup_file", backupFile);
        }
        if (after.exists()) {
            result.putAll(FileAttributes.pathInfo(after));
        }
        return result.build();
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Matcher matchOpt(String option, String line) {
        Matcher m = Pattern.compile("[#;]?( |\\t)*(" + Pattern.quote(option) + ")( |\\t)*(=|$)( |\\t)*(.*)", Pattern.UNIX_LINES).matcher(line);
        return m.lookingAt() ? m : null;
    }

    private static Matcher matchActiveOpt(String option, String line) {
        Matcher m = Pattern.compile("( |\\t)*(" + Pattern.quote(option) + ")( |\\t)*(=|$)( |\\t)*(.*)", Pattern.UNIX_LINES).matcher(line);
        return m.lookingAt() ? m : null;
    }

    /** do_ini's text transformation, kept in the module's order of steps so that its quirks stay the same. */
    static Edit edit(String text, String section, String option, List<String> rawValues, String state, boolean exclusive,
                     boolean noExtraSpaces, boolean allowNoValue) {
        List<String> values = new ArrayList<>();
        for (String v : rawValues) {
            if (v != null && !values.contains(v)) {
                values.add(v);
            }
        }
        // Python's readlines() in text mode: universal newlines, each line keeps its "\n"
        List<String> lines = new ArrayList<>();
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        int start = 0;
        while (start < normalized.length()) {
            int nl = normalized.indexOf('\n', start);
            int end = nl < 0 ? normalized.length() : nl + 1;
            lines.add(normalized.substring(start, end));
            start = end;
        }
        boolean changed = false;
        if (lines.isEmpty()) {
            lines.add("\n");
        }
        String last = lines.get(lines.size() - 1);
        if (last.isEmpty() || !last.endsWith("\n")) {
            lines.set(lines.size() - 1, last + "\n");
            changed = true;
        }
        lines.add(0, "[" + FAKE_SECTION + "]");
        lines.add("[");
        if (section == null || section.isEmpty()) {
            section = FAKE_SECTION;
        }
        boolean withinSection = false;
        int sectionStart = 0;
        int sectionEnd = 0;
        String msg = "OK";
        String format = noExtraSpaces ? "%s=%s\n" : "%s = %s\n";
        boolean optionNoValuePresent = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("[" + section + "]")) {
                withinSection = true;
                sectionStart = i;
            } else if (line.startsWith("[")) {
                if (withinSection) {
                    sectionEnd = i;
                    break;
                }
            }
        }
        List<String> beforeLines = new ArrayList<>(lines.subList(0, sectionStart));
        List<String> sectionLines = new ArrayList<>(lines.subList(sectionStart, Math.max(sectionStart, sectionEnd)));
        List<String> afterLines = new ArrayList<>(lines.subList(Math.max(sectionStart, sectionEnd), lines.size()));
        if (sectionEnd < sectionStart) {
            // Python's slicing: ini_lines[start:0] is empty and ini_lines[0:] is everything
            sectionLines = new ArrayList<>();
            afterLines = new ArrayList<>(lines.subList(sectionEnd, lines.size()));
        }
        List<Boolean> changedLines = new ArrayList<>();
        sectionLines.forEach(l -> changedLines.add(false));

        if ("present".equals(state) && option != null) {
            for (int i = 0; i < sectionLines.size(); i++) {
                Matcher m = matchOpt(option, sectionLines.get(i));
                if (m != null) {
                    String matched = m.group(6);
                    if (!values.isEmpty() && values.contains(matched)) {
                        String newline;
                        if (matched.isEmpty() && allowNoValue) {
                            newline = option + "\n";
                            optionNoValuePresent = true;
                        } else {
                            newline = String.format(format, option, matched);
                        }
                        if (!sectionLines.get(i).equals(newline)) {
                            changed = true;
                            msg = "option changed";
                        }
                        sectionLines.set(i, newline);
                        changedLines.set(i, true);
                        values.remove(matched);
                    } else if (values.isEmpty() && allowNoValue) {
                        String newline = option + "\n";
                        if (!sectionLines.get(i).equals(newline)) {
                            changed = true;
                            msg = "option changed";
                        }
                        sectionLines.set(i, newline);
                        changedLines.set(i, true);
                        optionNoValuePresent = true;
                        break;
                    }
                }
            }
        }
        if ("present".equals(state) && exclusive && !allowNoValue) {
            if (!values.isEmpty()) {
                for (int i = 0; i < sectionLines.size(); i++) {
                    if (!changedLines.get(i) && option != null && matchOpt(option, sectionLines.get(i)) != null) {
                        String newline = String.format(format, option, values.remove(0));
                        if (!sectionLines.get(i).equals(newline)) {
                            changed = true;
                            msg = "option changed";
                        }
                        sectionLines.set(i, newline);
                        changedLines.set(i, true);
                        if (values.isEmpty()) {
                            break;
                        }
                    }
                }
            }
            for (int i = sectionLines.size() - 1; i > 0; i--) {
                if (!changedLines.get(i) && option != null && matchOpt(option, sectionLines.get(i)) != null) {
                    sectionLines.remove(i);
                    changedLines.remove(i);
                    changed = true;
                    msg = "option changed";
                }
            }
        }
        if ("present".equals(state)) {
            for (int i = sectionLines.size(); i > 0; i--) {
                if (!BLANK_OR_COMMENT.matcher(sectionLines.get(i - 1)).lookingAt()) {
                    if (option != null && !values.isEmpty()) {
                        for (int v = values.size() - 1; v >= 0; v--) {
                            sectionLines.add(i, String.format(format, option, values.get(v)));
                            msg = "option added";
                            changed = true;
                        }
                    } else if (option != null && values.isEmpty() && allowNoValue && !optionNoValuePresent) {
                        sectionLines.add(i, option + "\n");
                        msg = "option added";
                        changed = true;
                    }
                    break;
                }
            }
        }
        if ("absent".equals(state)) {
            if (option != null) {
                if (exclusive) {
                    List<String> kept = new ArrayList<>();
                    for (String l : sectionLines) {
                        if (matchActiveOpt(option, l) == null) {
                            kept.add(l);
                        }
                    }
                    if (!kept.equals(sectionLines)) {
                        changed = true;
                        msg = "option changed";
                        sectionLines = kept;
                    }
                } else if (!values.isEmpty()) {
                    List<String> kept = new ArrayList<>();
                    for (String l : sectionLines) {
                        Matcher m = matchActiveOpt(option, l);
                        if (!(m != null && values.contains(m.group(6)))) {
                            kept.add(l);
                        }
                    }
                    if (!kept.equals(sectionLines)) {
                        changed = true;
                        msg = "option changed";
                        sectionLines = kept;
                    }
                }
            } else if (!sectionLines.isEmpty()) {
                sectionLines = new ArrayList<>();
                msg = "section removed";
                changed = true;
            }
        }
        List<String> result = new ArrayList<>(beforeLines);
        result.addAll(sectionLines);
        result.addAll(afterLines);
        result.remove(0);
        result.remove(result.size() - 1);
        if (!withinSection && "present".equals(state)) {
            result.add("[" + section + "]\n");
            msg = "section and option added";
            if (option != null && !values.isEmpty()) {
                for (String v : values) {
                    result.add(String.format(format, option, v));
                }
            } else if (option != null && values.isEmpty() && allowNoValue) {
                result.add(option + "\n");
            } else {
                msg = "only section added";
            }
            changed = true;
        }
        return new Edit(String.join("", result), changed, msg);
    }
}
