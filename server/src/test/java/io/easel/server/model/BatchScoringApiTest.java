package io.easel.server.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import io.easel.server.ServerTest;
import io.easel.server.run.ModelExportedNotice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/**
 * POST /api/models/{id}/versions/{version}/batch-score: a registered version (the credit GBDT's real PMML) scores the
 * bundled credit_g file on the real engine, through the ordinary run path, and writes every row with its prediction.
 */
@ServerTest
@ExtendWith(AsAdministrator.class)
class BatchScoringApiTest {

    @LocalServerPort
    int port;

    @Value("${easel.data-dir}")
    Path dataDir;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ModelService models;

    @Autowired
    ModelStore store;

    @Test
    void shouldScoreEveryRowOfAFileIntoAnotherAsARun() throws IOException {
        UUID modelId = registeredCreditGbdt();
        Path output = dataDir.resolve("data").resolve("scored-" + UUID.randomUUID());
        Api api = Api.asAdmin(port);

        Api.Response started = api.post("/api/models/" + modelId + "/versions/1/batch-score", Map.of(
                "input", Map.of("format", "csv", "path", "{samples}/credit_g.csv"),
                "output", Map.of("format", "csv", "path", output.toString())));

        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String runId = started.body().get("id").asString();
        assertThat(started.raw().headers().firstValue("Location")).hasValue("/api/runs/" + runId);
        JsonNode run = await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .until(() -> api.get("/api/runs/" + runId).body(),
                        r -> List.of("succeeded", "failed", "cancelled").contains(r.get("state").asString()));
        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(api.get("/api/experiments/" + run.get("experimentId").asString() + "/runs").body().get(0)
                .get("id").asString()).as("the job is in the run history").isEqualTo(runId);

        List<String> lines = csvLines(output);
        assertThat(lines.getFirst()).startsWith("checking_status,duration,")
                .endsWith(",class,prediction,probability_good,probability_bad");
        List<String> rows = lines.subList(1, lines.size());
        assertThat(rows).as("every row of credit_g, scored").hasSize(1000)
                .allSatisfy(row -> assertThat(row).matches(".*,(good|bad),[0-9.E-]+,[0-9.E-]+"));
    }

    @Test
    void shouldRunEveryBatchOfAVersionInOneTaggedExperimentAsItsRevisions() {
        UUID modelId = registeredCreditGbdt();
        Api api = Api.asAdmin(port);
        Path first = dataDir.resolve("data").resolve("first-" + UUID.randomUUID());
        Path second = dataDir.resolve("data").resolve("second-" + UUID.randomUUID());

        List<JsonNode> runs = new ArrayList<>();
        for (Path output : List.of(first, second)) {
            Api.Response started = api.post("/api/models/" + modelId + "/versions/1/batch-score", Map.of(
                    "input", Map.of("format", "csv", "path", "{samples}/credit_g.csv"),
                    "output", Map.of("format", "parquet", "path", output.toString())));
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            runs.add(awaitEnd(api, started.body().get("id").asString()));
        }

        assertThat(runs).allSatisfy(run -> assertThat(run.get("state").asString()).as(run.toString())
                .isEqualTo("succeeded"));
        String experimentId = runs.getFirst().get("experimentId").asString();
        assertThat(runs.get(1).get("experimentId").asString()).as("one experiment per version").isEqualTo(experimentId);
        assertThat(api.get("/api/experiments/" + experimentId + "/runs").body().valueStream()
                .map(run -> run.get("id").asString()))
                .as("both jobs in its run history, newest first")
                .containsExactly(runs.get(1).get("id").asString(), runs.get(0).get("id").asString());
        JsonNode experiment = api.get("/api/experiments/" + experimentId).body();
        assertThat(experiment.get("tags").valueStream().map(JsonNode::asString)).containsExactly("batch-scoring");
        assertThat(experiment.at("/graph/nodes/2/params/path").asString()).isEqualTo(second.toString());
        assertThat(api.get("/api/experiments/" + experimentId + "/revisions").body().valueStream()
                .map(revision -> revision.path("message").isString() ? revision.get("message").asString() : ""))
                .as("each batch, a revision")
                .containsExactly("Batch scoring of csv {samples}/credit_g.csv into parquet " + second, "");
        assertThat(api.get("/api/experiments?search=batch-scoring").body().valueStream()
                .filter(listed -> listed.get("name").asString().equals(experiment.get("name").asString())))
                .as("the list shows the version's batch scoring once").hasSize(1);
        assertThat(first).isDirectory();
        assertThat(second).isDirectory();
    }

