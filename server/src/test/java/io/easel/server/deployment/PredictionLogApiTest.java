package io.easel.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import io.easel.server.Csv;
import io.easel.server.ServerTest;
import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditEntry;
import io.easel.server.audit.AuditLog;
import io.easel.server.deployment.ScoreResponse.Prediction;
import io.easel.server.model.ModelFixture;
import io.easel.server.security.ApiKeyService;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.security.WorkspaceRole;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prediction log over real HTTP, with the credit GBDT Spark trained and JPMML-SparkML exported (version 1) and the
 * hand-made strict one (version 2) of the same model, deployed as version 1, scoring the 50 held-out credit_g records
 * of {@code expected.json}; the log is written to the real PostgreSQL table and read back through the API.
 */
@ServerTest
@ExtendWith(AsAdministrator.class)
class PredictionLogApiTest {

    private static final Duration WRITTEN_WITHIN = Duration.ofSeconds(10);

    @Autowired
    ApplicationContext server;

    @Autowired
    DeploymentService deployments;

    @Autowired
    ApiKeyService keys;

    @Autowired
    AuditLog audit;

    @Autowired
    PredictionLogPurge purge;

    @Autowired
    DataSource dataSource;

    @Autowired
    JsonMapper json;

    @Value("${local.server.port}")
    int port;

    /** An analyst's API key: analysts may change deployments (and score with them). */
    Api analyst;
    String name;
    String scoring;
    List<Map<String, Object>> records;

    @BeforeEach
    void deployVersionOneOfAModelWithTwoVersions() {
        UUID modelId = ModelFixture.registerTwoVersions(server, "Prediction log");
        name = "logged-" + UUID.randomUUID().toString().substring(0, 8);
        scoring = deployments.deploy(modelId, 1, name).endpointPath();
        analyst = Api.anonymous(port).withKey(keys.create(WorkspaceRef.DEFAULT, "prediction log test",
                WorkspaceRole.ANALYST).key());
        records = ModelFixture.CREDIT_GBDT.records();
        assertThat(new HashSet<>(records)).as("distinct records, so that each logged one can be told apart")
                .hasSize(records.size());
    }

    @Test
    void shouldLogEveryRecordAtRateOneWithItsInputsAndTheAnswerItGot() {
        Api.Response enabled = analyst.put(settings(), Map.of("enabled", true, "sampleRate", 1.0));
        assertThat(enabled.status()).as(enabled.text()).isEqualTo(200);
        assertThat(enabled.body().get("enabled").asBoolean()).isTrue();
        assertThat(enabled.body().get("sampleRate").asDouble()).isEqualTo(1.0);
        assertThat(analyst.get(settings()).body()).isEqualTo(enabled.body());

        Api.Response scored = analyst.post(scoring, records);
        assertThat(scored.status()).as(scored.text()).isEqualTo(200);

        awaitTotal(records.size());
        JsonNode page = analyst.get(predictions("?size=50")).body();
        assertThat(page.get("total").asLong()).isEqualTo(records.size());
        JsonNode entries = page.get("predictions");
        assertThat(entries).hasSize(records.size());
        String requestId = entries.get(0).get("requestId").asString();
        for (JsonNode entry : entries) {
            int record = entry.get("record").asInt();
            assertThat(entry.get("inputs")).isEqualTo(Api.JSON.valueToTree(records.get(record - 1)));
            assertThat(entry.get("outputs")).isEqualTo(scored.body().get("predictions").get(record - 1));
            assertThat(entry.get("modelVersion").asInt()).isEqualTo(1);
            assertThat(entry.get("requestId").asString()).isEqualTo(requestId);
        }
        assertThat(entries.valueStream().map(e -> e.get("record").asInt()).distinct()).hasSize(records.size());
        assertThat(audited()).singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("on, sample rate 1.0"));

