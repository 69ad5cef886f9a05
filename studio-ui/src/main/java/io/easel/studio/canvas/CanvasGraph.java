package io.easel.studio.canvas;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.graph.Note;
import java.util.List;
import java.util.Map;

/**
 * The experiment graph as the canvas holds it: which nodes exist, where, how they are wired, and each node's label and
 * params, and the comments placed among the nodes. The params travel to the browser so that its undo history covers param edits as well as graph edits, and
 * copied nodes carry them; {@link ExperimentCanvas} keeps the server's own values where they are unchanged.
 */
record CanvasGraph(List<CanvasNode> nodes, List<Edge> edges, List<Note> notes) {

    CanvasGraph {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        edges = edges == null ? List.of() : List.copyOf(edges);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** @param label shown instead of the component title; null for none */
    record CanvasNode(String id, String component, String label, Map<String, Object> params, Node.Position position) {}

    static CanvasGraph of(ExperimentGraph graph) {
        return new CanvasGraph(graph.nodes().stream()
                .map(n -> new CanvasNode(n.id(), n.component(), n.label(), n.params(), n.position()))
                .toList(), graph.edges(), graph.notes());
    }
}