    @Test
    void shouldCreateOneExperimentWhenTheFirstCallsOfAVersionArriveTogether() {
        UUID modelId = registeredCreditGbdt();
        Api api = Api.asAdmin(port);
        int calls = 3;
        CountDownLatch together = new CountDownLatch(calls);

        List<Future<Api.Response>> answers;
        try (ExecutorService callers = Executors.newFixedThreadPool(calls)) {
            answers = IntStream.range(0, calls)
                    .mapToObj(call -> callers.submit(() -> {
                        together.countDown();
                        together.await();
                        return api.post("/api/models/" + modelId + "/versions/1/batch-score", Map.of(
                                "input", Map.of("format", "csv", "path", "{samples}/credit_g.csv"),
                                "output", Map.of("format", "parquet", "path",
                                        dataDir.resolve("data").resolve("together-" + UUID.randomUUID()).toString())));
                    }))
                    .toList();
        }
        List<Api.Response> started = answers.stream().map(Future::resultNow).toList();

        assertThat(started).allSatisfy(response -> assertThat(response.status()).as(response.text()).isEqualTo(202));
        List<JsonNode> runs = started.stream().map(response -> awaitEnd(api, response.body().get("id").asString()))
                .toList();
        assertThat(runs).allSatisfy(run -> assertThat(run.get("state").asString()).as(run.toString())
                .isEqualTo("succeeded"));
        assertThat(runs.stream().map(run -> run.get("experimentId").asString()).distinct())
                .as("one experiment for the version, whichever call came first").hasSize(1);
        String experimentId = runs.getFirst().get("experimentId").asString();
        assertThat(api.get("/api/experiments/" + experimentId + "/revisions").body().size())
                .as("the first call's revision and one per later call").isEqualTo(calls);
    }

    @Test
    void shouldFailTheScoringNodeNamingTheFieldsTheInputLacks() {
        UUID modelId = registeredCreditGbdt();
        Api api = Api.asAdmin(port);

        Api.Response started = api.post("/api/models/" + modelId + "/versions/1/batch-score", Map.of(
                "input", Map.of("format", "csv", "path", "{samples}/iris.csv"),
                "output", Map.of("format", "parquet", "path",
                        dataDir.resolve("data").resolve("never-" + UUID.randomUUID()).toString())));

        assertThat(started.status()).as(started.text()).isEqualTo(202);
        String runId = started.body().get("id").asString();
        JsonNode run = await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .until(() -> api.get("/api/runs/" + runId).body(),
                        r -> List.of("succeeded", "failed", "cancelled").contains(r.get("state").asString()));
        assertThat(run.get("state").asString()).isEqualTo("failed");
        assertThat(run.at("/nodes/score/state").asString()).isEqualTo("failed");
        assertThat(run.at("/nodes/score/message").asString()).contains("checking_status", "duration",
                "which input 'in' does not have");
    }

    @Test
    void shouldAnswer404ForAnUnknownVersion() {
        UUID modelId = registeredCreditGbdt();

        Api.Response response = Api.asAdmin(port).post("/api/models/" + modelId + "/versions/9/batch-score",
                Map.of("input", Map.of("format", "csv", "path", "{samples}/credit_g.csv"),
                        "output", Map.of("format", "csv", "path", "/tmp/x")));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problemDetail()).isEqualTo("Model " + modelId + " has no version 9");
    }

    @Test
    void shouldAnswer400NamingAMissingOrUnusableField() {
        UUID modelId = registeredCreditGbdt();
        Api api = Api.asAdmin(port);
        String path = "/api/models/" + modelId + "/versions/1/batch-score";

        Api.Response noOutput = api.post(path, Map.of("input", Map.of("format", "csv", "path", "{samples}/x.csv")));
        Api.Response badFormat = api.post(path, Map.of("input", Map.of("format", "excel", "path", "a.xlsx"),
                "output", Map.of("format", "csv", "path", "/tmp/x")));
        Api.Response noTable = api.post(path, Map.of("input", Map.of("format", "csv", "path", "{samples}/x.csv"),
                "output", Map.of("format", "jdbc", "connection", "warehouse")));

        assertThat(noOutput.status()).isEqualTo(400);
        assertThat(noOutput.body().get("field").asString()).isEqualTo("output");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.problemDetail()).isEqualTo("'input.format' must be csv, parquet or jdbc, not 'excel'");
        assertThat(noTable.status()).isEqualTo(400);
        assertThat(noTable.problemDetail()).isEqualTo("'output.table' is required");
    }

    @Test
    void shouldAskAnonymousCallersToSignIn() {
        UUID modelId = registeredCreditGbdt();

        Api.Response response = Api.anonymous(port).post("/api/models/" + modelId + "/versions/1/batch-score",
                Map.of("input", Map.of("format", "csv", "path", "{samples}/credit_g.csv"),
                        "output", Map.of("format", "csv", "path", "/tmp/x")));

        assertThat(response.status()).isEqualTo(401);
    }

    private static JsonNode awaitEnd(Api api, String runId) {
        return await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2))
                .until(() -> api.get("/api/runs/" + runId).body(),
                        r -> List.of("succeeded", "failed", "cancelled").contains(r.get("state").asString()));
    }

    /** The credit GBDT as version 1 of a model of its own, in the default workspace. */
    private UUID registeredCreditGbdt() {
        ModelExportedNotice exported = ModelFixture.CREDIT_GBDT.export(store, UUID.randomUUID(), "Batch");
        events.publishEvent(exported);
        return models.producedBy(exported.runId(), ModelFixture.NODE_ID).orElseThrow().modelId();
    }

    /** The lines of the CSV part files Spark wrote, the header once (each part file starts with it). */
    private static List<String> csvLines(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path part : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                List<String> partLines = Files.readAllLines(part);
                if (partLines.isEmpty()) {
                    continue;
                }
                lines.addAll(lines.isEmpty() ? partLines : partLines.subList(1, partLines.size()));
            }
        }
        return lines;
    }
}
