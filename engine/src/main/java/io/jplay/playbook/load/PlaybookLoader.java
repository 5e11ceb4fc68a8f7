package io.jplay.playbook.load;

import io.jplay.error.JplayException;
import io.jplay.playbook.ImportPlaybook;
import io.jplay.playbook.Play;
import io.jplay.playbook.Playbook;
import io.jplay.playbook.PlaybookEntry;
import io.jplay.playbook.PlaybookParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a playbook and every playbook it imports (import_playbook, recursively) into the flat list of plays
 * ansible-playbook runs, applying each import's vars, tags and when to the plays it brings in
 * (ansible/playbook/playbook_include.py).
 */
public final class PlaybookLoader {

    private static final int MAX_IMPORT_DEPTH = 64;

    private final LoadTimeTemplater templater;

    public PlaybookLoader(LoadTimeTemplater templater) {
        this.templater = templater;
    }

    public List<PlaySource> load(Path playbook) {
        return load(playbook.toAbsolutePath().normalize(), 0);
    }

    private List<PlaySource> load(Path file, int depth) {
        if (depth > MAX_IMPORT_DEPTH) {
            throw new JplayException("import_playbook nests deeper than " + MAX_IMPORT_DEPTH
                    + " levels: does " + file + " import itself?");
        }
        Playbook playbook = PlaybookParser.parse(file);
        List<PlaySource> plays = new ArrayList<>();
        for (PlaybookEntry entry : playbook.entries()) {
            if (entry instanceof Play play) {
                plays.add(new PlaySource(play, file, List.of()));
            } else if (entry instanceof ImportPlaybook importPlaybook) {
                plays.addAll(importPlays(importPlaybook, playbook.directory(), depth));
            }
        }
        return plays;
    }

    private List<PlaySource> importPlays(ImportPlaybook statement, Path directory, int depth) {
        Map<String, Object> importVars = asMap(statement.keywords().get("vars"));
        String name = String.valueOf(templater.template(statement.path(), importVars));
        Path target = directory.resolve(name).normalize();
        if (!Files.isRegularFile(target)) {
            throw new JplayException("Unable to retrieve file contents\nCould not find or access '" + target + "'",
                    statement.location());
        }
        List<Object> conditions = asList(statement.keywords().get("when"));
        List<Object> importTags = asList(statement.keywords().get("tags"));
        List<PlaySource> imported = new ArrayList<>();
        for (PlaySource source : load(target, depth + 1)) {
            Map<String, Object> keywords = new LinkedHashMap<>(source.play().keywords());
            Map<String, Object> vars = new LinkedHashMap<>(asMap(keywords.get("vars")));
            vars.putAll(importVars);
            if (!vars.isEmpty()) {
                keywords.put("vars", vars);
            }
            if (!importTags.isEmpty()) {
                Set<Object> tags = new LinkedHashSet<>(asList(keywords.get("tags")));
                tags.addAll(importTags);
                keywords.put("tags", new ArrayList<>(tags));
            }
            Play play = new Play(keywords, source.play().roles(), source.play().preTasks(), source.play().tasks(),
                    source.play().postTasks(), source.play().handlers(), source.play().location());
            List<Object> allConditions = new ArrayList<>(conditions);
            allConditions.addAll(source.importConditions());
            imported.add(new PlaySource(play, source.playbookFile(), allConditions));
        }
        return imported;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** A keyword that may be one value or a list (when, tags), as a list; tags may be "a,b". */
    static List<Object> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return List.of(value);
    }
}
