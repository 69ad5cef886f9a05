package io.easel.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.run.RunScope.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunScopeRolesTest {

    /** data → split → train → predict ← split (test side), data → stats. */
    private static final ExperimentGraph GRAPH = new ExperimentGraph(ExperimentGraph.FORMAT_VERSION,
            List.of(node("data"), node("split"), node("train"), node("predict"), node("stats")),
            List.of(Edge.of("data", "out", "split", "in"), Edge.of("split", "train", "train", "in"),
                    Edge.of("train", "model", "predict", "model"), Edge.of("split", "test", "predict", "in"),
                    Edge.of("data", "out", "stats", "in")));

    @Test
    void shouldRunFromHereTheNodeAndDownstreamFedByWhatFeedsIt() {
        assertThat(new RunScope(RunScope.Kind.FROM, "train").roles(GRAPH)).isEqualTo(Map.of(
                "data", Role.INPUT, "split", Role.INPUT, "train", Role.RUN, "predict", Role.RUN,
                "stats", Role.OUTSIDE));
    }

    @Test
    void shouldRunToHereTheNodeAndAllItNeeds() {
        assertThat(new RunScope(RunScope.Kind.TO, "train").roles(GRAPH)).isEqualTo(Map.of(
                "data", Role.RUN, "split", Role.RUN, "train", Role.RUN, "predict", Role.OUTSIDE,
                "stats", Role.OUTSIDE));
    }

    @Test
    void shouldRunOneNodeFedByEverythingUpstream() {
        assertThat(new RunScope(RunScope.Kind.ONLY, "predict").roles(GRAPH)).isEqualTo(Map.of(
                "data", Role.INPUT, "split", Role.INPUT, "train", Role.INPUT, "predict", Role.RUN,
                "stats", Role.OUTSIDE));
        assertThat(RunScope.ALL.roles(GRAPH)).containsOnlyKeys("data", "split", "train", "predict", "stats")
                .allSatisfy((node, role) -> assertThat(role).isEqualTo(Role.RUN));
    }

    @Test
    void shouldRefuseAScopeWithoutItsNodeOrWithAnUnknownOne() {
        assertThatThrownBy(() -> new RunScope(RunScope.Kind.FROM, " "))
                .hasMessage("the run scope 'from' names no node");
        assertThatThrownBy(() -> RunScope.Kind.fromJson("around"))
                .hasMessage("'around' is not a run scope: use all, from, to or only");
        assertThatThrownBy(() -> new RunScope(RunScope.Kind.ONLY, "nope").roles(GRAPH))
                .hasMessage("the run scope names node 'nope', which the experiment does not have");
    }

    private static Node node(String id) {
        return Node.of(id, "component", Map.of());
    }
}
