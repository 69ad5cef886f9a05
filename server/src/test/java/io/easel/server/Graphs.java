package io.easel.server;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import java.util.List;
import java.util.Map;

/** Small experiment graphs built from catalog components. */
public final class Graphs {

    private Graphs() {}

    /** credit_g → random-split, valid. */
    public static ExperimentGraph creditSplit(double fraction) {
        return new ExperimentGraph(ExperimentGraph.FORMAT_VERSION,
                List.of(Node.of("data", "sample-dataset", Map.of("dataset", "credit_g")).at(40, 40),
                        Node.of("split", "random-split", Map.of("fraction", fraction)).at(40, 160)),
                List.of(Edge.of("data", "out", "split", "in")));
    }

    public static ExperimentGraph single(Node node) {
        return new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, List.of(node), List.of());
    }
}
