package io.easel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.graph.ExperimentGraph;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The whole product over HTTP, as a user's client would drive it: create the credit-scoring experiment, run it on
 * the real engine (a Spark driver child process in local mode), read its results, deploy the trained model and
 * score raw records, which must get exactly the predictions Spark made for them.
 */
@ServerTest
class CreditScoringApiEndToEndTest {

    private static final List<String> NODES = List.of("data", "convert", "split", "gbdt", "predict", "evaluate",
            "importance");

    @LocalServerPort
    int port;

    @Test
    void shouldRunDeployAndScoreAsSparkDid() throws IOException {
        Api api = Api.asAdmin(port);
        ExperimentGraph graph;
        try (InputStream in = getClass().getResourceAsStream("/experiments/credit-scoring.json")) {
            graph = Api.JSON.readValue(in, ExperimentGraph.class);
        }
        Api.Response created = api.post("/api/experiments", Map.of("name", "Credit scoring", "graph", graph));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().at("/validation/errors")).as(created.text()).isEmpty();
        String experimentId = created.body().get("id").asString();

        // Run it on the engine and wait for the end.
        JsonNode run = api.runToEnd(experimentId);
        String runId = run.get("id").asString();
        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("sparkAppId").asString()).isNotBlank();
        for (String node : NODES) {
            assertThat(run.at("/nodes/" + node + "/state").asString()).as(node).isEqualTo("succeeded");
        }
        assertThat(api.get("/api/experiments/" + experimentId + "/runs").body().get(0).get("id").asString())
                .isEqualTo(runId);

        JsonNode evaluation = api.get("/api/runs/" + runId + "/nodes/evaluate").body();
        assertThat(evaluation.at("/outputs/report/metrics/auc").asDouble()).isGreaterThan(0.7);
        assertThat(api.get("/api/runs/" + runId + "/nodes/importance").body().at("/outputs/out/rowCount").asLong())
                .isEqualTo(20);

        // The model the run exported, deployed.
        JsonNode model = api.get("/api/models").body().valueStream()
                .filter(m -> m.get("experimentId").asString().equals(experimentId)
                        && m.get("nodeId").asString().equals("gbdt"))
                .findFirst().orElseThrow(() -> new AssertionError("the run's model was not registered"));
        JsonNode version = model.get("versions").get(0);
        assertThat(version.get("runId").asString()).isEqualTo(runId);
        Api.Response deployed = api.post("/api/models/" + model.get("id").asString() + "/versions/"
                + version.get("version").asInt() + "/deploy", Map.of("name", "credit-e2e"));
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(201);
        String endpoint = deployed.body().get("endpointPath").asString();
        JsonNode inputs = deployed.body().get("inputs");

        // Raw records: the original credit_g columns of the rows Spark scored in the predict node's sample.
        JsonNode scored = api.get("/api/runs/" + runId + "/nodes/predict").body().at("/outputs/out");
        List<String> columns = scored.at("/spec/columns").valueStream().map(c -> c.get("name").asString()).toList();
        List<JsonNode> rows = scored.get("sampleRows").valueStream().toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
        List<Map<String, Object>> records = new ArrayList<>();
        for (JsonNode row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (JsonNode input : inputs) {
                String name = input.get("name").asString();
                JsonNode value = row.get(columns.indexOf(name));
                record.put(name, switch (input.get("type").asString()) {
                    case "integer", "long" -> value.asLong(); // type-conversion made them doubles; credit_g has ints
                    case "double" -> value.asDouble();
                    default -> value.asString();
                });
            }
            records.add(record);
        }
        Api.Response answer = api.post(endpoint, records);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);

        JsonNode gbdt = api.get("/api/runs/" + runId + "/nodes/gbdt").body().at("/outputs/model/metrics");
        String negative = gbdt.get("negativeLabel").asString();
        String positive = gbdt.get("positiveLabel").asString();
        JsonNode predictions = answer.body().get("predictions");
        assertThat(predictions).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            JsonNode pmml = predictions.get(i);
            JsonNode sparkProbability = row.get(columns.indexOf("probability"));
            assertThat(pmml.get("prediction").asString()).as("row %s", i)
                    .isEqualTo(row.get(columns.indexOf("prediction")).asString());
            assertThat(pmml.at("/probabilities/" + negative).asDouble()).as("row %s", i)
                    .isCloseTo(sparkProbability.get(0).asDouble(), within(1e-9));
            assertThat(pmml.at("/probabilities/" + positive).asDouble()).as("row %s", i)
                    .isCloseTo(sparkProbability.get(1).asDouble(), within(1e-9));
            assertThat(pmml.get("score").asDouble()).as("row %s", i)
                    .isCloseTo(row.get(columns.indexOf("score")).asDouble(), within(1e-9));
        }
    }
}
