package io.easel.server.experiment;

import io.easel.component.ComponentDescriptor;
import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.graph.PortRef;
import io.easel.server.experiment.ImportProblem.Code;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an experiment file strictly, and reports every problem at its JSON path before anything is created: the
 * structure of the format, node ids, components and their versions, and the nodes and ports edges name. What a
 * draft may lack (params, inputs, column choices) is left to validation, as for any saved experiment.
 */
final class ExperimentFileReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> FILE_FIELDS = Set.of("formatVersion", "name", "description", "tags", "nodes",
            "edges");
    private static final Set<String> NODE_FIELDS = Set.of("id", "component", "version", "label", "params",
            "position");

    private final Function<String, Optional<ComponentDescriptor>> catalog;
    private final List<ImportProblem> problems = new ArrayList<>();

    private ExperimentFileReader(Function<String, Optional<ComponentDescriptor>> catalog) {
        this.catalog = catalog;
    }

    /**
     * @param catalog finds a component by id
     * @throws InvalidExperimentFileException (400) with every problem found
     */
    static ExperimentFile read(String text, Function<String, Optional<ComponentDescriptor>> catalog) {
        return new ExperimentFileReader(catalog).read(text);
    }

    private ExperimentFile read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text == null ? "" : text);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new InvalidExperimentFileException(List.of(ImportProblem.of("$", Code.NOT_JSON,
                    at == null ? "the start" : "line " + at.getLineNr() + ", column " + at.getColumnNr())));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidExperimentFileException(List.of(ImportProblem.of("$", Code.WRONG_TYPE, "an object")));
        }
        onlyFields(root, "$", FILE_FIELDS);
        JsonNode format = root.get("formatVersion");
        if (format == null) {
            problem("$.formatVersion", Code.MISSING, null);
        } else if (!format.isIntegralNumber()) {
            problem("$.formatVersion", Code.WRONG_TYPE, "a whole number");
        } else if (!format.canConvertToInt() || format.intValue() != ExperimentGraph.FORMAT_VERSION) {
            problem("$.formatVersion", Code.UNSUPPORTED_FORMAT, format.asString());
        }
        String name = optionalString(root, "$", "name");
        if (name != null && name.isBlank()) {
            problem("$.name", Code.BLANK, null);
        }
        String description = optionalString(root, "$", "description");
        List<String> tags = tags(root.get("tags"));
        List<Node> nodes = nodes(root.get("nodes"));
        List<Edge> edges = edges(root.get("edges"), nodes);
        if (!problems.isEmpty()) {
            throw new InvalidExperimentFileException(problems);
        }
        return new ExperimentFile(ExperimentGraph.FORMAT_VERSION, name, description, tags, nodes, edges);
    }

    private List<String> tags(JsonNode tags) {
        List<String> read = new ArrayList<>();
        if (tags == null || tags.isNull()) {
            return read;
        }
        if (!tags.isArray()) {
            problem("$.tags", Code.WRONG_TYPE, "an array of strings");
            return read;
        }
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).isString()) {
                read.add(tags.get(i).asString());
            } else {
                problem("$.tags[" + i + "]", Code.WRONG_TYPE, "a string");
            }
        }
        return read;
    }

    private List<Node> nodes(JsonNode nodes) {
        List<Node> read = new ArrayList<>();
        if (nodes == null) {
            problem("$.nodes", Code.MISSING, null);
            return read;
        }
        if (!nodes.isArray()) {
            problem("$.nodes", Code.WRONG_TYPE, "an array of nodes");
            return read;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = "$.nodes[" + i + "]";
            JsonNode node = nodes.get(i);
            if (!node.isObject()) {
                problem(path, Code.WRONG_TYPE, "an object");
                continue;
            }
            onlyFields(node, path, NODE_FIELDS);
            String id = requiredString(node, path, "id");
            if (id != null && !ids.add(id)) {
                problem(path + ".id", Code.DUPLICATE_NODE, id);
            }
            String componentId = requiredString(node, path, "component");
            int version = Node.DEFAULT_VERSION;
            JsonNode versionNode = node.get("version");
            if (versionNode != null && !versionNode.isNull()) {
                if (versionNode.isIntegralNumber() && versionNode.canConvertToInt() && versionNode.intValue() >= 1) {
                    version = versionNode.intValue();
                } else {
                    problem(path + ".version", Code.WRONG_TYPE, "a whole number of at least 1");
                }
            }
            if (componentId != null) {
                Optional<ComponentDescriptor> component = catalog.apply(componentId);
                if (component.isEmpty()) {
                    problem(path + ".component", Code.UNKNOWN_COMPONENT, componentId);
                } else if (version > component.get().version()) {
                    problem(path + ".version", Code.UNSUPPORTED_VERSION, String.valueOf(version));
                }
            }
            String label = optionalString(node, path, "label");
            Map<String, Object> params = params(node.get("params"), path + ".params");
            Node.Position position = position(node.get("position"), path + ".position");
            if (id != null && componentId != null) {
                read.add(new Node(id, componentId, version, label, params, position));
            }
        }
        return read;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> params(JsonNode params, String path) {
        if (params == null || params.isNull()) {
            return Map.of();
        }
        if (!params.isObject()) {
            problem(path, Code.WRONG_TYPE, "an object of param values by name");
            return Map.of();
        }
        return JSON.treeToValue(params, LinkedHashMap.class);
    }

    private Node.Position position(JsonNode position, String path) {
        if (position == null || position.isNull()) {
            return null;
        }
        JsonNode x = position.get("x");
        JsonNode y = position.get("y");
        if (!position.isObject() || x == null || y == null || !x.isNumber() || !y.isNumber()) {
            problem(path, Code.WRONG_TYPE, "{\"x\": number, \"y\": number}");
            return null;
        }
        return new Node.Position(x.doubleValue(), y.doubleValue());
    }

    private List<Edge> edges(JsonNode edges, List<Node> nodes) {
        List<Edge> read = new ArrayList<>();
        if (edges == null || edges.isNull()) {
            return read;
        }
        if (!edges.isArray()) {
            problem("$.edges", Code.WRONG_TYPE, "an array of edges");
            return read;
        }
        for (int i = 0; i < edges.size(); i++) {
            String path = "$.edges[" + i + "]";
            JsonNode edge = edges.get(i);
            if (!edge.isObject()) {
                problem(path, Code.WRONG_TYPE, "an object");
                continue;
            }
            onlyFields(edge, path, Set.of("from", "to"));
            PortRef from = port(edge, path, "from", nodes, true);
            PortRef to = port(edge, path, "to", nodes, false);
            if (from != null && to != null) {
                read.add(new Edge(from, to));
            }
        }
        return read;
    }

    private PortRef port(JsonNode edge, String edgePath, String end, List<Node> nodes, boolean output) {
        String path = edgePath + "." + end;
        JsonNode ref = edge.get(end);
        if (ref == null) {
            problem(path, Code.MISSING, null);
            return null;
        }
        if (!ref.isObject()) {
            problem(path, Code.WRONG_TYPE, "{\"node\": id, \"port\": name}");
            return null;
        }
        onlyFields(ref, path, Set.of("node", "port"));
        String nodeId = requiredString(ref, path, "node");
        String port = requiredString(ref, path, "port");
        if (nodeId == null || port == null) {
            return null;
        }
        Optional<Node> node = nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst();
        if (node.isEmpty()) {
            problem(path + ".node", Code.UNKNOWN_NODE, nodeId);
            return null;
        }
        Optional<ComponentDescriptor> component = catalog.apply(node.get().component());
        if (component.isPresent()
                && (output ? component.get().output(port) : component.get().input(port)).isEmpty()) {
            problem(path + ".port", Code.UNKNOWN_PORT, port);
            return null;
        }
        return new PortRef(nodeId, port);
    }

    private void onlyFields(JsonNode object, String path, Set<String> fields) {
        for (String field : object.propertyNames()) {
            if (!fields.contains(field)) {
                problem(path + "." + field, Code.UNKNOWN_FIELD, null);
            }
        }
    }

    private String requiredString(JsonNode object, String path, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            problem(path + "." + field, Code.MISSING, null);
            return null;
        }
        String text = optionalString(object, path, field);
        if (text != null && text.isBlank()) {
            problem(path + "." + field, Code.BLANK, null);
            return null;
        }
        return text;
    }

    private String optionalString(JsonNode object, String path, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problem(path + "." + field, Code.WRONG_TYPE, "a string");
            return null;
        }
        return value.asString();
    }

    private void problem(String path, Code code, String value) {
        problems.add(ImportProblem.of(path, code, value));
    }
}
