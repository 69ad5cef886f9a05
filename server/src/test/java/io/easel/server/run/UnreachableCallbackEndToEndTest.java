package io.easel.server.run;

import io.easel.server.AsAdministrator;
import org.junit.jupiter.api.extension.ExtendWith;
import io.easel.server.security.WorkspaceRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.easel.graph.ExperimentGraph;
import io.easel.run.NodeState;
import io.easel.run.RunState;
import io.easel.server.EaselServerApplication;
import io.easel.server.FreshDataDirectory;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelVersionView;
import io.easel.server.settings.StoredJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The credit-scoring experiment on the real engine, submitted through Spark's launcher API, while the engine's
 * callbacks cannot get through (the callback URL is a closed port): the run still ends succeeded, from the
 * status.json the engine leaves in the workspace, with every node's state and its model registered; the Spark
 * application id comes from the launcher's handle.
 */
@SpringBootTest(classes = EaselServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"easel.engine.master=local[2]", "easel.engine.status-poll-interval=2s",
                "easel.engine.spark-conf.spark.ui.enabled=false"})
@ContextConfiguration(initializers = {FreshDataDirectory.class, EngineSparkHome.class})
@ExtendWith(AsAdministrator.class)
class UnreachableCallbackEndToEndTest {

    @DynamicPropertySource
    static void closedCallbackPort(DynamicPropertyRegistry registry) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        registry.add("easel.engine.callback-url", () -> "http://127.0.0.1:" + closed);
    }

    @Autowired
    ExperimentService experiments;

    @Autowired
    RunService runs;

    @Autowired
    ModelService models;

    @Test
    void shouldEndTheRunFromStatusJsonWhenCallbacksCannotGetThrough() throws IOException {
        ExperimentGraph graph;
        try (InputStream in = getClass().getResourceAsStream("/experiments/credit-scoring.json")) {
            graph = StoredJson.MAPPER.readValue(in, ExperimentGraph.class);
        }
        UUID experimentId = experiments.create(WorkspaceRef.DEFAULT, "Credit scoring, deaf server", null, graph).id();

        RunView started = runs.start(experimentId);
        RunView ended = await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> runs.get(started.id()), run -> run.state().isFinal());

        assertThat(ended.state()).as(ended.message()).isEqualTo(RunState.SUCCEEDED);
        assertThat(ended.nodes().values()).extracting(NodeRunView::state).containsOnly(NodeState.SUCCEEDED);
        assertThat(ended.sparkAppId()).startsWith("local-");
        assertThat(ended.settings().master()).isEqualTo("local[2]");
        ModelVersionView model = await().atMost(Duration.ofSeconds(10))
                .until(() -> models.producedBy(started.id(), "gbdt"), Optional::isPresent).orElseThrow();
        assertThat(model.inputs()).isNotEmpty();
        assertThat(model.pmmlUri()).endsWith(started.id() + "/gbdt/model.pmml");
    }
}
