package io.easel.components.testing;

import io.easel.component.ComponentDescriptor;
import io.easel.components.ComponentRegistry;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.graph.Edge;
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

/**
 * Runs an experiment graph the way the engine does, in one test JVM: validate (which infers every port spec), then
 * execute the nodes in dependency order with the registry's components. Small on purpose; the engine's own tests
 * cover statuses, callbacks and exports.
 */
public final class TestRun {

    public static final ComponentRegistry REGISTRY = ComponentRegistry.load();

    private final ExperimentGraph graph;
    private final ValidationResult validation;
    private final Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();

    private TestRun(ExperimentGraph graph) {
        this.graph = graph;
        this.validation = new GraphValidator(REGISTRY.catalog()).validate(graph);
    }

    /** Validates and runs the whole graph; fails on a validation error. */
    public static TestRun of(ExperimentGraph graph) {
        TestRun run = new TestRun(graph);
        if (!run.validation.isValid()) {
            throw new IllegalStateException("Test graph is invalid: " + run.validation.errors());
        }
        for (String nodeId : TopologicalOrder.of(graph)) {
            run.execute(graph.node(nodeId).orElseThrow());
        }
        return run;
    }

    /** Runs one component on given inputs, outside any graph; returns its outputs by port name. */
    public static Map<String, Object> execute(String componentId, Map<String, Object> params,
            Map<String, Object> inputs) {
        SparkComponent component = REGISTRY.byId(componentId);
        NodeContext context = new NodeContext(componentId, component.descriptor(), params, inputs);
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
        ComponentDescriptor descriptor = REGISTRY.byId(node.component()).descriptor();
        Map<String, Object> inputs = new HashMap<>();
        for (Edge edge : graph.edgesInto(node.id())) {
            inputs.put(edge.to().port(), output(edge.from().node(), edge.from().port()));
        }
        NodeContext context = new NodeContext(node.id(), descriptor, node.params(), inputs);
        try {
            REGISTRY.byId(node.component()).execute(context);
        } catch (Exception e) {
            throw new IllegalStateException("Node '" + node.id() + "' failed: " + e.getMessage(), e);
        }
        outputs.put(node.id(), context.outputs());
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
