package io.easel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
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
 * A plugin jar of components, end to end, as an administrator installs it (copied into the plugins directory, see
 * {@link ExamplePlugin}): its z-score component is in the catalog, experiments using it are validated with its
 * declared rules, a run of it succeeds on the real engine (the jar on the driver's class path), and a model trained
 * downstream of it, deployed, scores raw records exactly as Spark did, the z-scores recomputed in PMML.
 */
@ServerTest
class PluginApiEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void shouldListThePluginsComponentInTheCatalog() {
        Api api = Api.asAdmin(port);

        JsonNode zScore = api.get("/api/catalog/" + ExamplePlugin.COMPONENT).body();

        assertThat(zScore.at("/title/en").asString()).isEqualTo("Z-score");
        assertThat(zScore.at("/title/zh").asString()).contains("标准分");
        assertThat(zScore.get("params").valueStream().map(p -> p.get("name").asString())).containsExactly("columns");
        assertThat(api.get("/api/catalog").body().get("components").valueStream().map(c -> c.get("id").asString()))
                .contains(ExamplePlugin.COMPONENT, "sample-dataset", "linear-regression");
    }

    @Test
    void shouldValidateAnExperimentWithThePluginsComponentByItsDeclaredRules() {
        Api api = Api.asAdmin(port);
        ExperimentGraph textColumn = new ExperimentGraph(ExperimentGraph.FORMAT_VERSION,
                List.of(Node.of("data", "sample-dataset", Map.of("dataset", "credit_g")),
                        Node.of("zscore", ExamplePlugin.COMPONENT, Map.of("columns", List.of("age", "purpose")))),
                List.of(Edge.of("data", "out", "zscore", "in")));

        JsonNode refused = api.post("/api/experiments/validate", textColumn).body();

        assertThat(refused.get("errors")).hasSize(1);
        assertThat(refused.at("/errors/0/nodeId").asString()).isEqualTo("zscore");
        assertThat(refused.at("/errors/0/param").asString()).isEqualTo("columns");
        assertThat(refused.at("/errors/0/message").asString()).contains("purpose");

        JsonNode valid = api.post("/api/experiments/validate", experiment()).body();
        assertThat(valid.get("errors")).as(valid.toString()).isEmpty();
        assertThat(valid.at("/specs/zscore/out/columns").valueStream().map(c -> c.get("name").asString() + ":"
                + c.get("type").asString())).contains("age:double", "age_zscore:double", "s5_zscore:double");
    }

    @Test
    void shouldRunThePluginsComponentOnTheEngineAndServeAModelTrainedOnItsScores() {
        Api api = Api.asAdmin(port);
        Api.Response created = api.post("/api/experiments", Map.of("name", "Diabetes on z-scores",
                "graph", experiment()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String experimentId = created.body().get("id").asString();

        JsonNode run = api.runToEnd(experimentId);
        String runId = run.get("id").asString();
        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("succeeded");

        JsonNode scores = api.get("/api/runs/" + runId + "/nodes/zscore").body().at("/outputs/out");
        assertThat(scores.get("rowCount").asLong()).isEqualTo(442);
        List<String> columns = scores.at("/spec/columns").valueStream().map(c -> c.get("name").asString()).toList();
        assertThat(columns).endsWith("age_zscore", "bmi_zscore", "bp_zscore", "s5_zscore");

        JsonNode model = api.get("/api/models").body().valueStream()
                .filter(m -> m.get("experimentId").asString().equals(experimentId))
                .findFirst().orElseThrow(() -> new AssertionError("the run's model was not registered"));
        JsonNode version = model.get("versions").get(0);
        Api.Response deployed = api.post("/api/models/" + model.get("id").asString() + "/versions/"
                + version.get("version").asInt() + "/deploy", Map.of("name", "diabetes-z-scores"));
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(201);
        JsonNode inputs = deployed.body().get("inputs");
        assertThat(inputs.valueStream().map(i -> i.get("name").asString())).contains("age", "bmi")
                .doesNotContain("age_zscore");

        JsonNode predicted = api.get("/api/runs/" + runId + "/nodes/predict").body().at("/outputs/out");
        List<String> predictedColumns = predicted.at("/spec/columns").valueStream()
                .map(c -> c.get("name").asString()).toList();
        List<JsonNode> rows = predicted.get("sampleRows").valueStream().toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
        List<Map<String, Object>> records = new ArrayList<>();
        for (JsonNode row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            inputs.forEach(input -> record.put(input.get("name").asString(),
                    row.get(predictedColumns.indexOf(input.get("name").asString())).asDouble()));
            records.add(record);
        }
        Api.Response answer = api.post(deployed.body().get("endpointPath").asString(), records);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        for (int i = 0; i < rows.size(); i++) {
            double spark = rows.get(i).get(predictedColumns.indexOf("prediction")).asDouble();
            assertThat(answer.body().at("/predictions/" + i + "/prediction").asDouble()).as("row %s", i)
                    .isCloseTo(spark, within(1e-9 * Math.max(1, Math.abs(spark))));
        }
    }

    private static ExperimentGraph experiment() {
        try (InputStream in = PluginApiEndToEndTest.class.getResourceAsStream("/experiments/z-score-regression.json")) {
            return Api.JSON.readValue(in, ExperimentGraph.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
