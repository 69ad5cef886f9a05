package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that throws fails alone: what depends on it is skipped, an independent branch still runs. */
class FailingNodeTest {

    @Test
    void shouldFailTheBrokenNodeSkipItsDownstreamAndRunTheIndependentBranch(@TempDir Path dir) {
        EngineRun run = EngineRun.of("experiments/failing-branch.json", "failing-1", dir, null);

        assertThat(run.state()).isEqualTo(RunState.FAILED);
        RunEvent.NodeStatusChanged missing = run.lastStatus("missing").orElseThrow();
        assertThat(missing.state()).isEqualTo(NodeState.FAILED);
        assertThat(missing.message()).contains(dir.resolve("no-such-file.csv").toString())
                .containsIgnoringCase("not exist")
                .doesNotContain("\tat ", "\n");
        assertThat(run.states("convertMissing")).containsExactly(NodeState.QUEUED, NodeState.SKIPPED);
        assertThat(run.lastStatus("convertMissing").orElseThrow().message())
                .isEqualTo("Not run: upstream node 'missing' failed");
        assertThat(run.lastStatus("splitMissing").orElseThrow().message())
                .isEqualTo("Not run: upstream node 'missing' failed");
        assertThat(run.states("credit")).containsExactly(NodeState.QUEUED, NodeState.RUNNING, NodeState.SUCCEEDED);
        assertThat(run.states("convertCredit")).endsWith(NodeState.SUCCEEDED);
        assertThat(run.output("convertCredit", "out").rowCount()).isEqualTo(1000);
        assertThat(Files.exists(run.runDirectory().resolve("nodes/missing"))).isFalse();

        RunEvent.RunFinished finished = run.status().finished();
        assertThat(finished.state()).isEqualTo(RunState.FAILED);
        assertThat(finished.message()).startsWith("Node 'missing' failed: ");
        assertThat(run.status().nodes()).filteredOn(n -> n.state() == NodeState.SKIPPED)
                .extracting(RunEvent.NodeStatusChanged::nodeId)
                .containsExactlyInAnyOrder("convertMissing", "splitMissing");
    }
}
