package io.easel.components.testing;

import io.easel.component.BoundParams;
import io.easel.component.Example;
import io.easel.component.ParamType;
import io.easel.components.ComponentRegistry;
import io.easel.components.spi.InputSpecs;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.graph.Edge;
import io.easel.graph.ExampleGraph;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.GraphValidator;
import io.easel.graph.Node;
import io.easel.graph.TopologicalOrder;
import io.easel.graph.ValidationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs an experiment graph the way the engine does, in one test JVM: validate (which infers every port spec), then
 * bind each node's params against its real inputs and execute the nodes in dependency order. A node whose component,
 * params and upstream nodes equal one run before in this JVM reuses that run's outputs, so examples and tests that
 * share upstream nodes (a model trained on credit_g) train once. Small on purpose; the engine's own tests cover
 * statuses, callbacks and exports.
 */
public final class TestRun {

    public static final ComponentRegistry REGISTRY = ComponentRegistry.load();

    private static final Map<String, Map<String, Object>> RAN = new HashMap<>();

    private final ExperimentGraph graph;
    private final ValidationResult validation;
    private final Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
    private final Map<String, String> signatures = new HashMap<>();

    private TestRun(ExperimentGraph graph) {
        this.graph = graph;
        this.validation = new GraphValidator(REGISTRY.catalog()).validate(graph);
    }

    /** Validates and runs the whole graph; fails on a validation error. */
    public static synchronized TestRun of(ExperimentGraph graph) {
        TestRun run = new TestRun(graph);
        if (!run.validation.isValid()) {
            throw new IllegalStateException("Test graph is invalid: " + run.validation.errors());
        }
        for (String nodeId : TopologicalOrder.of(graph)) {
            run.execute(graph.node(nodeId).orElseThrow());
        }
        return run;
    }

    /** Example {@code index} of a component, run (its own node is {@value ExampleGraph#NODE}). */
    public static TestRun example(String componentId, int index) {
        Example example = REGISTRY.byId(componentId).descriptor().examples().get(index);
        return of(ExampleGraph.of(componentId, example, SampleFiles.directory().toString()));
    }

    /** A bundled dataset as the sample-dataset component reads it. */
    public static TableData dataset(String name) {
        return (TableData) of(newGraph().node("data", "sample-dataset", Map.of("dataset", name)).build())
                .output("data", "out");
    }

    /**
     * Runs one component on given inputs, outside any graph, params bound as the engine binds them; returns its
     * outputs by port name.
     *
     * @throws IllegalArgumentException when binding refuses the params, as the engine would fail the node
     */
    public static Map<String, Object> execute(String componentId, Map<String, Object> params,
            Map<String, Object> inputs) {
        SparkComponent component = REGISTRY.byId(componentId);
        BoundParams bound = InputSpecs.bind(component.descriptor(), params, inputs);
        // Only components that name a database connection start the test database.
        boolean usesDatabase = component.descriptor().params().stream()
                .anyMatch(def -> def.type() == ParamType.CONNECTION);
        NodeContext context = new NodeContext(componentId, bound, inputs,
                usesDatabase ? TestDatabase.dataAccess() : NodeContext.DATA);
        try {
            component.execute(context);
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        return context.outputs();
    }

    public ExperimentGraph graph() {
        return graph;
    }

    public ValidationResult validation() {
        return validation;
    }

    public Object output(String nodeId, String port) {
        Object value = outputs.getOrDefault(nodeId, Map.of()).get(port);
        if (value == null) {
            throw new IllegalStateException("Node '" + nodeId + "' gave nothing on port '" + port + "'");
        }
        return value;
    }

    /** The single node of a component in this graph. */
    public String nodeOf(String componentId) {
        List<String> ids = graph.nodes().stream().filter(n -> n.component().equals(componentId)).map(Node::id)
                .toList();
        if (ids.size() != 1) {
            throw new IllegalStateException(ids.size() + " nodes of '" + componentId + "' in " + graph.nodes());
        }
        return ids.getFirst();
    }

    public TableData table(String nodeId, String port) {
        return (TableData) output(nodeId, port);
    }

    public ModelData model(String nodeId, String port) {
        return (ModelData) output(nodeId, port);
    }

    public ReportData report(String nodeId, String port) {
        return (ReportData) output(nodeId, port);
    }

    private void execute(Node node) {
        Map<String, Object> inputs = new HashMap<>();
        Map<String, String> upstream = new TreeMap<>();
        for (Edge edge : graph.edgesInto(node.id())) {
            inputs.put(edge.to().port(), output(edge.from().node(), edge.from().port()));
            upstream.put(edge.to().port(), signatures.get(edge.from().node()) + "." + edge.from().port());
        }
        String signature = node.component() + new TreeMap<>(node.params()) + upstream;
        signatures.put(node.id(), signature);
        Map<String, Object> known = RAN.get(signature);
        if (known != null) {
            outputs.put(node.id(), known);
            return;
        }
        Map<String, Object> produced;
        try {
            produced = execute(node.component(), node.params(), inputs);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Node '" + node.id() + "' failed: " + e.getMessage(), e);
        }
        RAN.put(signature, produced);
        outputs.put(node.id(), produced);
    }

    /** Builds graphs tersely: {@code newGraph().node("a", "sample-dataset", Map.of()).edge("a.out", "b.in")}. */
    public static GraphBuilder newGraph() {
        return new GraphBuilder();
    }

    public static final class GraphBuilder {
        private final List<Node> nodes = new ArrayList<>();
        private final List<Edge> edges = new ArrayList<>();

        public GraphBuilder node(String id, String component, Map<String, Object> params) {
            nodes.add(Node.of(id, component, params));
            return this;
        }

        /** {@code from} and {@code to} as {@code node.port}. */
        public GraphBuilder edge(String from, String to) {
            String[] f = from.split("\\.");
            String[] t = to.split("\\.");
            edges.add(Edge.of(f[0], f[1], t[0], t[1]));
            return this;
        }

        public ExperimentGraph build() {
            return new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, nodes, edges);
        }
    }
}
