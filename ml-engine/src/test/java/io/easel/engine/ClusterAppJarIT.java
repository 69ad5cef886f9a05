package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.engine.report.EngineJson;
import io.easel.run.RunStatus;
import io.easel.run.NodeState;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        Path experiment = dir.resolve("experiment.json");
        Files.writeString(experiment, EngineRun.resource("experiments/credit-scoring.json"));
        Path workspace = dir.resolve("workspace");
        Path models = dir.resolve("models");
        Path log = dir.resolve("spark-submit.log");

        ProcessBuilder submit = new ProcessBuilder(SparkHome.sparkSubmit().toString(),
                "--master", "local[2]", "--driver-memory", "1g",
                "--class", "io.easel.engine.EngineMain", SparkHome.appJar().toString(),
                "--experiment", experiment.toUri().toString(),
                "--run-id", "cluster-1",
                "--workspace", workspace.toUri().toString(),
                "--model-store", models.toUri().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        submit.environment().put("JAVA_HOME", System.getProperty("java.home"));
        submit.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        submit.environment().remove("SPARK_HOME"); // the script finds its own
        Process engine = submit.start();
        try {
            assertThat(engine.waitFor(5, TimeUnit.MINUTES)).as("finished within 5 minutes; log:%n%s", tail(log))
                    .isTrue();
            assertThat(engine.exitValue()).as("exit code; log:%n%s", tail(log)).isZero();
        } finally {
            engine.destroyForcibly();
        }

        RunStatus status = EngineJson.mapper().readValue(workspace.resolve("cluster-1/status.json").toFile(),
                RunStatus.class);
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

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