        // Pages: the second page of 20 holds the 21st to 40th newest.
        JsonNode second = analyst.get(predictions("?page=1&size=20")).body();
        assertThat(second.get("total").asLong()).isEqualTo(records.size());
        assertThat(second.get("predictions")).hasSize(20);
        assertThat(second.get("predictions").get(0)).isEqualTo(entries.get(20));

        // The CSV holds the same: a header, then one line per logged record with the inputs as columns.
        HttpResponse<byte[]> download = analyst.download(predictions("/download"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains(name + "-predictions.csv"));
        List<List<String>> lines = Csv.parse(new String(download.body(), StandardCharsets.UTF_8));
        assertThat(lines).hasSize(records.size() + 1);
        List<String> header = lines.getFirst();
        assertThat(header).startsWith("scored_at", "request_id", "record", "model_version")
                .endsWith("prediction", "score", "probabilities")
                .containsAll(records.getFirst().keySet());
        for (List<String> line : lines.subList(1, lines.size())) {
            int record = Integer.parseInt(line.get(header.indexOf("record")));
            JsonNode answer = scored.body().get("predictions").get(record - 1);
            assertThat(line.get(header.indexOf("request_id"))).isEqualTo(requestId);
            assertThat(line.get(header.indexOf("prediction"))).isEqualTo(answer.get("prediction").asString());
            assertThat(Double.parseDouble(line.get(header.indexOf("score"))))
                    .isEqualTo(answer.get("score").asDouble());
            assertThat(Api.JSON.readTree(line.get(header.indexOf("probabilities"))))
                    .isEqualTo(answer.get("probabilities"));
            assertThat(line.get(header.indexOf("credit_amount")))
                    .isEqualTo(String.valueOf(records.get(record - 1).get("credit_amount")));
            assertThat(line.get(header.indexOf("purpose"))).isEqualTo(records.get(record - 1).get("purpose"));
        }
    }

    @Test
    void shouldLogTheVersionThatAnsweredEachRecordWhileACanaryRuns() {
        assertThat(analyst.put(settings(), Map.of("enabled", true)).status()).isEqualTo(200);
        assertThat(analyst.post("/api/deployments/" + name + "/canary", Map.of("version", 2, "percent", 50))
                .status()).isEqualTo(200);
        List<Map<String, Object>> sent = records.subList(0, 30);
        Map<JsonNode, Integer> answeredBy = new HashMap<>();
        for (Map<String, Object> record : sent) {
            Api.Response scored = analyst.post(scoring, record);
            assertThat(scored.status()).as(scored.text()).isEqualTo(200);
            answeredBy.put(Api.JSON.valueToTree(record), scored.body().get("modelVersion").asInt());
        }
        assertThat(answeredBy.values()).as("both versions answered some").contains(1, 2);

        awaitTotal(sent.size());
        JsonNode entries = analyst.get(predictions("?size=50")).body().get("predictions");
        assertThat(entries).hasSize(sent.size());
        for (JsonNode entry : entries) {
            assertThat(entry.get("modelVersion").asInt()).isEqualTo(answeredBy.get(entry.get("inputs")));
            assertThat(entry.get("record").asInt()).isEqualTo(1);
        }
        assertThat(entries.valueStream().map(e -> e.get("requestId").asString()).distinct()).hasSize(sent.size());
    }

    /**
     * 4,000 records at rate 0.25: the logged count lies within 5 standard deviations of 1,000. The last request,
     * scored after switching to rate 1, is a marker: the writer writes in order, so once it is in, all are.
     */
    @Test
    void shouldLogAboutTheSampleRatesShareOfTheRecords() {
        assertThat(analyst.put(settings(), Map.of("enabled", true, "sampleRate", 0.25)).status()).isEqualTo(200);
        List<Map<String, Object>> thousand = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            thousand.addAll(records);
        }
        for (int request = 0; request < 4; request++) {
            Api.Response scored = analyst.post(scoring, thousand);
            assertThat(scored.status()).as(scored.text()).isEqualTo(200);
        }

        long logged = totalAfterMarker();

