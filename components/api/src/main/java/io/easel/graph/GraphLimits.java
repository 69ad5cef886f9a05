package io.easel.graph;

/**
 * How large a graph may be: validation refuses a larger one at once ({@link ValidationError.Code#GRAPH_TOO_LARGE})
 * instead of spending time on it.
 *
 * @param maxNodes most nodes a graph may have
 * @param maxEdges most edges a graph may have
 */
public record GraphLimits(int maxNodes, int maxEdges) {

    /** Far beyond what anyone draws on a canvas, small enough to validate in milliseconds. */
    public static final GraphLimits DEFAULT = new GraphLimits(2_000, 10_000);

    public GraphLimits {
        if (maxNodes < 1 || maxEdges < 0) {
            throw new IllegalArgumentException("Graph limits must allow at least one node and no negative edge "
                    + "count, not " + maxNodes + " nodes and " + maxEdges + " edges");
        }
    }
}
