package io.easel.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replacing one node keeps everything else of the graph as it was. */
class ExperimentGraphTest {

    private final ExperimentGraph graph = new ExperimentGraph(ExperimentGraph.FORMAT_VERSION,
            List.of(Node.of("source", "csv", Map.of("path", "a.csv")), Node.of("split", "split", Map.of()).at(40, 80)),
            List.of(Edge.of("source", "out", "split", "in")),
            List.of(new Note("note-1", "Check the split", new Node.Position(10, 10))));

    @Test
    void shouldReplaceTheNodeOfTheSameIdInItsPlaceAndKeepEdgesAndNotes() {
        Node renamed = graph.node("split").orElseThrow().withLabel("Train/test").withParams(Map.of("fraction", 0.7));

        ExperimentGraph changed = graph.withNode(renamed);

        assertThat(changed.nodes()).containsExactly(graph.nodes().get(0), renamed);
        assertThat(changed.node("split").orElseThrow().position()).isEqualTo(new Node.Position(40, 80));
        assertThat(changed.edges()).isEqualTo(graph.edges());
        assertThat(changed.notes()).isEqualTo(graph.notes());
        assertThat(graph.node("split").orElseThrow().label()).isNull();
    }

    @Test
    void shouldLeaveTheGraphAsItIsForANodeItDoesNotHold() {
        assertThat(graph.withNode(Node.of("deleted", "csv", Map.of()))).isSameAs(graph);
    }
}
