package io.easel.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A graph's nodes by id and edges by where they arrive, looked up in constant time: built once, in one pass, so that
 * validating or running a graph stays linear in its size ({@link ExperimentGraph}'s own look-ups scan the lists).
 * Where a graph is inconsistent (two nodes with one id, two edges into one port) the first in the document wins, as
 * in the graph's own look-ups.
 */
public final class GraphIndex {

    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, List<Edge>> edgesInto = new HashMap<>();
    private final Map<PortRef, Edge> edgeInto = new HashMap<>();

    private GraphIndex(ExperimentGraph graph) {
        for (Node node : graph.nodes()) {
            nodes.putIfAbsent(node.id(), node);
        }
        for (Edge edge : graph.edges()) {
            edgesInto.computeIfAbsent(edge.to().node(), id -> new ArrayList<>()).add(edge);
            edgeInto.putIfAbsent(edge.to(), edge);
        }
    }

    public static GraphIndex of(ExperimentGraph graph) {
        return new GraphIndex(graph);
    }

    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public boolean hasNode(String id) {
        return nodes.containsKey(id);
    }

    /** The edges that arrive at a node, in document order. */
    public List<Edge> edgesInto(String nodeId) {
        return edgesInto.getOrDefault(nodeId, List.of());
    }

    /** The edge that feeds one input port, if any. */
    public Optional<Edge> edgeInto(PortRef input) {
        return Optional.ofNullable(edgeInto.get(input));
    }
}
