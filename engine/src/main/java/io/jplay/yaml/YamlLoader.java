package io.jplay.yaml;

import io.jplay.error.JplayException;
import io.jplay.error.Location;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads YAML the way Ansible does (PyYAML, YAML 1.1): {@code yes/no/on/off} are booleans, {@code 0755} is
 * octal, mappings keep their order, duplicate keys keep the last value. Mappings come back as
 * {@link YamlMap} carrying their file and line. Ansible's tags: {@code !unsafe} yields an
 * {@link UnsafeText} (never templated), {@code !vault} yields a {@link VaultText} (ciphertext).
 *
 * <p>Errors become {@link JplayException}s naming the file, line and column; never a parser stack trace.
 */
public final class YamlLoader {

    private YamlLoader() {
    }

    /** Reads a file with one YAML document; an empty file gives {@code null}. */
    public static Object loadFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new JplayException("Could not find or access '" + file + "'", Location.of(file));
        } catch (IOException e) {
            throw new JplayException("Could not read '" + file + "': " + e.getMessage(), Location.of(file), e);
        }
        return load(text, file);
    }

    /** Reads YAML text; {@code origin} names it in errors and locations (may be null). */
    public static Object load(String text, Path origin) {
        try {
            return newYaml(origin).load(text);
        } catch (MarkedYAMLException e) {
            throw syntaxError(e, origin);
        } catch (YAMLException e) {
            throw new JplayException("Syntax Error while loading YAML.\n  " + e.getMessage(),
                    Location.of(origin), e);
        }
    }

    /** Reads every document of a multi-document stream. */
    public static List<Object> loadAll(String text, Path origin) {
        try {
            List<Object> docs = new ArrayList<>();
            for (Object doc : newYaml(origin).loadAll(text)) {
                docs.add(doc);
            }
            return docs;
        } catch (MarkedYAMLException e) {
            throw syntaxError(e, origin);
        } catch (YAMLException e) {
            throw new JplayException("Syntax Error while loading YAML.\n  " + e.getMessage(),
                    Location.of(origin), e);
        }
    }

    private static JplayException syntaxError(MarkedYAMLException e, Path origin) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Location where = mark == null ? Location.of(origin)
                : Location.of(origin, mark.getLine() + 1, mark.getColumn() + 1);
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        StringBuilder message = new StringBuilder("Syntax Error while loading YAML.\n  ").append(problem);
        if (e.getContext() != null) {
            message.append(" (").append(e.getContext()).append(")");
        }
        return new JplayException(message.toString(), where, e);
    }

    private static Yaml newYaml(Path origin) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(10_000);
        options.setCodePointLimit(64 * 1024 * 1024);
        return new Yaml(new AnsibleConstructor(options, origin));
    }

    /** SafeConstructor plus located mappings and Ansible's custom tags. */
    private static final class AnsibleConstructor extends SafeConstructor {
        private final Path origin;

        AnsibleConstructor(LoaderOptions options, Path origin) {
            super(options);
            this.origin = origin;
            this.yamlConstructors.put(new Tag("!unsafe"), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return new UnsafeText(constructScalar((ScalarNode) node));
                }
            });
            this.yamlConstructors.put(new Tag("!vault"), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return new VaultText(constructScalar((ScalarNode) node));
                }
            });
            this.yamlConstructors.put(Tag.MAP, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    MappingNode mapping = (MappingNode) node;
                    Mark start = node.getStartMark();
                    YamlMap map = new YamlMap(Location.of(origin, start.getLine() + 1, start.getColumn() + 1));
                    flattenMapping(mapping);
                    for (NodeTuple tuple : mapping.getValue()) {
                        Object key = constructObject(tuple.getKeyNode());
                        Object value = constructObject(tuple.getValueNode());
                        Mark keyMark = tuple.getKeyNode().getStartMark();
                        map.putLocated(key == null ? null : String.valueOf(key), value,
                                Location.of(origin, keyMark.getLine() + 1, keyMark.getColumn() + 1));
                    }
                    return map;
                }
            });
        }

        Path origin() {
            return origin;
        }
    }
}
