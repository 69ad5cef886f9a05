package io.easel.graph;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;

/**
 * An experiment as saved and run: nodes wired into a DAG. The JSON form is documented in docs/experiment-format.md.
 *
 * @param formatVersion the version of this JSON format ({@link #FORMAT_VERSION} when written by this build)
 */
public record ExperimentGraph(int formatVersion, List<Node> nodes, List<Edge> edges) {

    public static final int FORMAT_VERSION = 1;

    public ExperimentGraph {
        nodes = withoutNulls("nodes", nodes);
        edges = withoutNulls("edges", edges);
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
