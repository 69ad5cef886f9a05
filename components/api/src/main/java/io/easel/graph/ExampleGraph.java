package io.easel.graph;

import io.easel.component.Example;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A component's {@link Example} as an experiment one can validate and run. */
public final class ExampleGraph {

    /** The node id of the example's own component. */
    public static final String NODE = "example";

    private ExampleGraph() {}

    /**
     * The component as node {@value #NODE}, each distinct upstream node once (two inputs fed by ports of the same
     * node share it), with {@value Example#SAMPLES} in params replaced by {@code samplesDirectory}.
     */
    public static ExperimentGraph of(String componentId, Example example, String samplesDirectory) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Map<Example.Upstream, String> ids = new LinkedHashMap<>();
        nodes.add(Node.of(NODE, componentId, resolve(example.params(), samplesDirectory)));
        new TreeMap<>(example.inputs()).forEach((port, upstream) -> {
            String from = add(upstream, nodes, edges, ids, samplesDirectory);
            edges.add(Edge.of(from, upstream.port(), NODE, port));
        });
        return new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, nodes, edges);
    }

    private static String add(Example.Upstream upstream, List<Node> nodes, List<Edge> edges,
            Map<Example.Upstream, String> ids, String samples) {
        String known = ids.get(upstream.node());
        if (known != null) {
            return known;
        }
        Map<String, String> fedBy = new LinkedHashMap<>();
        new TreeMap<>(upstream.inputs()).forEach((port, feeding) -> fedBy.put(port, add(feeding, nodes, edges, ids, samples)));
        String id = upstream.component() + "-" + (ids.size() + 1);
        ids.put(upstream.node(), id);
        nodes.add(Node.of(id, upstream.component(), resolve(upstream.params(), samples)));
        upstream.inputs().forEach((port, feeding) -> edges.add(Edge.of(fedBy.get(port), feeding.port(), id, port)));
        return id;
    }

    private static Map<String, Object> resolve(Map<String, Object> params, String samples) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        params.forEach((name, value) -> resolved.put(name, value instanceof String s && samples != null
                ? s.replace(Example.SAMPLES, samples) : value));
        return resolved;
    }
}
