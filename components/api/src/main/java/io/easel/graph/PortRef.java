package io.easel.graph;

import java.util.Objects;

/** A port of a node, addressed by node id and port name. */
public record PortRef(String node, String port) {

    public PortRef {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(port, "port");
    }

    @Override
    public String toString() {
        return node + "." + port;
    }
}
