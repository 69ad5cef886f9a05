package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.server.Graphs;
import io.easel.server.run.RunComparison.NodeParams;
import io.easel.server.run.RunComparison.Presence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunComparisonsTest {

    @Test
    void shouldFlagAChangedParamAParamSetInOneRunOnlyAndANodeOfOneRunOnly() {
        ExperimentGraph first = Graphs.creditSplit(0.8);
        ExperimentGraph second = new ExperimentGraph(ExperimentGraph.FORMAT_VERSION, List.of(
                first.nodes().get(0),
                Node.of("split", "random-split", Map.of("fraction", 0.7, "seed", 7)),
                Node.of("gbdt", "gbdt-classifier", Map.of("labelColumn", "class"))),
                List.of(Edge.of("data", "out", "split", "in"), Edge.of("split", "train", "gbdt", "in")));

        List<NodeParams> nodes = RunComparisons.params(first, second);

        assertThat(nodes).extracting(NodeParams::nodeId).containsExactly("data", "split", "gbdt");
        assertThat(nodes).extracting(NodeParams::changed).containsExactly(false, true, true);
        NodeParams split = nodes.get(1);
        assertThat(split.presence()).isEqualTo(Presence.BOTH);
        assertThat(split.params()).extracting(p -> p.name() + "=" + p.first() + "→" + p.second() + (p.changed()
                ? " changed" : "")).containsExactly("fraction=0.8→0.7 changed", "seed=null→7 changed");
        assertThat(nodes.get(2).presence()).isEqualTo(Presence.SECOND_ONLY);
        assertThat(nodes.get(2).params()).singleElement().satisfies(p -> {
            assertThat(p.first()).isNull();
            assertThat(p.second()).isEqualTo("class");
        });
    }

    @Test
    void shouldSeeNoChangeBetweenARunAndItself() {
        ExperimentGraph graph = Graphs.creditSplit(0.8);

        assertThat(RunComparisons.params(graph, graph)).noneMatch(NodeParams::changed);
    }
}
