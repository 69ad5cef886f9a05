package io.easel.graph;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * An experiment as saved and run: nodes wired into a DAG, and the comments placed among them. The JSON form is
 * documented in docs/experiment-format.md.
 *
 * @param formatVersion the version of this JSON format ({@link #FORMAT_VERSION} when written by this build)
 * @param notes comments on the canvas; optional in the JSON (left out when there are none), ignored by runs
 */
public record ExperimentGraph(int formatVersion, List<Node> nodes, List<Edge> edges,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Note> notes) {

    public static final int FORMAT_VERSION = 1;

    @JsonCreator
    public ExperimentGraph {
        nodes = withoutNulls("nodes", nodes);
        edges = withoutNulls("edges", edges);
        notes = withoutNulls("notes", notes);
    }

    /** A graph without comments. */
    public ExperimentGraph(int formatVersion, List<Node> nodes, List<Edge> edges) {
        this(formatVersion, nodes, edges, List.of());
    }

    /** The same graph (edges, comments) with other nodes. */
    public ExperimentGraph withNodes(List<Node> newNodes) {
        return new ExperimentGraph(formatVersion, newNodes, edges, notes);
    }

    /**
     * The same graph with {@code changed} in place of the node of the same id (same position in the list); the graph
     * itself when it holds no such node.
     */
    public ExperimentGraph withNode(Node changed) {
        if (node(changed.id()).isEmpty()) {
            return this;
        }
        return withNodes(nodes.stream().map(n -> n.id().equals(changed.id()) ? changed : n).toList());
    }

    private static <T> List<T> withoutNulls(String field, List<T> items) {
        if (items == null) {
            return List.of();
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new IllegalArgumentException("'" + field + "[" + i + "]' is null; give a "
                        + field.substring(0, field.length() - 1) + " or leave it out");
            }
        }
        return List.copyOf(items);
    }

    public static ExperimentGraph empty() {
        return new ExperimentGraph(FORMAT_VERSION, List.of(), List.of());
    }

    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** The edges that arrive at a node. */
    public List<Edge> edgesInto(String nodeId) {
        return edges.stream().filter(e -> e.to().node().equals(nodeId)).toList();
    }

    /** The edge that feeds one input port, if any. */
    @JsonIgnore
    public Optional<Edge> edgeInto(PortRef input) {
        return edges.stream().filter(e -> e.to().equals(input)).findFirst();
    }
}
