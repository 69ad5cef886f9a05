package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tuning's best model is exported to PMML, and so deployable, exactly when the tuned learner's model is. */
class TunedModelExportTest {

    @Test
    void shouldExportTheBestModelOfAnExportableLearnerOnly(@TempDir Path dir) {
        EngineRun run = EngineRun.of("experiments/tuned-models.json", "tuned-1", dir, null);

        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(run.exports()).extracting(RunEvent.ModelExported::nodeId)
                .containsExactlyInAnyOrder("tree", "tuneTree");
        RunEvent.ModelExported best = run.exports().stream().filter(e -> e.nodeId().equals("tuneTree"))
                .findFirst().orElseThrow();
        assertThat(best.port()).isEqualTo("best");
        assertThat(best.label().name()).isEqualTo("species");
        assertThat(best.metrics()).containsEntry("trainingRows", 150);
        assertThat(Files.exists(Path.of(URI.create(best.uri())))).isTrue();
        assertThat(run.lastStatus("tuneBayes").orElseThrow().state()).isEqualTo(NodeState.SUCCEEDED);
    }
}
