package io.easel.server.run;

import io.easel.server.AsAdministrator;
import org.junit.jupiter.api.extension.ExtendWith;
import io.easel.server.security.WorkspaceRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.run.NodeState;
import io.easel.run.RunState;
import io.easel.server.EaselServerApplication;
import io.easel.server.ExamplePlugin;
import io.easel.server.FreshDataDirectory;
import io.easel.server.Graphs;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.experiment.RunSettings;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelVersionView;
import io.easel.server.settings.EaselProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs submitted through Spark's launcher API ({@code easel.engine.spark-home}) to a spark-submit stand-in
 * ({@link FakeSparkHome}): a failed submission fails the run with the launcher's log, and a cluster-mode submission
 * that exits right after handing the driver over does not; that run ends from the status.json its driver writes, with
 * its model registered, though the driver never calls back.
 */
@SpringBootTest(classes = EaselServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"easel.engine.timeout=60s", "easel.engine.status-poll-interval=1s",
                "easel.engine.executor-memory=1g", "easel.engine.spark-conf.spark.ui.enabled=false",
                "easel.engine.callback-url=http://easel-studio.invalid:8080"})
@ContextConfiguration(initializers = {FreshDataDirectory.class, FakeSparkHome.class, ExamplePlugin.class})
@ExtendWith(AsAdministrator.class)
class SparkAppLauncherTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @Autowired
    ExperimentService experiments;

    @Autowired
    RunService runs;

    @Autowired
    ModelService models;

    @Autowired
    EaselProperties easel;

    private UUID experiment(String dataLabel, RunSettings settings) {
        ExperimentGraph graph = Graphs.creditSplit(0.8);
        Node data = graph.nodes().get(0);
        Node labelled = new Node(data.id(), data.component(), data.version(), dataLabel, data.params(),
                data.position());
        return experiments.create(WorkspaceRef.DEFAULT, "Launcher " + dataLabel, null, new ExperimentGraph(graph.formatVersion(),
                List.of(labelled, graph.nodes().get(1)), graph.edges()), settings).id();
    }

    private RunView awaitFinal(UUID runId) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> runs.get(runId), run -> run.state().isFinal());
    }

    private List<String> args(UUID runId) throws IOException {
        return Files.readAllLines(easel.absoluteDataDir().resolve("runs").resolve(runId.toString())
                .resolve("engine.args"));
    }

    @Test
    void shouldFailTheRunWhenTheSubmissionFailsWithTheLastLogLines() throws IOException {
        RunView started = runs.start(experiment("crash", null));

        RunView failed = awaitFinal(started.id());

        assertThat(failed.state()).isEqualTo(RunState.FAILED);
        assertThat(failed.message()).contains("ended as FAILED").contains("without reporting the end")
                .contains("boom, the fake submission failed");
        List<String> args = args(started.id());
        assertThat(args).containsSubsequence("--master", "local[*]", "--deploy-mode", "client");
        assertThat(args).contains("spark.executor.memory=1g", "spark.ui.enabled=false", "spark.driver.memory=2g");
        assertThat(args).containsSubsequence("--class", "io.easel.engine.EngineMain");
        assertThat(args.get(args.indexOf("--experiment") + 1)).endsWith("/experiment.json").doesNotContain(":");
        // the plugins directory's jar, as an application jar: in the driver and the executors
        assertThat(args.get(args.indexOf("--jars") + 1)).isEqualTo(easel.absolutePluginsDir()
                .resolve(ExamplePlugin.builtJar().getFileName()).toString());
        assertThat(args.indexOf("--jars")).as("a Spark option, before the application jar")
                .isLessThan(args.indexOf("--experiment") - 1);
    }

    @Test
    void shouldFollowAClusterModeRunAfterSparkSubmitExitsAndEndItFromStatusJson() throws IOException {
        RunSettings clusterSettings = new RunSettings("cluster", "3g", 1, "2g", 2, 3,
                Map.of("spark.sql.shuffle.partitions", "4"));
        UUID experimentId = experiment("hand over", clusterSettings);
        // Cluster mode needs a callback URL the nodes can reach; this one reaches nothing, which is the point.
        RunView started = runs.start(experimentId);

        RunView ended = awaitFinal(started.id());

        assertThat(ended.state()).as(ended.message()).isEqualTo(RunState.SUCCEEDED);
        assertThat(ended.message()).isEqualTo("All 2 nodes succeeded");
        assertThat(ended.sparkAppId()).isEqualTo("driver-20260101-0001");
        assertThat(ended.nodes().values()).extracting(NodeRunView::state).containsOnly(NodeState.SUCCEEDED);
        assertThat(ended.settings()).isEqualTo(new LaunchSettings("local[*]", "cluster", "3g", 1, "2g", 2, 3,
                Map.of("spark.sql.shuffle.partitions", "4", "spark.ui.enabled", "false")));
        // Registered right after the run's end is committed, as for a callback.
        ModelVersionView model = await().atMost(Duration.ofSeconds(10))
                .until(() -> models.producedBy(started.id(), "gbdt"), java.util.Optional::isPresent).orElseThrow();
        assertThat(model.inputs()).isNotEmpty(); // read from model.json beside the PMML
        List<String> args = args(started.id());
        assertThat(args).containsSubsequence("--deploy-mode", "cluster");
        String experiment = args.get(args.indexOf("--experiment") + 1);
        assertThat(experiment).startsWith("file:").endsWith(started.id() + "/experiment.json");
        assertThat(args.get(args.indexOf("--callback-url") + 1)).startsWith("http://easel-studio.invalid:8080/");
    }
}
