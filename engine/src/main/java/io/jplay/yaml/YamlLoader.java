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
import org.yaml.snakeyaml.nodes.SequenceNode;
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
        try {
            return load(text, file);
        } catch (JplayException e) {
            throw withJsonAttempt(e, text);
        }
    }

    /** Whether Python's JSON decoder would get past {@code index} (and fail later, with another message). */
    private static boolean mayStartJson(String text, int index) {
        if (index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        if ("{[\"0123456789".indexOf(c) >= 0) {
            return true;
        }
        if (c == '-' && index + 1 < text.length()
                && (Character.isDigit(text.charAt(index + 1)) || text.startsWith("Infinity", index + 1))) {
            return true;
        }
        for (String literal : new String[]{"true", "false", "null", "NaN", "Infinity"}) {
            if (text.startsWith(literal, index)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ansible's DataLoader tries JSON before YAML and reports both failures. Python's JSON error is reproduced
     * for the usual case, a file whose first character cannot start JSON; other files keep the YAML error alone.
     */
    private static JplayException withJsonAttempt(JplayException yamlError, String text) {
        int index = 0;
        int line = 1;
        int column = 1;
        while (index < text.length() && " \t\n\r".indexOf(text.charAt(index)) >= 0) {
            if (text.charAt(index) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            index++;
        }
        if (mayStartJson(text, index)) {
            return yamlError;
        }
        String message = "We were unable to read either as JSON nor YAML, these are the errors we got from each:\n"
                + "JSON: Expecting value: line " + line + " column " + column + " (char " + index + ")\n\n"
                + yamlError.getMessage();
        return new JplayException(message, yamlError.location(), yamlError.getCause(), yamlError.exitCode());
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
        // Ansible prints PyYAML's "problem" only, not its context.
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        // Ansible parses with libyaml, whose parser words a collection that does not go on differently
        if (problem.startsWith("expected <block end>, but found")) {
            if ("while parsing a block collection".equals(e.getContext())) {
                problem = "did not find expected '-' indicator";
            } else if ("while parsing a block mapping".equals(e.getContext())) {
                problem = "did not find expected key";
            }
        }
        return new JplayException("Syntax Error while loading YAML.\n  " + problem, where, e);
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
            this.yamlConstructors.put(Tag.SEQ, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    SequenceNode sequence = (SequenceNode) node;
                    Mark start = node.getStartMark();
                    YamlList list = new YamlList(Location.of(origin, start.getLine() + 1, start.getColumn() + 1));
                    for (Node item : sequence.getValue()) {
                        Mark mark = item.getStartMark();
                        list.addLocated(constructObject(item), Location.of(origin, mark.getLine() + 1, mark.getColumn() + 1));
                    }
                    return list;
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
