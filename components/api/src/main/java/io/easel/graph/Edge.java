package io.easel.graph;

import java.util.Objects;

/** Data flowing from an output port of one node into an input port of another. */
public record Edge(PortRef from, PortRef to) {

    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static Edge of(String fromNode, String fromPort, String toNode, String toPort) {
        return new Edge(new PortRef(fromNode, fromPort), new PortRef(toNode, toPort));
    }
}
