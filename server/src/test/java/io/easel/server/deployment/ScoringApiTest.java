package io.easel.server.deployment;

import io.easel.server.Api;
import io.easel.server.AsAdministrator;
import org.junit.jupiter.api.extension.ExtendWith;
import io.easel.server.security.ApiKeyService;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.security.WorkspaceRole;
import static org.assertj.core.api.Assertions.assertThat;
import static io.easel.server.deployment.PrometheusSamples.sample;
import static org.assertj.core.api.Assertions.within;

import io.easel.server.ServerTest;
import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditEntry;
import io.easel.server.audit.AuditLog;
import io.easel.server.model.ModelFixture;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelVersionView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The scoring endpoint over real HTTP, with the credit_g GBT pipeline Spark trained and JPMML-SparkML exported. */
@ServerTest
@ExtendWith(AsAdministrator.class)
class ScoringApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double TOLERANCE = 1e-9;

    @Autowired
    ApplicationContext server;

    @Autowired
    ModelService models;

    @Autowired
    DeploymentService deployments;

    @Autowired
    ScoringService scoring;

    @Autowired
    ApiKeyService keys;

    @Autowired
    AuditLog audit;

    String apiKey;
    UUID apiKeyId;

    @Value("${local.server.port}")
    int port;

    UUID modelId;
    String endpoint;
    List<Map<String, Object>> expectedRows;

    @BeforeEach
    void deployTheEngineExportedCreditModel() {
        DeploymentView deployment = deploy(ModelFixture.CREDIT_GBDT);
        modelId = deployment.modelId();
        endpoint = deployment.endpointPath();
        expectedRows = ModelFixture.CREDIT_GBDT.expectedRows();
        var key = keys.create(WorkspaceRef.DEFAULT, "scoring test", WorkspaceRole.ANALYST);
        apiKey = key.key();
        apiKeyId = key.apiKey().id();
    }

    /** Registers {@code fixture} as exported by a new run and deploys it under a fresh name. */
    private DeploymentView deploy(ModelFixture fixture) {
        return deploy(fixture, null);
    }

    private DeploymentView deploy(ModelFixture fixture, UnseenCategories unseen) {
        ModelVersionView registered = fixture.register(server, UUID.randomUUID(), "Scoring");
        return deployments.deploy(registered.modelId(), null,
                "scoring-" + registered.runId().toString().substring(0, 8), unseen);
    }

    @Test
    void shouldScoreOneRawRecordAsSparkDid() throws Exception {
        Map<String, Object> row = expectedRows.getFirst();

        HttpResponse<String> response = post(endpoint, JSON.writeValueAsString(row.get("record")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("deployment").asString()).isEqualTo(endpoint.substring("/api/score/".length()));
        assertThat(body.path("modelId").asString()).isEqualTo(modelId.toString());
        assertThat(body.path("modelVersion").asInt()).isEqualTo(1);
        assertThat(body.path("warnings").isEmpty()).isTrue();
        assertThat(body.path("predictions")).hasSize(1);
        assertMatchesSpark(body.path("predictions").get(0), row);
    }

    @Test
    void shouldScoreABatchOfRawRecordsInOrderAsSparkDid() throws Exception {
        List<Object> records = expectedRows.stream().map(r -> r.get("record")).toList();

        HttpResponse<String> response = post(endpoint, JSON.writeValueAsString(records));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode predictions = JSON.readTree(response.body()).path("predictions");
        assertThat(predictions).hasSize(expectedRows.size());
        for (int i = 0; i < expectedRows.size(); i++) {
            assertMatchesSpark(predictions.get(i), expectedRows.get(i));
        }
        assertThat(expectedRows).extracting(r -> r.get("prediction")).contains("good", "bad");
    }

    @Test
    void shouldScoreRecordsHandedToTheServiceAsTheRestApiDoes() {
        String name = endpoint.substring("/api/score/".length());

        ScoreResponse response = scoring.score(WorkspaceRef.DEFAULT, name, List.of(record(0), record(1)));

        assertThat(response.deployment()).isEqualTo(name);
        assertThat(response.predictions()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> expected = expectedRows.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Double> probabilities = (Map<String, Double>) expected.get("probabilities");
            assertThat(response.predictions().get(i).prediction()).isEqualTo(expected.get("prediction"));
            assertThat(response.predictions().get(i).score()).isCloseTo(probabilities.get("bad"), within(TOLERANCE));
        }
    }

    @Test
    void shouldNameAMissingField() throws Exception {
        Map<String, Object> record = record(0);
        record.remove("duration");

        JsonNode problem = problem(post(endpoint, JSON.writeValueAsString(record)), 400);

        assertThat(problem.path("detail").asString()).isEqualTo("field 'duration' is missing");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("duration");
    }

    @Test
    void shouldNameTheFieldTheExpectedTypeAndTheValueOfAWrongType() throws Exception {
        Map<String, Object> textForNumber = record(0);
        textForNumber.put("duration", "six");
        Map<String, Object> fraction = record(0);
        fraction.put("duration", 6.5);
        Map<String, Object> numberForText = record(0);
        numberForText.put("purpose", 5);

        JsonNode text = problem(post(endpoint, JSON.writeValueAsString(textForNumber)), 400);
        JsonNode decimal = problem(post(endpoint, JSON.writeValueAsString(fraction)), 400);
        JsonNode number = problem(post(endpoint, JSON.writeValueAsString(numberForText)), 400);

        assertThat(text.path("detail").asString())
                .isEqualTo("field 'duration' expects an integer (a JSON number without fraction), "
                        + "got \"six\" (a JSON string)");
        assertThat(decimal.path("detail").asString()).startsWith("field 'duration' expects an integer")
                .endsWith("got 6.5 (a JSON number)");
        assertThat(number.path("detail").asString())
                .isEqualTo("field 'purpose' expects a string (a JSON string), got 5 (a JSON number)");
    }

    @Test
    void shouldAcceptAnIntegerWrittenWithAZeroFraction() throws Exception {
        Map<String, Object> record = record(0);
        record.put("duration", 6.0);

        HttpResponse<String> response = post(endpoint, JSON.writeValueAsString(record));

        assertThat(response.statusCode()).isEqualTo(200);
        assertMatchesSpark(JSON.readTree(response.body()).path("predictions").get(0), expectedRows.getFirst());
    }

    @Test
    void shouldNumberTheRecordsOfABatchInItsProblems() throws Exception {
        Map<String, Object> second = record(1);
        second.remove("age");
        Map<String, Object> third = record(2);
        third.put("housing", true);

        JsonNode problem = problem(post(endpoint, JSON.writeValueAsString(List.of(record(0), second, third))), 400);

        assertThat(problem.path("detail").asString()).isEqualTo("record 2: field 'age' is missing; "
                + "record 3: field 'housing' expects a string (a JSON string), got true (a JSON boolean)");
        assertThat(problem.path("errors").get(0).path("record").asInt()).isEqualTo(2);
        assertThat(problem.path("errors").get(1).path("field").asString()).isEqualTo("housing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldNameAFieldWhoseCategoryAStrictModelNeverSaw() throws Exception {
        DeploymentView strict = deploy(ModelFixture.CREDIT_GBDT_STRICT);
        Map<String, Object> record = new LinkedHashMap<>(
                (Map<String, Object>) ModelFixture.CREDIT_GBDT_STRICT.expectedRows().getFirst().get("record"));
        record.put("purpose", "spaceship");

        JsonNode problem = problem(post(strict.endpointPath(), JSON.writeValueAsString(record)), 422);

        assertThat(problem.path("detail").asString())
                .startsWith("field 'purpose' has value \"spaceship\", a category the model never saw in training")
                .contains("\"radio/tv\"").contains("the model has no category for unseen values");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("purpose");
    }

    @Test
    void shouldScoreAStrictModelAsSparkDid() throws Exception {
        DeploymentView strict = deploy(ModelFixture.CREDIT_GBDT_STRICT);
        List<Map<String, Object>> rows = ModelFixture.CREDIT_GBDT_STRICT.expectedRows();

        HttpResponse<String> response = post(strict.endpointPath(),
                JSON.writeValueAsString(rows.stream().map(r -> r.get("record")).toList()));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode predictions = JSON.readTree(response.body()).path("predictions");
        for (int i = 0; i < rows.size(); i++) {
            assertMatchesSpark(predictions.get(i), rows.get(i));
        }
    }

    /** The documented contract: a category the model never saw is a 422 by default, whatever the model could do. */
    @Test
    void shouldRefuseAnUnseenCategoryWith422ByDefault() throws Exception {
        for (ModelFixture fixture : List.of(ModelFixture.CREDIT_GBDT, ModelFixture.CREDIT_GBDT_FILLED)) {
            DeploymentView deployment = deploy(fixture);
            assertThat(deployment.unseenCategories()).isEqualTo(UnseenCategories.REJECT);
            Map<String, Object> record = record(0);
            record.put("purpose", "spaceship");

            JsonNode problem = problem(post(deployment.endpointPath(), JSON.writeValueAsString(record)), 422);

            assertThat(problem.path("detail").asString()).as(fixture.name())
                    .startsWith("field 'purpose' has value \"spaceship\", a category the model never saw")
                    .contains("\"radio/tv\"").contains("unseenCategories 'unknown'");
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("purpose");
        }
    }

    /**
     * A deployment may score unseen categories as the model's own unknown category, the one Spark's indexer gave
     * them (handleInvalid=keep), which the PMML declares in either of its two forms: the answer is the model's, with a
     * warning. A model without such a category still refuses them.
     */
    @Test
    void shouldScoreAnUnseenCategoryAsTheModelsUnknownCategoryWhenTheDeploymentSaysSo() throws Exception {
        for (ModelFixture fixture : List.of(ModelFixture.CREDIT_GBDT, ModelFixture.CREDIT_GBDT_FILLED)) {
            DeploymentView deployment = deploy(fixture, UnseenCategories.UNKNOWN);
            Map<String, Object> unseen = record(0);
            unseen.put("purpose", "spaceship");
            unseen.put("housing", "boat");

            HttpResponse<String> response = post(deployment.endpointPath(), JSON.writeValueAsString(unseen));

            assertThat(response.statusCode()).as(fixture.name() + ": " + response.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("predictions").get(0).path("prediction").asString()).isIn("good", "bad");
            assertThat(body.path("warnings").valueStream().map(JsonNode::asString))
                    .anySatisfy(w -> assertThat(w).contains("'purpose'", "\"spaceship\"", "unknown category"))
                    .anySatisfy(w -> assertThat(w).contains("'housing'", "\"boat\""));
            // Known categories are scored as they are, without a warning.
            JsonNode known = JSON.readTree(post(deployment.endpointPath(), JSON.writeValueAsString(record(0)))
                    .body());
            assertThat(known.path("warnings")).isEmpty();
        }
        DeploymentView strict = deploy(ModelFixture.CREDIT_GBDT_STRICT, UnseenCategories.UNKNOWN);
        Map<String, Object> record = new LinkedHashMap<>(ModelFixture.CREDIT_GBDT_STRICT.records().getFirst());
        record.put("purpose", "spaceship");
        assertThat(problem(post(strict.endpointPath(), JSON.writeValueAsString(record)), 422).path("detail")
                .asString()).contains("the model has no category for unseen values");
    }

    @Test
    void shouldIgnoreButReportFieldsThatAreNotModelInputs() throws Exception {
        Map<String, Object> record = record(0);
        record.put("colour", "red");
        record.put("class", "good");

        HttpResponse<String> response = post(endpoint, JSON.writeValueAsString(record));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("warnings").values()).extracting(JsonNode::asString).containsExactly(
                "field 'colour' is not a model input and was ignored",
                "field 'class' is not a model input and was ignored");
        assertMatchesSpark(body.path("predictions").get(0), expectedRows.getFirst());
    }

    @Test
    void shouldRejectEmptyMalformedAndNonObjectBodies() throws Exception {
        assertThat(problem(post(endpoint, ""), 400).path("detail").asString())
                .startsWith("The request body is empty");
        assertThat(problem(post(endpoint, "[]"), 400).path("detail").asString())
                .startsWith("The list of records is empty");
        assertThat(problem(post(endpoint, "{\"duration\": 6,"), 400).path("detail").asString())
                .startsWith("Malformed JSON at line 1");
        assertThat(problem(post(endpoint, "42"), 400).path("detail").asString())
                .isEqualTo("Expected one JSON object of input fields, or a list of them; got a JSON number");
        assertThat(problem(post(endpoint, "[{}, \"x\"]"), 400).path("detail").asString())
                .isEqualTo("Record 2 is not a JSON object of input fields but a JSON string");
    }

    @Test
    void shouldAnswer404ForAnUnknownDeploymentWhateverTheBody() throws Exception {
        JsonNode problem = problem(post("/api/score/no-such-deployment", "not json"), 404);

        assertThat(problem.path("detail").asString()).isEqualTo("There is no deployment named 'no-such-deployment'");
    }

    @Test
    void shouldStopScoringOnceTheDeploymentIsDeleted() throws Exception {
        String name = endpoint.substring("/api/score/".length());

        HttpResponse<String> deleted = HTTP.send(request("/api/deployments/" + name).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> scored = post(endpoint, JSON.writeValueAsString(record(0)));

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(scored.statusCode()).isEqualTo(404);
        assertThat(get("/api/deployments/" + name).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldDeployOverRestAndDescribeTheEndpoint() throws Exception {
        String name = "rest-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = post("/api/deployments",
                "{\"modelId\": \"" + modelId + "\", \"name\": \"" + name + "\"}");
        HttpResponse<String> oneClick = post("/api/models/" + modelId + "/versions/1/deploy", "");
        HttpResponse<String> listed = get("/api/deployments");
        HttpResponse<String> noModelId = post("/api/deployments", "{\"name\": \"x\"}");
        HttpResponse<String> badName = post("/api/deployments",
                "{\"modelId\": \"" + modelId + "\", \"name\": \"A B\"}");
        HttpResponse<String> noVersion = post("/api/models/" + modelId + "/versions/5/deploy", "");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/deployments/" + name);
        JsonNode deployment = JSON.readTree(created.body());
        assertThat(deployment.path("name").asString()).isEqualTo(name);
        assertThat(deployment.path("modelVersion").asInt()).isEqualTo(1);
        assertThat(deployment.path("endpointPath").asString()).isEqualTo("/api/score/" + name);
        assertThat(deployment.path("inputs")).hasSize(20);
        assertThat(deployment.path("inputs").get(0).path("name").asString()).isEqualTo("checking_status");
        assertThat(oneClick.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(get("/api/deployments/" + name).body()).path("id").asString())
                .isEqualTo(deployment.path("id").asString());
        assertThat(JSON.readTree(listed.body()).values()).extracting(d -> d.path("name").asString()).contains(name);
        assertThat(problem(noModelId, 400).path("detail").asString()).startsWith("field 'modelId' is missing");
        assertThat(problem(badName, 400).path("detail").asString()).startsWith("Deployment name 'A B' is not allowed");
        assertThat(problem(noVersion, 404).path("detail").asString()).endsWith("has no version 5");
        assertThat(post("/api/score/" + name, JSON.writeValueAsString(record(0))).statusCode()).isEqualTo(200);
    }

    /**
     * Two versions of the credit model behind one name, told apart by the version each prediction names: a roll-back
     * serves the earlier one at once, on the same URL, and a second roll-back undoes the first.
     */
    @Test
    void shouldRollBackToThePreviousVersionAndForwardAgain() throws Exception {
        ModelFixture.CREDIT_GBDT.register(server, models.get(modelId).experimentId(), "Scoring");
        String name = "rollout-" + UUID.randomUUID().toString().substring(0, 8);
        String scoring = "/api/score/" + name;
        String body = JSON.writeValueAsString(record(0));
        assertThat(post("/api/models/" + modelId + "/versions/1/deploy", "{\"name\": \"" + name + "\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> deployedTwo = post("/api/models/" + modelId + "/versions/2/deploy",
                "{\"name\": \"" + name + "\"}");
        assertThat(JSON.readTree(deployedTwo.body()).path("previousVersion").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(post(scoring, body).body()).path("modelVersion").asInt()).isEqualTo(2);

        HttpResponse<String> rolledBack = post("/api/deployments/" + name + "/rollback", "");
        JsonNode scoredAfterRollBack = JSON.readTree(post(scoring, body).body());
        HttpResponse<String> rolledForward = post("/api/deployments/" + name + "/rollback", "");
        JsonNode scoredAfterSecondRollBack = JSON.readTree(post(scoring, body).body());

        assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
        JsonNode back = JSON.readTree(rolledBack.body());
        assertThat(back.path("name").asString()).isEqualTo(name);
        assertThat(back.path("modelVersion").asInt()).isEqualTo(1);
        assertThat(back.path("previousVersion").asInt()).isEqualTo(2);
        assertThat(scoredAfterRollBack.path("modelVersion").asInt()).isEqualTo(1);
        assertMatchesSpark(scoredAfterRollBack.path("predictions").get(0), expectedRows.getFirst());
        assertThat(JSON.readTree(rolledForward.body()).path("modelVersion").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(rolledForward.body()).path("previousVersion").asInt()).isEqualTo(1);
        assertThat(scoredAfterSecondRollBack.path("modelVersion").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(get("/api/deployments/" + name).body()).path("modelVersion").asInt()).isEqualTo(2);
        List<AuditEntry> audited = audit.recent(AuditAction.ROLLED_BACK, null, 100).stream()
                .filter(e -> name.equals(e.target())).toList();
        assertThat(audited).hasSize(2).allSatisfy(e -> assertThat(e.actor()).isEqualTo("api-key:" + apiKeyId));
        assertThat(audited.getLast().detail()).endsWith("version 2 back to version 1");
    }

    @Test
    void shouldAnswer409NamingTheDeploymentWhenThereIsNothingToRollBackAnd404ForAnUnknownName() throws Exception {
        String name = endpoint.substring("/api/score/".length());
        HttpResponse<String> redeployed = post("/api/models/" + modelId + "/versions/1/deploy",
                "{\"name\": \"" + name + "\"}");

        JsonNode nothing = problem(post("/api/deployments/" + name + "/rollback", ""), 409);
        JsonNode unknown = problem(post("/api/deployments/no-such-deployment/rollback", ""), 404);

        assertThat(JSON.readTree(redeployed.body()).path("previousVersion").isNull()).isTrue();
        assertThat(nothing.path("title").asString()).isEqualTo("Nothing to roll back");
        assertThat(nothing.path("detail").asString()).isEqualTo("Deployment '" + name
                + "' has served only version 1 since it was created; there is no previous version to roll back to");
        assertThat(unknown.path("detail").asString()).isEqualTo("There is no deployment named 'no-such-deployment'");
        assertThat(post(endpoint, JSON.writeValueAsString(record(0))).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldDocumentTheEndpointsInOpenApi() throws Exception {
        JsonNode paths = JSON.readTree(get("/v3/api-docs").body()).path("paths");

        assertThat(paths.has("/api/score/{name}")).isTrue();
        assertThat(paths.path("/api/score/{name}").path("post").path("responses").has("422")).isTrue();
        assertThat(paths.has("/api/deployments")).isTrue();
        assertThat(paths.has("/api/deployments/{name}")).isTrue();
        assertThat(paths.path("/api/deployments/{name}/rollback").path("post").path("responses").has("409")).isTrue();
        assertThat(paths.has("/api/models/{id}/versions/{version}/deploy")).isTrue();
        assertThat(paths.has("/api/models/{id}/versions/{version}/pmml")).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldNameANullFieldTheModelCannotScoreAndPassNullsItDoesNotUse() throws Exception {
        Map<String, Object> usedNull = record(1);
        usedNull.put("checking_status", null);
        DeploymentView strict = deploy(ModelFixture.CREDIT_GBDT_STRICT);
        Map<String, Object> strictRow = ModelFixture.CREDIT_GBDT_STRICT.expectedRows().getFirst();
        Map<String, Object> unusedNull = new LinkedHashMap<>((Map<String, Object>) strictRow.get("record"));
        unusedNull.put("job", null); // a raw column of that model, but none of its trees splits on it

        JsonNode problem = problem(post(endpoint, JSON.writeValueAsString(List.of(record(0), usedNull))), 422);
        HttpResponse<String> scored = post(strict.endpointPath(), JSON.writeValueAsString(unusedNull));

        assertThat(problem.path("detail").asString()).isEqualTo(
                "record 2: field 'checking_status' is null, and the model cannot score a missing value for it");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("checking_status");
        assertThat(scored.statusCode()).isEqualTo(200);
        assertMatchesSpark(JSON.readTree(scored.body()).path("predictions").get(0), strictRow);
    }

    /**
     * Prometheus reads, per deployment and version, how many requests succeeded or failed and how many records were
     * scored, with latency buckets; only an administrator may read them. The studio reads the same figures.
     */
    @Test
    void shouldCountEveryScoringRequestOfTheDeploymentVersionForPrometheus() throws Exception {
        String name = endpoint.substring("/api/score/".length());
        List<Object> batch = expectedRows.stream().map(r -> r.get("record")).toList();
        Map<String, Object> missingField = record(0);
        missingField.remove("duration");
        for (int i = 0; i < 3; i++) {
            assertThat(post(endpoint, JSON.writeValueAsString(record(i))).statusCode()).isEqualTo(200);
        }
        assertThat(post(endpoint, JSON.writeValueAsString(batch)).statusCode()).isEqualTo(200);
        assertThat(post(endpoint, JSON.writeValueAsString(missingField)).statusCode()).isEqualTo(400);

        Api.Response metrics = Api.asAdmin(port).get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        String tags = "deployment=\"" + name + "\",outcome=\"%s\",version=\"1\",workspace=\"default\"";
        assertThat(sample(metrics.text(), "easel_scoring_requests_seconds_count", tags.formatted("success")))
                .isEqualTo(4);
        assertThat(sample(metrics.text(), "easel_scoring_requests_seconds_count", tags.formatted("client_error")))
                .isEqualTo(1);
        assertThat(sample(metrics.text(), "easel_scoring_requests_seconds_count", tags.formatted("server_error")))
                .isEqualTo(0);
        assertThat(sample(metrics.text(), "easel_scoring_records_total",
                "deployment=\"" + name + "\",version=\"1\",workspace=\"default\"")).isEqualTo(3 + batch.size());
        assertThat(sample(metrics.text(), "easel_scoring_requests_seconds_bucket",
                tags.formatted("success") + ",le=\"+Inf\"")).isEqualTo(4);
        ScoringFigures figures = scoring.figures(WorkspaceRef.DEFAULT, deployments.get(WorkspaceRef.DEFAULT, name));
        assertThat(figures.requests()).isEqualTo(5);
        assertThat(figures.errors()).isEqualTo(1);
        assertThat(figures.errorPercent()).isCloseTo(20.0, within(1e-9));
        assertThat(figures.p99Millis()).isPositive().isLessThan(30_000.0);
        assertThat(Api.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).withKey(apiKey).get("/actuator/prometheus").status()).isEqualTo(403);
    }

    @Test
    void shouldDropTheMetersOfAnUndeployedDeploymentAndCountAFreshOneFromZero() throws Exception {
        String name = "metered-" + UUID.randomUUID().toString().substring(0, 8);
        String scoring = "/api/score/" + name;
        String tags = "deployment=\"" + name + "\",outcome=\"success\",version=\"1\",workspace=\"default\"";
        assertThat(post("/api/models/" + modelId + "/versions/1/deploy", "{\"name\": \"" + name + "\"}")
                .statusCode()).isEqualTo(201);
        for (int i = 0; i < 2; i++) {
            assertThat(post(scoring, JSON.writeValueAsString(record(i))).statusCode()).isEqualTo(200);
        }
        assertThat(sample(Api.asAdmin(port).get("/actuator/prometheus").text(),
                "easel_scoring_requests_seconds_count", tags)).isEqualTo(2);

        assertThat(HTTP.send(request("/api/deployments/" + name).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        String afterUndeploy = Api.asAdmin(port).get("/actuator/prometheus").text();
        assertThat(afterUndeploy).as("no series of a deployment that is gone").doesNotContain(
                "deployment=\"" + name + "\"");

        assertThat(post("/api/models/" + modelId + "/versions/1/deploy", "{\"name\": \"" + name + "\"}")
                .statusCode()).isEqualTo(201);
        assertThat(post(scoring, JSON.writeValueAsString(record(0))).statusCode()).isEqualTo(200);
        assertThat(sample(Api.asAdmin(port).get("/actuator/prometheus").text(),
                "easel_scoring_requests_seconds_count", tags)).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> record(int row) {
        return new LinkedHashMap<>((Map<String, Object>) expectedRows.get(row).get("record"));
    }

    @SuppressWarnings("unchecked")
    private static void assertMatchesSpark(JsonNode prediction, Map<String, Object> expected) {
        Map<String, Double> probabilities = (Map<String, Double>) expected.get("probabilities");
        assertThat(prediction.path("prediction").asString()).isEqualTo(expected.get("prediction"));
        assertThat(prediction.path("probabilities").propertyNames()).containsExactly("good", "bad");
        assertThat(prediction.path("probabilities").path("good").asDouble())
                .isCloseTo(probabilities.get("good"), within(TOLERANCE));
        assertThat(prediction.path("probabilities").path("bad").asDouble())
                .isCloseTo(probabilities.get("bad"), within(TOLERANCE));
        assertThat(prediction.path("score").asDouble()).isCloseTo(probabilities.get("bad"), within(TOLERANCE));
    }

    private JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every request authenticates as a client of a deployment would: with an API key of its workspace. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + apiKey);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
