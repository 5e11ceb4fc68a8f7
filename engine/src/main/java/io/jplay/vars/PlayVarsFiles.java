package io.jplay.vars;

import io.jplay.error.JplayException;
import io.jplay.error.Location;
import io.jplay.python.PythonTypes;
import io.jplay.yaml.YamlLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A play's {@code vars_files} for one host, as VariableManager.get_vars reads them: each entry is a file
 * name or a list of names of which the first that exists is read ("conditional includes"); names are
 * templated in the host's scope ({@link VariableManager#varsFilesScope}); a file holds a dict or a list of
 * dicts. Relative names are looked up as {@code DIR/vars/NAME} then {@code DIR/NAME}, for the play's folder
 * and then the playbook's.
 */
public final class PlayVarsFiles {

    private PlayVarsFiles() {
    }

    /**
     * The {@link Precedence#PLAY_VARS_FILES} layers for one host, in order.
     *
     * @param entries  the play's vars_files value (a list, or one entry)
     * @param playDir  the folder of the play's file
     * @param baseDir  the playbook's folder (the loader's basedir)
     * @param template renders a name in the host's scope; returns null when the name uses an undefined
     *                 variable, and the entry is then skipped as Ansible does before facts are known
     */
    public static List<VarsLayer> load(Object entries, Path playDir, Path baseDir, Function<Object, Object> template) {
        List<VarsLayer> layers = new ArrayList<>();
        if (entries == null) {
            return layers;
        }
        List<?> items = entries instanceof List<?> list ? list : List.of(entries);
        for (Object item : items) {
            List<?> candidates = item instanceof List<?> list ? list : List.of(item);
            boolean found = false;
            boolean undefined = false;
            for (Object candidate : candidates) {
                Object name = template.apply(candidate);
                if (name == null) {
                    undefined = true;
                    break;
                }
                if (!(name instanceof CharSequence)) {
                    throw new JplayException("Invalid vars_files entry found: " + name + "\nvars_files entries "
                            + "should be either a string type or a list of string types after template expansion");
                }
                Path file = locate(name.toString(), playDir, baseDir);
                if (file == null) {
                    continue;
                }
                for (Map<String, Object> vars : dictionaries(file)) {
                    layers.add(new VarsLayer(Precedence.PLAY_VARS_FILES, "play vars_files from '" + name + "'",
                            vars));
                }
                found = true;
                break;
            }
            if (!found && !undefined) {
                // Ansible's AnsibleFileNotFound wording, without a file name
                throw new JplayException("vars file " + item + " was not found\nCould not find file on the Ansible "
                        + "Controller.\nIf you are using a module and expect the file to exist on the remote, see the "
                        + "remote_src option");
            }
        }
        return layers;
    }

    /** path_dwim_relative_stack(play search path, 'vars', name). */
    static Path locate(String name, Path playDir, Path baseDir) {
        if (name.startsWith("/") || name.startsWith("~")) {
            Path absolute = Path.of(name.startsWith("~") ? System.getProperty("user.home") + name.substring(1) : name);
            return Files.exists(absolute) ? absolute : null;
        }
        boolean startsWithVars = name.split("/", -1)[0].equals("vars");
        List<Path> search = new ArrayList<>();
        for (Path dir : List.of(playDir, baseDir)) {
            if (!startsWithVars) {
                search.add(dir.resolve("vars").resolve(name));
            }
            search.add(dir.resolve(name));
        }
        return search.stream().filter(Files::exists).findFirst().orElse(null);
    }

    /** preprocess_vars: a file holds a dict or a list of dicts; an empty file holds none. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> dictionaries(Path file) {
        Object data = YamlLoader.loadFile(file);
        if (data == null) {
            return List.of();
        }
        List<?> items = data instanceof List<?> list ? list : List.of(data);
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map)) {
                throw new JplayException("variable files must contain either a dictionary of variables, or a list "
                        + "of dictionaries. Got: " + data + " (" + PythonTypes.name(data) + ")", Location.of(file));
            }
            result.add((Map<String, Object>) item);
        }
        return result;
    }
}
