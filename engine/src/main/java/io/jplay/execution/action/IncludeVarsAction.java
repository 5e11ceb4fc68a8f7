package io.jplay.execution.action;

import io.jplay.vars.VarsFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** ansible.builtin.include_vars: a file (free form or file=), or every yml/yaml/json file of a dir; name= nests them. */
final class IncludeVarsAction implements ActionPlugin {

    @Override
    public Map<String, Object> run(ActionContext context) {
        Map<String, Object> args = context.args();
        Object fileArg = args.get("file") != null ? args.get("file") : args.get("_raw_params");
        List<Path> files = new ArrayList<>();
        if (args.get("dir") != null) {
            String dirName = String.valueOf(args.get("dir"));
            Path dir = context.findFile().apply("vars", dirName);
            if (dir == null || !Files.isDirectory(dir)) {
                throw new ActionFailure(dirName + " directory does not exist");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                entries.filter(p -> p.toString().matches(".*\\.(yml|yaml|json)$")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new ActionFailure(e.getMessage());
            }
        } else if (fileArg != null) {
            String name = String.valueOf(fileArg);
            Path file = context.findFile().apply("vars", name);
            if (file == null) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ansible_facts", new LinkedHashMap<>());
                result.put("ansible_included_var_files", new ArrayList<>());
                result.put("changed", false);
                result.put("failed", true);
                result.put("message", "Could not find or access '" + name + "'\nSearched in:\n\t"
                        + String.join("\n\t", searchedIn(context, name)) + " on the Ansible Controller.\nIf you are using a module and expect the file to exist on the remote, see the remote_src option");
                return result;
            }
            files.add(file);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        List<Object> loaded = new ArrayList<>();
        for (Path file : files) {
            vars.putAll(VarsFiles.loadMapping(file));
            loaded.add(file.toString());
        }
        Map<String, Object> facts = vars;
        if (args.get("name") != null) {
            facts = new LinkedHashMap<>();
            facts.put(String.valueOf(args.get("name")), vars);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ansible_facts", facts);
        result.put("ansible_included_var_files", loaded);
        result.put("changed", false);
        return result;
    }

    /**
     * DataLoader.path_dwim_relative_stack's candidates: DIR/vars/NAME and DIR/NAME for each search directory;
     * Ansible searches a playbook task's directory and the play's base directory, the same folder twice.
     */
    private static List<String> searchedIn(ActionContext context, String name) {
        List<Path> dirs = context.searchPaths().apply(null);
        List<Path> searched = new ArrayList<>(dirs);
        if (dirs.size() == 1) {
            searched.add(dirs.get(0));
        }
        List<String> out = new ArrayList<>();
        for (Path dir : searched) {
            out.add(dir.resolve("vars").resolve(name).toString());
            out.add(dir.resolve(name).toString());
        }
        return out;
    }
}
