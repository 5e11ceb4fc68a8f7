package io.jplay.template.filter;

import io.jplay.error.JplayException;
import io.jplay.yaml.VaultText;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YAML as Ansible's to_yaml/to_nice_yaml write it: PyYAML's {@code yaml.dump} with AnsibleDumper,
 * allow_unicode, keys sorted (PyYAML's default), {@code default_flow_style=None} (leaf collections in flow
 * style) or block style for to_nice_yaml with indent 4. SnakeYAML is a port of PyYAML's emitter.
 */
public final class PyYamlDump {

    private PyYamlDump() {
    }

    public static String dump(Object value, Integer indent, Boolean flowStyle, Integer width, boolean sortKeys,
                              boolean explicitStart) {
        DumperOptions options = new DumperOptions();
        options.setAllowUnicode(true);
        options.setIndent(indent == null ? 2 : indent);
        options.setWidth(width == null ? 80 : width);
        options.setDefaultFlowStyle(flowStyle == null ? DumperOptions.FlowStyle.AUTO
                : flowStyle ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
        options.setExplicitStart(explicitStart);
        options.setSplitLines(true);
        Representer representer = new PlainRepresenter(options);
        Yaml yaml = new Yaml(representer, options);
        try {
            Node node = quoteMultiline(yaml.represent(prepare(value, sortKeys)));
            StringWriter out = new StringWriter();
            yaml.serialize(node, out);
            return out.toString();
        } catch (RuntimeException e) {
            throw new JplayException("to_yaml - " + e.getMessage());
        }
    }

    /**
     * PyYAML's emitter never writes a multi-line scalar plain; it single-quotes it (double-quotes when it must).
     * SnakeYAML's emitter would write it plain, so such scalars are marked single-quoted once their parents'
     * flow or block style has been chosen (which PyYAML makes as if they were plain).
     */
    private static Node quoteMultiline(Node node) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.isPlain() && scalar.getTag().equals(Tag.STR) && scalar.getValue().matches("(?s).*[\\n\\r\u0085\u2028\u2029].*")) {
                return new ScalarNode(scalar.getTag(), scalar.getValue(), scalar.getStartMark(), scalar.getEndMark(),
                        DumperOptions.ScalarStyle.SINGLE_QUOTED);
            }
            return scalar;
        }
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> tuples = mapping.getValue();
            for (int i = 0; i < tuples.size(); i++) {
                tuples.set(i, new NodeTuple(quoteMultiline(tuples.get(i).getKeyNode()), quoteMultiline(tuples.get(i).getValueNode())));
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            items.replaceAll(PyYamlDump::quoteMultiline);
        }
        return node;
    }

    /** Copies the value into plain collections, keys sorted as PyYAML does by default. */
    private static Object prepare(Object value, boolean sortKeys) {
        value = Py.plain(value);
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            List<Object> keys = new ArrayList<>(map.keySet());
            if (sortKeys) {
                keys.sort(Py::compare);
            }
            for (Object key : keys) {
                result.put(Py.plain(key), prepare(map.get(key), sortKeys));
            }
            return result;
        }
        if (value instanceof Iterable<?> list) {
            List<Object> result = new ArrayList<>();
            list.forEach(item -> result.add(prepare(item, sortKeys)));
            return result;
        }
        if (value instanceof CharSequence s && !(value instanceof String)) {
            return s.toString();
        }
        return value;
    }

    /** Represents vaulted text with its !vault tag, as AnsibleDumper does, and floats as Python writes them. */
    private static final class PlainRepresenter extends Representer {
        PlainRepresenter(DumperOptions options) {
            super(options);
            this.representers.put(VaultText.class, data ->
                    representScalar(new Tag("!vault"), ((VaultText) data).ciphertext(), DumperOptions.ScalarStyle.LITERAL));
            Represent floats = data -> {
                double d = (Double) data;
                String text = Double.isNaN(d) ? ".nan" : Double.isInfinite(d) ? (d > 0 ? ".inf" : "-.inf") : Py.floatRepr(d);
                if (!text.contains(".") && text.contains("e")) {
                    // PyYAML's represent_float: 1e+20 becomes 1.0e+20 so that it reads back as a float
                    text = text.replaceFirst("e", ".0e");
                }
                return representScalar(Tag.FLOAT, text);
            };
            this.representers.put(Double.class, floats);
            // PyYAML represents every str as a plain scalar and lets the emitter quote it; SnakeYAML would pick
            // a literal block for multi-line text, which also turns the enclosing flow mapping into a block one
            this.representers.put(String.class, data -> representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.PLAIN));
        }
    }

}
