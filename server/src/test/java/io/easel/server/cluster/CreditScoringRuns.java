package io.easel.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.graph.ExperimentGraph;
import io.easel.server.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The credit-scoring experiment of the cluster tests ({@code /cluster/credit-scoring-hdfs.json}: read a CSV from
 * HDFS, convert, split, GBDT, predict, evaluate) run through a server's REST API, whatever the cluster manager: create
 * it, start it, follow it, read its AUC, deploy its model and score Spark's own rows with it.
 */
final class CreditScoringRuns {

    static final Path CREDIT_CSV = Path.of("..", "components", "builtin", "src", "main", "resources", "io",
            "easel", "components", "datasets", "credit_g.csv");
    static final List<String> NODES = List.of("data", "convert", "split", "gbdt", "predict", "evaluate");
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    /** Spring resets log levels when a server starts, and the mini clusters in this JVM log thousands of lines. */
    static final Map<String, String> QUIET_HADOOP = Map.of("logging.level.org.apache.hadoop", "WARN",
            "logging.level.BlockStateChange", "WARN");

    private final String csvUri;
    /** The engine logs of the runs started, printed when a test fails. */
    private final Map<String, Path> engineLogs = new LinkedHashMap<>();

    CreditScoringRuns(String csvUri) {
        this.csvUri = csvUri;
    }

    Map<String, Path> engineLogs() {
        return engineLogs;
    }

    String createExperiment(Api api) {
        return createExperiment(api, Map.of());
    }

    /** A new experiment with the given run settings (e.g. {@code deployMode}); returns its id. */
    String createExperiment(Api api, Map<String, String> runSettings) {
        String json;
        try (InputStream in = CreditScoringRuns.class.getResourceAsStream("/cluster/credit-scoring-hdfs.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${csv}", csvUri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExperimentGraph graph = Api.JSON.readValue(json, ExperimentGraph.class);
        Api.Response created = api.post("/api/experiments", Map.of("name", "Credit scoring on HDFS", "graph", graph,
                "runSettings", runSettings));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().at("/validation/errors")).as(created.text()).isEmpty();
        return created.body().get("id").asString();
    }

    String startRun(EaselServer server, String experimentId) {
        Api.Response started = server.api().post("/api/experiments/" + experimentId + "/runs", null);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String runId = started.body().get("id").asString();
        engineLogs.put(runId, server.engineLog(runId));
        return runId;
    }

    /** The run once it ended, failing the test if it has not within {@link #RUN_TIMEOUT}. */
    static JsonNode awaitEnd(Api api, String runId) {
        JsonNode run = awaitRun(api, runId, RUN_TIMEOUT, CreditScoringRuns::isFinal);
        assertThat(isFinal(run)).as("run %s did not end within %s: %s", runId, RUN_TIMEOUT, run).isTrue();
        return run;
    }

    /** Polls the run until {@code done} holds or the time is up; returns its last state either way. */
    static JsonNode awaitRun(Api api, String runId, Duration timeout, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode run = api.get("/api/runs/" + runId).body();
        while (!done.test(run) && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(250));
            run = api.get("/api/runs/" + runId).body();
        }
        return run;
    }

    static void assertEveryNodeSucceeded(JsonNode run) {
        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("succeeded");
        for (String node : NODES) {
            assertThat(run.at("/nodes/" + node + "/state").asString()).as(node).isEqualTo("succeeded");
        }
    }

    static double auc(Api api, String runId) {
        return api.get("/api/runs/" + runId + "/nodes/evaluate").body().at("/outputs/report/metrics/auc").asDouble();
    }

    /**
     * Deploys the run's GBDT model under {@code name} and checks that the deployment scores the rows Spark scored
     * in the run exactly as Spark did. Returns the model version's PMML URI.
     */
    static String deployAndScoreAsSparkDid(Api api, String experimentId, String runId, String name) {
        JsonNode model = api.get("/api/models").body().valueStream()
                .filter(m -> m.get("experimentId").asString().equals(experimentId)
                        && m.get("nodeId").asString().equals("gbdt"))
                .findFirst().orElseThrow(() -> new AssertionError("the run's model was not registered"));
        JsonNode version = model.get("versions").get(0);
        assertThat(version.get("runId").asString()).isEqualTo(runId);
        Api.Response deployed = api.post("/api/models/" + model.get("id").asString() + "/versions/"
                + version.get("version").asInt() + "/deploy", Map.of("name", name));
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(201);
        SparkScoredSample sample = SparkScoredSample.of(api, runId, "predict");
        assertThat(sample.rows()).hasSizeGreaterThanOrEqualTo(10);
        Api.Response answer = api.post("/api/score/" + name, sample.records(deployed.body().get("inputs")));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode labels = api.get("/api/runs/" + runId + "/nodes/gbdt").body().at("/outputs/model/metrics");
        sample.assertScoredAsSparkDid(answer.body().get("predictions"), labels.get("negativeLabel").asString(),
                labels.get("positiveLabel").asString());
        return version.get("pmmlUri").asString();
    }

    static boolean isFinal(JsonNode run) {
        return List.of("succeeded", "failed", "cancelled").contains(run.path("state").asString());
    }

    static <T> T timed(String what, Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        System.out.printf("[timing] %s: %.1f s%n", what, (System.nanoTime() - start) / 1e9);
        return result;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
