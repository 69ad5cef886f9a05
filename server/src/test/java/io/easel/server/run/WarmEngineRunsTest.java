package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.run.RunState;
import io.easel.run.RunStatus;
import io.easel.run.WarmEngineProtocol;
import io.easel.server.Api;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import io.easel.server.experiment.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Runs on the warm engine of a real server, with real Spark: run after run on one engine, a run cancelled on it while
 * it keeps serving, and an engine killed under a run (the run fails with the reason, the next run gets a new engine).
 */
@ServerTest
class WarmEngineRunsTest {

    private static final Duration PATIENCE = Duration.ofMinutes(10);

    @LocalServerPort
    int port;

    @Autowired
    LaunchPlanner planner;

    @Autowired
    EngineProperties engine;

    @Autowired
    RunWorkspace workspace;

    Api api;

    @BeforeEach
    void client() {
        api = Api.asAdmin(port);
    }

    @Test
    void shouldRunRunAfterRunOnOneWarmEngineAndKeepItThroughACancel() throws Exception {
        String first = run(Graphs.creditSplit(0.8));
        JsonNode firstRun = awaitEnd(first);
        assertThat(firstRun.get("state").asString()).as(firstRun.toString()).isEqualTo("succeeded");
        long warmEngine = warmEngineOf(first);
        assertThat(isWarmEngine(warmEngine)).isTrue();

        String cancelled = run(slowGraph());
        awaitNodeRunning(cancelled, "gbdt");
        assertThat(api.post("/api/runs/" + cancelled + "/cancel", null).status()).isEqualTo(200);
        // The engine itself ends the run as cancelled, with the node under way stopped, and takes the next run.
        RunStatus status = await().atMost(Duration.ofMinutes(2)).until(
                () -> workspace.status(UUID.fromString(cancelled)).orElse(null), s -> s != null && s.tellsTheEnd());
        assertThat(status.finished().state()).isEqualTo(RunState.CANCELLED);

        String next = run(Graphs.creditSplit(0.7));
        JsonNode nextRun = awaitEnd(next);
        assertThat(nextRun.get("state").asString()).as(nextRun.toString()).isEqualTo("succeeded");
        assertThat(warmEngineOf(next)).isEqualTo(warmEngine);
    }

    @Test
    void shouldFailTheRunOfAWarmEngineThatDiesAndGiveTheNextRunANewOne() throws Exception {
        String doomed = run(slowGraph());
        awaitNodeRunning(doomed, "gbdt");
        long killed = warmEngineOf(doomed);
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        JsonNode failed = awaitEnd(doomed);

        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("message").asString())
                .contains("warm engine, process " + killed)
                .contains("exited with code")
                .contains("without reporting the end of the run");
        String next = run(Graphs.creditSplit(0.8));
        assertThat(awaitEnd(next).get("state").asString()).isEqualTo("succeeded");
        assertThat(warmEngineOf(next)).isNotEqualTo(killed);
    }

    @Test
    void shouldTakeRunsWithTheServersDriverAndOnlySqlSettingsOfTheirOwn() {
        WarmEngineLauncher launcher = new WarmEngineLauncher(null, engine, new WarmEngineProperties(true, false,
                Duration.ofMinutes(30), Duration.ofMinutes(3), Duration.ofSeconds(10)), null, null, Path.of("."));
        try {
            assertThat(launcher.sessionConf(settings(RunSettings.NONE))).contains(Map.of());
            assertThat(launcher.sessionConf(settings(new RunSettings(null, null, null, null, null, null,
                    Map.of("spark.sql.shuffle.partitions", "3")))))
                    .contains(Map.of("spark.sql.shuffle.partitions", "3"));
            // A driver of other size, or a setting only a starting driver or its executors take: an engine of its own.
            assertThat(launcher.sessionConf(settings(new RunSettings(null, "1g", null, null, null, null,
                    Map.of())))).isEmpty();
            assertThat(launcher.sessionConf(settings(new RunSettings(null, null, null, null, null, null,
                    Map.of("spark.default.parallelism", "3"))))).isEmpty();
            assertThat(launcher.sessionConf(settings(new RunSettings("cluster", null, null, null, null, null,
                    Map.of())))).isEmpty();
        } finally {
            launcher.close();
        }
    }

    private LaunchSettings settings(RunSettings experiment) {
        return LaunchSettings.effective(engine, experiment);
    }

    /** credit_g → a GBDT of many deep trees: long enough to be caught running. */
    private static ExperimentGraph slowGraph() {
        Map<String, Object> gbdt = new LinkedHashMap<>();
        gbdt.put("labelColumn", "class");
        gbdt.put("featureColumns", List.of("duration", "credit_amount", "age", "purpose", "checking_status"));
        gbdt.put("maxIter", 400);
        gbdt.put("maxDepth", 6);
        return new ExperimentGraph(ExperimentGraph.FORMAT_VERSION,
                List.of(Node.of("data", "sample-dataset", Map.of("dataset", "credit_g")).at(40, 40),
                        Node.of("gbdt", "gbdt-classifier", gbdt).at(40, 160)),
                List.of(Edge.of("data", "out", "gbdt", "in")));
    }

    private String run(ExperimentGraph graph) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Warm " + UUID.randomUUID().toString().substring(0, 8));
        body.put("graph", graph);
        Api.Response created = api.post("/api/experiments", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Api.Response started = api.post("/api/experiments/" + created.body().get("id").asString() + "/runs", null);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        return started.body().get("id").asString();
    }

    private JsonNode awaitEnd(String runId) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get("/api/runs/" + runId).body(),
                        run -> List.of("succeeded", "failed", "cancelled").contains(run.get("state").asString()));
    }

    private void awaitNodeRunning(String runId, String nodeId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/runs/" + runId).body().at("/nodes/" + nodeId + "/state").asString(),
                        "running"::equals);
    }

    private long warmEngineOf(String runId) throws IOException {
        Path pidFile = planner.runDirectory(UUID.fromString(runId)).resolve(WarmEngineLauncher.PID_FILE);
        return Long.parseLong(Files.readString(pidFile).strip());
    }

    private static boolean isWarmEngine(long pid) {
        return ProcessHandle.of(pid).map(p -> List.of(p.info().arguments().orElse(new String[0]))
                .contains(WarmEngineProtocol.MAIN_CLASS)).orElse(false);
    }
}
