package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.run.RunStatus;
import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster application jar on top of what a Spark cluster provides and nothing else: the stand-in distribution's
 * {@code bin/spark-submit} (its {@code jars/} hold Spark, Scala, Hadoop and their dependencies) runs
 * {@code easel-ml-engine-app.jar} the way a user submits it to a cluster. A class missing from the app jar, or one
 * it carries in a version that clashes with Spark's, fails this run.
 */
class ClusterAppJarIT {

    @Test
    void shouldRunTheCreditScoringExperimentFromTheAppJarOnASparkDistribution(@TempDir Path dir) throws Exception {
        AppJarSubmission run = AppJarSubmission.run(dir, "cluster-1", "experiments/credit-scoring.json", List.of());

        RunStatus status = run.status();
        assertThat(status.finished().state()).isEqualTo(RunState.SUCCEEDED);
        // spark.ui.enabled is Spark's default here, as on a cluster: the run-started event links the driver's UI
        assertThat(status.started().sparkUiUrl()).startsWith("http://");
        assertThat(status.nodes()).hasSize(7).allSatisfy(n -> assertThat(n.state()).as(n.nodeId())
                .isEqualTo(NodeState.SUCCEEDED));
        RunEvent.ModelExported model = status.models().getFirst();
        Path pmml = Path.of(URI.create(model.uri()));
        assertThat(pmml).isRegularFile();
        // The type conversion before the model is Easel's own transformer: its converter came from the merged
        // registry in the app jar.
        assertThat(Files.readString(pmml)).contains("<PMML").contains("duration");
    }
}
