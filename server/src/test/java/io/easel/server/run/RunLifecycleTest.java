package io.easel.server.run;

import io.easel.server.AsAdministrator;
import org.junit.jupiter.api.extension.ExtendWith;
import io.easel.server.security.WorkspaceRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.TableSpec;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.run.JdbcConnections;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.run.RunEvent;
import io.easel.run.RunEventBatch;
import io.easel.run.RunState;
import io.easel.run.WorkspaceLayout;
import io.easel.server.Api;
import io.easel.server.EaselServerApplication;
import io.easel.server.FreshDataDirectory;
import io.easel.server.Graphs;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.experiment.ExperimentView;
import io.easel.server.experiment.RunSettings;
import io.easel.server.settings.EaselProperties;
import io.easel.server.settings.StoredJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Runs whose "engine" is a real child process that never reports back ({@link FakeSparkSubmit}): the watchdog,
 * cancelling, queueing, the timeout and the engine callback, without the cost of Spark.
 */
@SpringBootTest(classes = EaselServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"easel.engine.max-concurrent-runs=1", "easel.engine.timeout=10s"})
@ContextConfiguration(initializers = {FreshDataDirectory.class, FakeSparkSubmit.class})
@ExtendWith(AsAdministrator.class)
class RunLifecycleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @Autowired
    ExperimentService experiments;

    @Autowired
    RunService runs;

    @Autowired
    EaselProperties easel;

    @Autowired
    RunLedger ledger;

    @Autowired
    EngineSupervisor supervisor;

    @LocalServerPort
    int port;

    private UUID experiment(String dataLabel) {
        ExperimentGraph graph = Graphs.creditSplit(0.8);
        Node data = graph.nodes().get(0);
        Node labelled = new Node(data.id(), data.component(), data.version(), dataLabel, data.params(),
                data.position());
        ExperimentGraph withLabel = new ExperimentGraph(graph.formatVersion(), List.of(labelled, graph.nodes().get(1)),
                graph.edges());
        return experiments.create(WorkspaceRef.DEFAULT, "Lifecycle " + dataLabel, null, withLabel).id();
    }

    private Path runDir(UUID runId) {
        return easel.absoluteDataDir().resolve("runs").resolve(runId.toString());
    }

    private RunView awaitState(UUID runId, RunState... states) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> runs.get(runId), run -> List.of(states).contains(run.state()));
    }

    private long pid(UUID runId, String file) throws IOException {
        Path pidFile = runDir(runId).resolve(file);
        await().atMost(PATIENCE).until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
        return Long.parseLong(Files.readString(pidFile).strip());
    }

    @Test
    void shouldFailRunWhoseEngineExitsWithoutReportingTheEnd() {
        RunView started = runs.start(experiment("crash"));

        RunView failed = awaitState(started.id(), RunState.FAILED);

        assertThat(failed.message()).contains("exited with code 1")
                .contains("boom, the fake engine died");
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(failed.nodes().values()).extracting(NodeRunView::state).containsOnly(NodeState.SKIPPED);
        assertThat(runDir(started.id()).resolve("experiment.json")).exists();
    }

    @Test
    void shouldStartTheEngineWithoutTheServersSecrets() throws IOException {
        assertThat(System.getenv("EASEL_TEST_SERVER_SECRET")).as("set by the build for this test").isNotBlank();
        RunView started = runs.start(experiment("hang"));
        Path environment = runDir(started.id()).resolve("engine.env");
        pid(started.id(), "child.pid"); // written after the environment

        List<String> variables = Files.readAllLines(environment).stream()
                .filter(line -> line.contains("=")).map(line -> line.substring(0, line.indexOf('='))).toList();

        assertThat(variables).doesNotContain("EASEL_TEST_SERVER_SECRET").contains("EASEL_CALLBACK_TOKEN")
                .allSatisfy(name -> assertThat(EngineEnvironment.defaults().passes(name)
                        || ENGINE_OWN.contains(name) || SHELL_OWN.contains(name)).as(name).isTrue());
        runs.cancel(started.id());
    }

    /** What the server gives the engine of a run: its callback token, the database connections its nodes may name. */
    private static final List<String> ENGINE_OWN = List.of(EngineLaunch.TOKEN_VARIABLE,
            JdbcConnections.ENVIRONMENT_VARIABLE);

    /** What the fake engine's shell sets itself. */
    private static final List<String> SHELL_OWN = List.of("PWD", "OLDPWD", "SHLVL", "_");

    @Test
    void shouldCancelRunAndStopTheEngineProcessTree() throws IOException {
        List<RunState> seen = new CopyOnWriteArrayList<>();
        RunView started = runs.start(experiment("hang"));
        Registration subscription = runs.subscribe(started.id(), run -> seen.add(run.state()));
        long engine = pid(started.id(), "engine.pid");
        long child = pid(started.id(), "child.pid");
        assertThat(ProcessHandle.of(child)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        RunView cancelled = runs.cancel(started.id());

        assertThat(cancelled.state()).isEqualTo(RunState.CANCELLED);
        assertThat(cancelled.nodes().values()).extracting(NodeRunView::state).containsOnly(NodeState.SKIPPED);
        await().atMost(PATIENCE).until(() -> ProcessHandle.of(engine).map(p -> !p.isAlive()).orElse(true)
                && ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
        assertThat(seen).contains(RunState.CANCELLED);
        // The engine's exit after the cancel does not turn the run into a failure.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> runs.get(started.id()).state() == RunState.CANCELLED);
        subscription.remove();
    }

    @Test
    void shouldQueueRunsBeyondTheConcurrencyLimit() {
        RunView first = runs.start(experiment("hang"));
        awaitState(first.id(), RunState.STARTING);
        RunView second = runs.start(experiment("hang"));

        assertThat(second.state()).isEqualTo(RunState.QUEUED);
        assertThat(second.startedAt()).isNull();

        runs.cancel(first.id());
        awaitState(second.id(), RunState.STARTING);
        assertThat(runs.cancel(second.id()).state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void shouldFailRunThatExceedsTheTimeout() throws IOException {
        RunView started = runs.start(experiment("hang"));
        long engine = pid(started.id(), "engine.pid");

        RunView failed = awaitState(started.id(), RunState.FAILED);

        assertThat(failed.message()).contains("longer than").contains("easel.engine.timeout");
        await().atMost(PATIENCE).until(() -> ProcessHandle.of(engine).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void shouldApplyEngineEventsCarryingTheRunsTokenOnce() throws IOException {
        RunView started = runs.start(experiment("hang"));
        pid(started.id(), "engine.pid");
        List<String> args = Files.readAllLines(runDir(started.id()).resolve("engine.args"));
        assertThat(args).as("the token travels in the environment").doesNotContain("--callback-token");
        String token = Files.readString(runDir(started.id()).resolve("engine.token")).strip();
        String callbackUrl = args.get(args.indexOf("--callback-url") + 1);
        assertThat(callbackUrl).isEqualTo("http://127.0.0.1:" + port + "/api/engine/runs/" + started.id() + "/events");
        String path = "/api/engine/runs/" + started.id() + "/events";
        Api api = Api.asAdmin(port);
        long now = System.currentTimeMillis();
        RunEventBatch first = new RunEventBatch(started.id().toString(), 1, List.of(
                new RunEvent.RunStarted("local-123", "http://127.0.0.1:4040", now),
                new RunEvent.NodeStatusChanged("data", NodeState.RUNNING, null, now)));

        assertThat(api.post(path, first).status()).isEqualTo(401);
        assertThat(api.post(path, first, Map.of("Authorization", "Bearer wrong")).status()).isEqualTo(401);
        assertThat(runs.get(started.id()).state()).isEqualTo(RunState.STARTING);

        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        Api.Response accepted = api.post(path, first, auth);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        RunView running = runs.get(started.id());
        assertThat(running.state()).isEqualTo(RunState.RUNNING);
        assertThat(running.sparkAppId()).isEqualTo("local-123");
        assertThat(running.nodes().get("data").state()).isEqualTo(NodeState.RUNNING);

        RunEventBatch replayedWithOtherContent = new RunEventBatch(started.id().toString(), 1, List.of(
                new RunEvent.RunFinished(RunState.FAILED, "must be ignored", now)));
        assertThat(api.post(path, replayedWithOtherContent, auth).status()).isEqualTo(200);
        assertThat(runs.get(started.id()).state()).isEqualTo(RunState.RUNNING);

        List<RunEvent> rest = new ArrayList<>();
        rest.add(new RunEvent.NodeStatusChanged("data", NodeState.SUCCEEDED, null, now + 10, "earlier-run", null));
        rest.add(new RunEvent.NodeOutput("data", "out", PortResult.ofTable(
                TableSpec.of(ColumnSpec.of("age", DataType.INTEGER)), 1000, List.of(List.of(67), List.of(22)), null),
                now + 11));
        // A failure as Spark words it (the rule reading it is checked against Spark itself in FailureCauseTest).
        String sparkFailure = "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with "
                + "name `fractio` cannot be resolved. Did you mean one of the following? [`fraction`, `age`]. "
                + "SQLSTATE: 42703";
        rest.add(new RunEvent.NodeStatusChanged("split", NodeState.FAILED, sparkFailure, now + 12, null,
                "param fraction changed (0.8 → 0.7)"));
        rest.add(new RunEvent.RunFinished(RunState.FAILED, "Node 'split' failed", now + 13));
        assertThat(api.post(path, new RunEventBatch(started.id().toString(), 2, rest), auth).status())
                .isEqualTo(200);

        RunView finished = runs.get(started.id());
        assertThat(finished.state()).isEqualTo(RunState.FAILED);
        assertThat(finished.message()).isEqualTo("Node 'split' failed");
        assertThat(finished.nodes().get("data").state()).isEqualTo(NodeState.SUCCEEDED);
        assertThat(finished.nodes().get("split").message()).isEqualTo(sparkFailure);
        NodeResultView data = runs.nodeResult(started.id(), "data");
        assertThat(data.outputs().get("out").rowCount()).isEqualTo(1000);
        assertThat(data.outputs().get("out").sampleRows()).hasSize(2);
        assertThat(data.outputs().get("out").spec()).isInstanceOf(TableSpec.class);

        Api.Response overHttp = api.get("/api/runs/" + started.id() + "/nodes/data");
        assertThat(overHttp.body().at("/outputs/out/rowCount").asLong()).isEqualTo(1000);
        Api.Response runOverHttp = api.get("/api/runs/" + started.id());
        assertThat(runOverHttp.body().at("/nodes/data/reusedFrom").asString()).isEqualTo("earlier-run");
        assertThat(runOverHttp.body().at("/nodes/data/rerunReason").isMissingNode()
                || runOverHttp.body().at("/nodes/data/rerunReason").isNull()).isTrue();
        assertThat(runOverHttp.body().at("/nodes/split/rerunReason").asString())
                .isEqualTo("param fraction changed (0.8 → 0.7)");
        // The failed node's cause in plain words, in both languages, beside Spark's own text.
        for (JsonNode split : List.of(runOverHttp.body().at("/nodes/split"),
                api.get("/api/runs/" + started.id() + "/nodes/split").body())) {
            assertThat(split.at("/cause/en").asString()).isEqualTo("Column 'fractio' does not exist. Did you mean "
                    + "'fraction'?");
            assertThat(split.at("/cause/zh").asString()).isEqualTo("列 'fractio' 不存在。是否想用 'fraction'？");
            assertThat(split.get("message").asString()).isEqualTo(sparkFailure);
        }
        assertThat(runOverHttp.body().at("/nodes/data/cause").isMissingNode()).isTrue();
        assertThat(overHttp.body().has("cause")).isFalse();
        assertThat(api.get("/api/runs/" + started.id() + "/nodes/nope").status()).isEqualTo(404);
        runs.cancel(started.id()); // already over: answered unchanged
        assertThat(runs.get(started.id()).state()).isEqualTo(RunState.FAILED);
    }

    @Test
    void shouldTellTheEngineThePreviousRunOfTheExperimentAndTheNodesToForce() throws IOException {
        RunView first = runs.start(experiment("hang"));
        pid(first.id(), "engine.pid");
        assertThat(Files.readAllLines(runDir(first.id()).resolve("engine.args")))
                .doesNotContain("--previous-run", "--force");
        runs.cancel(first.id());
        Api api = Api.asAdmin(port);

        Api.Response forced = api.post("/api/experiments/" + first.experimentId() + "/runs",
                Map.of("forceNodes", List.of("data")));
        assertThat(forced.status()).as(forced.text()).isEqualTo(202);
        UUID second = UUID.fromString(forced.body().at("/id").asString());
        pid(second, "engine.pid");
        List<String> args = Files.readAllLines(runDir(second).resolve("engine.args"));
        assertThat(args.subList(args.indexOf("--previous-run"), args.indexOf("--previous-run") + 2))
                .containsExactly("--previous-run", first.id().toString());
        assertThat(args.subList(args.indexOf("--force"), args.indexOf("--force") + 2))
                .containsExactly("--force", "data");
        assertThat(args.subList(args.indexOf("--cache-scope"), args.indexOf("--cache-scope") + 2))
                .containsExactly("--cache-scope", first.workspaceId().toString());
        runs.cancel(second);

        Api.Response unknown = api.post("/api/experiments/" + first.experimentId() + "/runs",
                Map.of("forceNodes", List.of("nope")));
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(400);
        assertThat(unknown.text()).contains("nope");
    }

    @Test
    void shouldTellTheEngineTheRunScopeAndTheCacheLimitAndRefuseAScopeThatIsNotOne() throws IOException {
        UUID experimentId = experiment("hang");
        Api api = Api.asAdmin(port);

        Api.Response from = api.post("/api/experiments/" + experimentId + "/runs",
                Map.of("scope", Map.of("kind", "from", "node", "split")));

        assertThat(from.status()).as(from.text()).isEqualTo(202);
        UUID runId = UUID.fromString(from.body().at("/id").asString());
        pid(runId, "engine.pid");
        List<String> args = Files.readAllLines(runDir(runId).resolve("engine.args"));
        assertThat(args.subList(args.indexOf("--scope"), args.indexOf("--scope") + 4))
                .containsExactly("--scope", "from", "--scope-node", "split");
        assertThat(args.subList(args.indexOf("--cache-max-size"), args.indexOf("--cache-max-size") + 2))
                .containsExactly("--cache-max-size", Long.toString(10L * 1024 * 1024 * 1024));
        assertThat(api.get("/api/runs/" + runId).body().at("/options/scope/kind").asString()).isEqualTo("from");
        runs.cancel(runId);

        Api.Response unknownKind = api.post("/api/experiments/" + experimentId + "/runs",
                Map.of("scope", Map.of("kind", "around", "node", "split")));
        Api.Response unknownNode = api.post("/api/experiments/" + experimentId + "/runs",
                Map.of("scope", Map.of("kind", "only", "node", "nope")));
        Api.Response noNode = api.post("/api/experiments/" + experimentId + "/runs",
                Map.of("scope", Map.of("kind", "to")));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.problemDetail()).contains("scope.kind").contains("'around' is not a run scope");
        assertThat(unknownNode.status()).isEqualTo(400);
        assertThat(unknownNode.problemDetail()).contains("scope.node").contains("'nope'");
        assertThat(noNode.status()).isEqualTo(400);
        assertThat(noNode.problemDetail()).contains("scope.node");
    }

    @Test
    void shouldMarkNodesStaleAfterAParamEditAndAnUpstreamEdit() {
        ExperimentGraph graph = Graphs.creditSplit(0.8);
        UUID experimentId = experiments.create(WorkspaceRef.DEFAULT, "Stale", null, graph).id();
        assertThat(runs.staleNodes(experimentId, Graphs.creditSplit(0.7))).as("never run: not stale").isEmpty();
        UUID runId = succeeded(experimentId, graph, "data", "split");

        assertThat(runs.staleNodes(experimentId, graph)).isEmpty();
        assertThat(runs.staleNodes(experimentId, withParams(graph, "split", Map.of("fraction", 0.80, "seed", 42))))
                .as("a default written out, a number written otherwise").isEmpty();
        Map<String, StaleNode> paramEdited = runs.staleNodes(experimentId, Graphs.creditSplit(0.7));
        assertThat(paramEdited).containsOnlyKeys("split");
        assertThat(paramEdited.get("split")).isEqualTo(new StaleNode("split", runId, "param fraction changed"));
        Map<String, StaleNode> upstreamEdited = runs.staleNodes(experimentId,
                withParams(graph, "data", Map.of("dataset", "iris")));
        assertThat(upstreamEdited).containsOnlyKeys("data", "split");
        assertThat(upstreamEdited.get("data").reason()).isEqualTo("param dataset changed");
        assertThat(upstreamEdited.get("split").reason()).isEqualTo("upstream node data changed");
        ExperimentGraph disconnected = new ExperimentGraph(graph.formatVersion(), graph.nodes(), List.of());
        assertThat(runs.staleNodes(experimentId, disconnected).get("split").reason())
                .isEqualTo("input 'in' disconnected");

        // A later run of the split alone: the split is up to date with the new fraction, the source still with the
        // old data set.
        succeeded(experimentId, Graphs.creditSplit(0.7), "split");
        assertThat(runs.staleNodes(experimentId, Graphs.creditSplit(0.7))).isEmpty();
        experiments.save(experimentId, experiments.get(experimentId).version(), null, null,
                withParams(graph, "split", Map.of("fraction", 0.6)), null);
        Api.Response overHttp = Api.asAdmin(port).get("/api/experiments/" + experimentId + "/stale-nodes");
        assertThat(overHttp.status()).as(overHttp.text()).isEqualTo(200);
        assertThat(overHttp.body().at("/split/reason").asString()).isEqualTo("param fraction changed");
        assertThat(overHttp.body().has("data")).isFalse();
    }

    @Test
    void shouldRemoveThePurgedExperimentsRunFilesButKeepTheTablesOtherRunsReusedUntilTheyGoToo() throws IOException {
        UUID purged = experiments.create(WorkspaceRef.DEFAULT, "Purged", null, Graphs.creditSplit(0.8)).id();
        UUID kept = experiments.create(WorkspaceRef.DEFAULT, "Kept", null, Graphs.creditSplit(0.8)).id();
        UUID computed = succeeded(purged, Graphs.creditSplit(0.8), "data", "split");
        Path source = Files.createDirectories(runDir(computed).resolve("nodes/data/out"));
        Files.writeString(source.resolve("part-0.parquet"), "rows");
        Path split = Files.createDirectories(runDir(computed).resolve("nodes/split/train"));
        Files.writeString(split.resolve("part-0.parquet"), "rows");
        Files.writeString(runDir(computed).resolve("events.jsonl"), "{}");
        RunView reusing = ledger.create(WorkspaceRef.DEFAULT_ID, kept, "Kept", Graphs.creditSplit(0.8), null,
                CallbackTokens.hash("reusing"));
        long now = System.currentTimeMillis();
        ledger.apply(reusing.id(), "reusing", new RunEventBatch(reusing.id().toString(), 1, List.of(
                new RunEvent.NodeStatusChanged("data", NodeState.SUCCEEDED, null, now, computed.toString(), null),
                new RunEvent.NodeOutput("data", "out", PortResult.ofTable(TableSpec.of(ColumnSpec.of("age",
                        DataType.INTEGER)), 1, List.of(), source.toUri().toString()), now),
                new RunEvent.RunFinished(RunState.SUCCEEDED, "done", now))));

        experiments.delete(purged);
        experiments.purge(purged);

        assertThat(source.resolve("part-0.parquet")).as("reused by a run of another experiment").exists();
        assertThat(split).doesNotExist();
        assertThat(runDir(computed).resolve("events.jsonl")).doesNotExist();
        assertThat(runDir(computed).resolve(WorkspaceLayout.EXPERIMENT)).doesNotExist();

        experiments.delete(kept);
        experiments.purge(kept);
        assertThat(source).as("the last run showing it is gone").doesNotExist();
    }

    /** A run of {@code graph} in which {@code nodes} succeeded, as its engine would have reported it. */
    private UUID succeeded(UUID experimentId, ExperimentGraph graph, String... nodes) {
        RunView run = ledger.create(WorkspaceRef.DEFAULT_ID, experimentId, "run", graph, null,
                CallbackTokens.hash("token"));
        List<RunEvent> events = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (String node : nodes) {
            events.add(new RunEvent.NodeStatusChanged(node, NodeState.SUCCEEDED, null, now));
        }
        events.add(new RunEvent.RunFinished(RunState.SUCCEEDED, "done", now));
        ledger.apply(run.id(), "token", new RunEventBatch(run.id().toString(), 1, events));
        try {
            Files.createDirectories(runDir(run.id()));
            Files.write(runDir(run.id()).resolve(WorkspaceLayout.EXPERIMENT),
                    StoredJson.MAPPER.writeValueAsBytes(graph));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return run.id();
    }

    private static ExperimentGraph withParams(ExperimentGraph graph, String nodeId, Map<String, Object> params) {
        return graph.withNodes(graph.nodes().stream().map(n -> n.id().equals(nodeId) ? n.withParams(params) : n)
                .toList());
    }

    @Test
    void shouldCancelActiveRunsWhenTheirExperimentIsPurgedFromTheTrash() throws IOException {
        UUID experimentId = experiment("hang");
        RunView started = runs.start(experimentId);
        long engine = pid(started.id(), "engine.pid");

        experiments.delete(experimentId);
        assertThat(runs.get(started.id()).state().isFinal()).as("the trash keeps runs").isFalse();
        experiments.purge(experimentId);

        await().atMost(PATIENCE).until(() -> ProcessHandle.of(engine).map(p -> !p.isAlive()).orElse(true));
        assertThat(Api.asAdmin(port).get("/api/runs/" + started.id()).status()).isEqualTo(404);
    }

    @Test
    void shouldFailAClusterModeRunClearlyWithoutACallbackUrlTheClusterCanReach() {
        UUID experimentId = experiment("hang");
        ExperimentView experiment = experiments.get(experimentId);
        experiments.save(experimentId, experiment.version(), null, null, null,
                new RunSettings("cluster", null, null, null, null, null, null));

        RunView failed = awaitState(runs.start(experimentId).id(), RunState.FAILED);

        assertThat(failed.message()).contains("could not be started")
                .contains("Cluster deploy mode needs easel.engine.callback-url");
        assertThat(failed.settings().deployMode()).isEqualTo("cluster");
    }

    @Test
    void shouldFollowAClusterModeRunLeftOverByAnEarlierServerProcessUntilItsStatusJsonTellsTheEnd()
            throws IOException {
        UUID experimentId = experiment("handed over");
        ExperimentGraph graph = experiments.get(experimentId).graph();
        LaunchSettings cluster = new LaunchSettings("spark://cluster:7077", "cluster", "2g", null, null, null, null,
                Map.of());
        RunView handedOver = ledger.create(WorkspaceRef.DEFAULT_ID, experimentId, "handed over", graph, cluster, CallbackTokens.hash("t3"));
        ledger.starting(handedOver.id());
        Files.createDirectories(runDir(handedOver.id()));
        Files.writeString(runDir(handedOver.id()).resolve("engine.log"), "spark-submit: driver submitted\n");

        supervisor.recoverRunsCreatedBefore(java.time.Instant.now());

        // Still on the cluster as far as anyone knows: followed, not failed.
        assertThat(runs.get(handedOver.id()).state()).isEqualTo(RunState.STARTING);
        Files.createDirectories(runDir(handedOver.id()));
        Files.writeString(runDir(handedOver.id()).resolve("status.json"), """
                {"runId": "%s",
                 "started": {"type": "run-started", "sparkAppId": "driver-42", "at": 1795464813568},
                 "finished": {"type": "run-finished", "state": "failed", "message": "Node 'split' failed",
                              "at": 1795464972403},
                 "nodes": [{"type": "node-status", "nodeId": "data", "state": "succeeded", "at": 1795464851651},
                           {"type": "node-status", "nodeId": "split", "state": "failed", "message": "No rows",
                            "at": 1795464863936}]}
                """.formatted(handedOver.id()));

        RunView ended = awaitState(handedOver.id(), RunState.FAILED);
        assertThat(ended.message()).isEqualTo("Node 'split' failed");
        assertThat(ended.sparkAppId()).isEqualTo("driver-42");
        assertThat(ended.nodes().get("split").message()).isEqualTo("No rows");
    }

    @Test
    void shouldEndRunsLeftOverByAnEarlierServerProcess() throws IOException {
        UUID experimentId = experiment("left over");
        ExperimentGraph graph = experiments.get(experimentId).graph();
        RunView lost = ledger.create(WorkspaceRef.DEFAULT_ID, experimentId, "left over", graph, null, CallbackTokens.hash("t1"));
        RunView finishedMeanwhile = ledger.create(WorkspaceRef.DEFAULT_ID, experimentId, "left over", graph, null, CallbackTokens.hash("t2"));
        UUID crashing = experiment("crash");
        RunView neverLaunched = ledger.create(WorkspaceRef.DEFAULT_ID, crashing, "left over",
                experiments.get(crashing).graph(), null, CallbackTokens.hash("t4"));
        ledger.starting(lost.id());
        ledger.starting(finishedMeanwhile.id());
        ledger.starting(neverLaunched.id()); // and the server died before it launched the engine
        Files.createDirectories(runDir(neverLaunched.id())); // where RunService wrote the experiment for it
        Files.write(runDir(neverLaunched.id()).resolve(WorkspaceLayout.EXPERIMENT),
                StoredJson.MAPPER.writeValueAsBytes(experiments.get(crashing).graph()));
        Files.createDirectories(runDir(lost.id()));
        Files.writeString(runDir(lost.id()).resolve("engine.log"), "Engine starting\n");
        // What the engine leaves in its workspace when it ends (see the engine's RunStatus).
        Files.createDirectories(runDir(finishedMeanwhile.id()));
        Files.writeString(runDir(finishedMeanwhile.id()).resolve("status.json"), """
                {"runId": "%s",
                 "started": {"type": "run-started", "sparkAppId": "local-7", "sparkUiUrl": "http://localhost:4041",
                             "at": 1795464813568},
                 "finished": {"type": "run-finished", "state": "succeeded", "message": "All 2 nodes succeeded",
                              "at": 1795464972403},
                 "nodes": [{"type": "node-status", "nodeId": "data", "state": "succeeded", "at": 1795464851651},
                           {"type": "node-status", "nodeId": "split", "state": "succeeded", "at": 1795464863936}],
                 "models": []}
                """.formatted(finishedMeanwhile.id()));

        supervisor.recoverRunsCreatedBefore(java.time.Instant.now());

        RunView failed = runs.get(lost.id());
        assertThat(failed.state()).isEqualTo(RunState.FAILED);
        assertThat(failed.message()).contains("server restarted");
        assertThat(failed.nodes().values()).extracting(NodeRunView::state).containsOnly(NodeState.SKIPPED);
        RunView succeeded = runs.get(finishedMeanwhile.id());
        assertThat(succeeded.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(succeeded.message()).isEqualTo("All 2 nodes succeeded");
        assertThat(succeeded.sparkAppId()).isEqualTo("local-7");
        assertThat(succeeded.nodes().values()).extracting(NodeRunView::state).containsOnly(NodeState.SUCCEEDED);
        // Started afresh: its (fake) engine ran this time, and failed as its label asks.
        assertThat(awaitState(neverLaunched.id(), RunState.FAILED).message()).contains("boom, the fake engine died")
                .doesNotContain("server restarted");
    }
}