        double expected = 4000 * 0.25;
        double deviation = Math.sqrt(4000 * 0.25 * 0.75);
        assertThat((double) logged).isCloseTo(expected, within(5 * deviation));
    }

    @Test
    void shouldLogNothingWhileTheLogIsOff() {
        assertThat(analyst.get(settings()).body().get("enabled").asBoolean()).as("off by default").isFalse();
        assertThat(analyst.post(scoring, records).status()).isEqualTo(200);
        assertThat(analyst.put(settings(), Map.of("enabled", true)).status()).isEqualTo(200);
        assertThat(analyst.put(settings(), Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(analyst.post(scoring, records).status()).isEqualTo(200);

        assertThat(totalAfterMarker()).isZero();
    }

    @Test
    void shouldRefuseASampleRateOutsideZeroToOneNamingIt() {
        for (Object rate : List.of(0, -0.5, 1.5)) {
            Api.Response refused = analyst.put(settings(), Map.of("enabled", true, "sampleRate", rate));
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(refused.body().get("field").asString()).isEqualTo("sampleRate");
            assertThat(refused.problemDetail()).startsWith("field 'sampleRate' is ")
                    .contains("more than 0 and at most 1");
        }
        Api.Response text = analyst.put(settings(), Map.of("enabled", true, "sampleRate", "a quarter"));
        assertThat(text.status()).as(text.text()).isEqualTo(400);
        assertThat(text.problemDetail()).contains("sampleRate").contains("a number");
        Api.Response empty = analyst.put(settings(), Map.of());
        assertThat(empty.status()).as(empty.text()).isEqualTo(400);
        assertThat(empty.problemDetail()).startsWith("field 'enabled' is missing");
        Api.Response from = analyst.get(predictions("?from=yesterday"));
        assertThat(from.status()).as(from.text()).isEqualTo(400);
        assertThat(from.body().get("field").asString()).isEqualTo("from");
        Api.Response size = analyst.get(predictions("?size=0"));
        assertThat(size.status()).as(size.text()).isEqualTo(400);
        assertThat(size.body().get("field").asString()).isEqualTo("size");

        JsonNode unchanged = analyst.get(settings()).body();
        assertThat(unchanged.get("enabled").asBoolean()).isFalse();
        assertThat(unchanged.get("sampleRate").asDouble()).isEqualTo(1.0);
        assertThat(audited()).isEmpty();
    }

    @Test
    void shouldLetOnlyThoseWhoMayChangeTheDeploymentSwitchItsLog() {
        Api viewer = Api.anonymous(port).withKey(keys.create(WorkspaceRef.DEFAULT, "prediction log viewer",
                WorkspaceRole.VIEWER).key());
        Api anonymous = Api.anonymous(port);

        assertThat(anonymous.get(settings()).status()).isEqualTo(401);
        assertThat(anonymous.put(settings(), Map.of("enabled", true)).status()).isEqualTo(401);
        assertThat(anonymous.get(predictions("")).status()).isEqualTo(401);
        assertThat(anonymous.get(predictions("/download")).status()).isEqualTo(401);
        assertThat(viewer.get(settings()).status()).isEqualTo(200);
        assertThat(viewer.get(predictions("")).status()).isEqualTo(200);
        Api.Response forbidden = viewer.put(settings(), Map.of("enabled", true));
        assertThat(forbidden.status()).as(forbidden.text()).isEqualTo(403);
        assertThat(viewer.get(settings()).body().get("enabled").asBoolean()).isFalse();
        assertThat(analyst.get("/api/deployments/no-such-deployment/predictions").status()).isEqualTo(404);
        assertThat(analyst.get("/api/deployments/no-such-deployment/predictions/download").status()).isEqualTo(404);
        assertThat(analyst.put("/api/deployments/no-such-deployment/prediction-log", Map.of("enabled", true))
                .status()).isEqualTo(404);
    }

    @Test
    void shouldPurgeOnlyWhatIsOlderThanTheCutoff() throws Exception {
        assertThat(analyst.put(settings(), Map.of("enabled", true)).status()).isEqualTo(200);
        assertThat(analyst.post(scoring, records.subList(0, 10)).status()).isEqualTo(200);
        awaitTotal(10);
        Thread.sleep(5);
        Instant cutoff = Instant.now();
        Thread.sleep(5);
        assertThat(analyst.post(scoring, records.subList(10, 15)).status()).isEqualTo(200);
        awaitTotal(15);

        assertThat(purge.purgeBefore(cutoff)).isGreaterThanOrEqualTo(10);

        JsonNode left = analyst.get(predictions("")).body();
        assertThat(left.get("total").asLong()).isEqualTo(5);
        assertThat(left.get("predictions").valueStream().map(e -> e.get("record").asInt()))
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(analyst.get(predictions("?to=" + cutoff)).body().get("total").asLong()).isZero();
    }

    /**
     * A writer whose queue holds one prediction, offered 2,000 at once: it never waits, drops what does not fit and
     * counts it; what it took is in the table once it stops (it writes what is queued before it stops).
     */
    @Test
    void shouldDropAndCountWhatAFullQueueCannotTakeAndWriteTheRestBeforeStopping() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PredictionLogWriter writer = new PredictionLogWriter(dataSource, json, registry, 1);
        String deployment = "full-queue-" + UUID.randomUUID().toString().substring(0, 8);
        Prediction outputs = new Prediction("good", Map.of("good", 0.9, "bad", 0.1), 0.1);
        int offered = 2000;

        long start = System.nanoTime();
        for (int i = 1; i <= offered; i++) {
            writer.offer(new LoggedPrediction(WorkspaceRef.DEFAULT_ID, deployment, UUID.randomUUID(), 1,
                    Instant.now(), UUID.randomUUID(), i, records.getFirst(), outputs));
        }
        Duration offering = Duration.ofNanos(System.nanoTime() - start);
        writer.stop();

        double dropped = registry.get(PredictionLogWriter.DROPPED).tag("reason", "queue-full").counter().count();
        double written = registry.get(PredictionLogWriter.WRITTEN).counter().count();
        Long rows = new JdbcTemplate(dataSource).queryForObject(
                "SELECT count(*) FROM prediction_log WHERE deployment = ?", Long.class, deployment);
        assertThat(dropped).isPositive();
        assertThat(dropped + written).isEqualTo(offered);
        assertThat(rows).isEqualTo((long) written).isPositive();
        assertThat(offering).as("offering never waits for the database").isLessThan(Duration.ofSeconds(1));
    }

    /**
     * Switches the log on at rate 1, scores one more record and waits for it: the writer writes in order, so every
     * prediction sampled before it is in the table then. How many were logged before the marker.
     */
    private long totalAfterMarker() {
        assertThat(analyst.put(settings(), Map.of("enabled", true, "sampleRate", 1.0)).status()).isEqualTo(200);
        Map<String, Object> marker = records.getLast();
        assertThat(analyst.post(scoring, marker).status()).isEqualTo(200);
        await().atMost(WRITTEN_WITHIN).until(() -> {
            JsonNode newest = analyst.get(predictions("?size=1")).body().get("predictions");
            return !newest.isEmpty() && newest.get(0).get("inputs").equals(Api.JSON.valueToTree(marker))
                    && newest.get(0).get("record").asInt() == 1;
        });
        return analyst.get(predictions("")).body().get("total").asLong() - 1;
    }

    private void awaitTotal(long expected) {
        await().atMost(WRITTEN_WITHIN).until(() -> analyst.get(predictions("")).body().get("total").asLong(),
                total -> total == expected);
    }

    private List<AuditEntry> audited() {
        return audit.recent(AuditAction.PREDICTION_LOG_CHANGED, null, 100).stream()
                .filter(e -> name.equals(e.target())).toList();
    }

    private String settings() {
        return "/api/deployments/" + name + "/prediction-log";
    }

    private String predictions(String rest) {
        return "/api/deployments/" + name + "/predictions" + rest;
    }
}
