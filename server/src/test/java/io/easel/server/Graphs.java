package io.easel.server;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import java.util.LinkedHashMap;
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

    /** The body of {@code POST /api/experiments} for an experiment of one read-csv node "data". */
    public static Map<String, Object> readingCsv(String path, String schema) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Reads " + path);
        body.put("graph", single(Node.of("data", "read-csv", Map.of("path", path, "schema", schema))));
        return body;
    }
}
