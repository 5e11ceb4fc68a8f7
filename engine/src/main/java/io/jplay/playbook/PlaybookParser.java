package io.jplay.playbook;

import io.jplay.error.Location;
import io.jplay.yaml.YamlLoader;
import io.jplay.yaml.YamlMap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a playbook file into {@link Play}s and {@link ImportPlaybook}s, validating keywords with
 * ansible-playbook's messages (exit code 4, file and line). Nothing is templated here.
 */
public final class PlaybookParser {

    private PlaybookParser() {
    }

    public static Playbook parse(Path file) {
        Object document = ParserErrors.parserExitCode(() -> YamlLoader.loadFile(file));
        Location fileLocation = Location.of(file, 1, 1);
        if (document == null) {
            return new Playbook(file, List.of());
        }
        if (!(document instanceof List<?> items)) {
            throw ParserErrors.error("A playbook must be a list of plays, got a "
                    + (document instanceof Map ? "<class 'ansible.parsing.yaml.objects.AnsibleMapping'>"
                    : TaskListParser.pythonClass(document)) + " instead: " + file, fileLocation);
        }
        List<PlaybookEntry> entries = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw ParserErrors.error("playbook entries must be either valid plays or 'import_playbook' statements",
                        fileLocation);
            }
            Location location = item instanceof YamlMap yamlMap ? yamlMap.location() : fileLocation;
            Map<String, Object> ds = ActionParser.stringKeys(map);
            if (ds.containsKey("import_playbook") || ds.containsKey("ansible.builtin.import_playbook")) {
                entries.add(parseImport(ds, location));
            } else {
                entries.add(parsePlay(ds, location));
            }
        }
        return new Playbook(file, entries);
    }

    private static ImportPlaybook parseImport(Map<String, Object> ds, Location location) {
        Object path = ds.containsKey("import_playbook") ? ds.get("import_playbook") : ds.get("ansible.builtin.import_playbook");
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ds.entrySet()) {
            if (!Keywords.IMPORT_PLAYBOOK.contains(e.getKey())) {
                throw ParserErrors.error("'" + e.getKey() + "' is not a valid attribute for a PlaybookInclude", location);
            }
            if (!e.getKey().endsWith("import_playbook")) {
                keywords.put(e.getKey(), e.getValue());
            }
        }
        if (path == null) {
            throw ParserErrors.error("import_playbook statements must specify the file name to import", location);
        }
        return new ImportPlaybook(String.valueOf(path), keywords, location);
    }

    private static Play parsePlay(Map<String, Object> ds, Location location) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ds.entrySet()) {
            String key = e.getKey();
            if (key.equals("user")) {
                // Ansible's old spelling of remote_user.
                if (ds.containsKey("remote_user")) {
                    throw ParserErrors.error("both 'user' and 'remote_user' are set for this play. The use of 'user' is "
                            + "deprecated, and should be removed", location);
                }
                keywords.put("remote_user", e.getValue());
                continue;
            }
            if (!Keywords.PLAY.contains(key)) {
                throw ParserErrors.error("'" + key + "' is not a valid attribute for a Play", location);
            }
            keywords.put(key, e.getValue());
        }
        validateHosts(keywords, location);
        return new Play(keywords,
                RoleListParser.parse(ds.get("roles"), location),
                TaskListParser.parse(ds.get("pre_tasks"), "pre_tasks", false, location),
                TaskListParser.parse(ds.get("tasks"), "tasks", false, location),
                TaskListParser.parse(ds.get("post_tasks"), "post_tasks", false, location),
                TaskListParser.parse(ds.get("handlers"), "handlers", true, location),
                location);
    }

    private static void validateHosts(Map<String, Object> keywords, Location location) {
        if (!keywords.containsKey("hosts")) {
            // Ansible reports this one without a position.
            throw ParserErrors.error("the field 'hosts' is required but was not set", Location.UNKNOWN);
        }
        Object hosts = keywords.get("hosts");
        if (hosts == null || "".equals(hosts) || (hosts instanceof List<?> l && l.isEmpty())) {
            throw ParserErrors.error("Hosts list cannot be empty. Please check your playbook", location);
        }
        if (hosts instanceof List<?> list) {
            for (Object entry : list) {
                if (entry == null) {
                    throw ParserErrors.error("Hosts list cannot contain values of 'None'. Please check your playbook", location);
                }
                if (entry instanceof Map || entry instanceof List) {
                    throw ParserErrors.error("Hosts list contains an invalid host value: '" + entry + "'", location);
                }
            }
        } else if (hosts instanceof Map) {
            throw ParserErrors.error("Hosts list must be a sequence or string. Please check your playbook.", location);
        }
    }
}
