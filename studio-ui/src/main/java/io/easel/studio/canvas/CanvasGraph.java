package io.easel.studio.canvas;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import java.util.List;

/**
 * The part of an experiment graph the canvas edits: which nodes exist, where, and how they are wired. Params never
 * travel to the browser and back; {@link ExperimentCanvas} keeps them and merges them in.
 */
record CanvasGraph(List<CanvasNode> nodes, List<Edge> edges) {

    CanvasGraph {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        edges = edges == null ? List.of() : List.copyOf(edges);
    }

    /** @param label shown under the component title; null for none */
    record CanvasNode(String id, String component, String label, Node.Position position) {}

    static CanvasGraph of(ExperimentGraph graph) {
        return new CanvasGraph(graph.nodes().stream()
                .map(n -> new CanvasNode(n.id(), n.component(), n.label(), n.position()))
                .toList(), graph.edges());
    }
}
