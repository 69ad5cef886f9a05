package io.easel.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.server.Api;
import io.easel.server.experiment.GraphDiff.FieldChange;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The difference of two graphs, on the credit scoring experiment the end-to-end tests run. */
class GraphDiffTest {

    static ExperimentGraph creditScoring() {
        try (InputStream in = GraphDiffTest.class.getResourceAsStream("/experiments/credit-scoring.json")) {
            return Api.JSON.readValue(in, ExperimentGraph.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExperimentGraph changeNode(ExperimentGraph graph, String id,
            java.util.function.UnaryOperator<Node> change) {
        return new ExperimentGraph(graph.formatVersion(),
                graph.nodes().stream().map(n -> n.id().equals(id) ? change.apply(n) : n).toList(), graph.edges());
    }

    @Test
    void shouldFindNothingBetweenAGraphAndItselfMovedOnTheCanvas() {
        ExperimentGraph graph = creditScoring();
        ExperimentGraph moved = changeNode(graph, "gbdt", n -> n.at(500, 700));

        assertThat(GraphDiff.between(graph, graph).isEmpty()).isTrue();
        assertThat(GraphDiff.between(graph, moved).isEmpty()).isTrue();
    }

    @Test
    void shouldNameEachParamThatChangedWithItsValuesBeforeAndAfter() {
        ExperimentGraph before = creditScoring();
        ExperimentGraph after = changeNode(before, "split", n -> {
            Map<String, Object> params = new LinkedHashMap<>(n.params());
            params.put("fraction", 0.7);
            params.remove("seed");
            params.put("stratifyColumn", "class");
            return n.withParams(params);
        });
        after = changeNode(after, "data", n -> new Node(n.id(), n.component(), n.version(), "Credit data",
                n.params(), n.position()));

        GraphDiff diff = GraphDiff.between(before, after);

        assertThat(diff.addedNodes()).isEmpty();
        assertThat(diff.removedNodes()).isEmpty();
        assertThat(diff.addedEdges()).isEmpty();
        assertThat(diff.changedNodes()).extracting(GraphDiff.NodeChange::nodeId).containsExactly("data", "split");
        assertThat(diff.changedNodes().get(0).changes())
                .containsExactly(new FieldChange("label", "German credit", "Credit data"));
        assertThat(diff.changedNodes().get(1).component()).isEqualTo("random-split");
        assertThat(diff.changedNodes().get(1).changes()).containsExactly(
                new FieldChange("params.fraction", 0.85, 0.7), new FieldChange("params.seed", 42, null),
                new FieldChange("params.stratifyColumn", null, "class"));
    }

    @Test
    void shouldListNodesAndEdgesAddedAndRemoved() {
        ExperimentGraph before = creditScoring();
        List<Node> nodes = new ArrayList<>(before.nodes().stream().filter(n -> !n.id().equals("importance")).toList());
        Node logistic = Node.of("logistic", "logistic-regression", Map.of("labelColumn", "class")).at(300, 340);
        nodes.add(logistic);
        List<Edge> edges = new ArrayList<>(before.edges().stream()
                .filter(e -> !e.to().node().equals("importance")).toList());
        edges.add(Edge.of("split", "train", "logistic", "in"));
        ExperimentGraph after = new ExperimentGraph(1, nodes, edges);

        GraphDiff diff = GraphDiff.between(before, after);

        assertThat(diff.addedNodes()).containsExactly(logistic);
        assertThat(diff.removedNodes()).extracting(Node::id).containsExactly("importance");
        assertThat(diff.changedNodes()).isEmpty();
        assertThat(diff.addedEdges()).containsExactly(Edge.of("split", "train", "logistic", "in"));
        assertThat(diff.removedEdges()).containsExactly(Edge.of("gbdt", "model", "importance", "model"));
    }

    @Test
    void shouldTakeTheSameNumberReadBackAsAnotherJavaTypeForNoChange() {
        ExperimentGraph before = changeNode(creditScoring(), "split", n -> n.withParams(Map.of("fraction", 1)));
        ExperimentGraph after = changeNode(creditScoring(), "split", n -> n.withParams(Map.of("fraction", 1.0)));

        assertThat(GraphDiff.between(before, after).isEmpty()).isTrue();
    }
}
