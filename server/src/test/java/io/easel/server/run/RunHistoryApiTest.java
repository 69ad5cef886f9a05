package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.component.ReportSpec;
import io.easel.component.SchemaRule;
import io.easel.graph.ExperimentGraph;
import io.easel.run.PortResult;
import io.easel.server.Api;
import io.easel.server.ServerTest;
import io.easel.server.catalog.CatalogService;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The run history of the breast-cancer model comparison: two runs of two revisions, their headline metrics, the
 * params that changed between them, the same evaluation's ROC curves to overlay, and the three models of one run side
 * by side. The runs' results are what an engine reports for them (the engine's own tests check the values).
 */
@ServerTest
class RunHistoryApiTest {

    private static final List<String> EVALUATIONS = List.of("evaluateLogistic", "evaluateForest", "evaluateGbdt");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext server;

    @Autowired
    CatalogService catalog;

    Api api;

    @BeforeEach
    void client() {
        api = Api.asAdmin(port);
    }

    /** The binary evaluation report an engine sends, with the catalog's own vocabulary (headlines, charts). */
    private PortResult evaluation(double auc) {
        ReportSpec spec = (ReportSpec) ((SchemaRule.Fixed) catalog.find("binary-classification-evaluation")
                .orElseThrow().output("report").orElseThrow().schema()).spec();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("auc", auc);
        metrics.put("ks", auc - 0.1);
        metrics.put("accuracy", 0.9);
        metrics.put("f1", 0.88);
        metrics.put("rows", 143);
        List<List<Double>> roc = List.of(List.of(0.0, 0.0), List.of(0.1, auc - 0.05), List.of(1.0, 1.0));
        return new PortResult(spec, null, null, metrics, Map.of("roc", roc, "confusionByThreshold",
                Map.of("columns", List.of("threshold"), "rows", List.of())), null);
    }

    private Map<String, Map<String, PortResult>> reports(double... aucs) {
        Map<String, Map<String, PortResult>> outputs = new LinkedHashMap<>();
        for (int i = 0; i < EVALUATIONS.size(); i++) {
            outputs.put(EVALUATIONS.get(i), Map.of("report", evaluation(aucs[i])));
        }
        // A split's sizes are a report about the data, not a measure of a model: history leaves them out.
        outputs.put("split", Map.of("sizes", new PortResult((ReportSpec) ((SchemaRule.Fixed) catalog
                .find("random-split").orElseThrow().output("sizes").orElseThrow().schema()).spec(), null, null,
                Map.of("train", 426, "test", 143), Map.of(), null)));
        return outputs;
    }

    private JsonNode fromTemplate() {
        Api.Response created = api.post("/api/experiments", Map.of("name", "Compared " + UUID.randomUUID(),
                "template", "breast-cancer-comparison"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body();
    }

    private ExperimentGraph graph(JsonNode experiment) {
        return Api.JSON.treeToValue(experiment.get("graph"), ExperimentGraph.class);
    }

    /** Saves the experiment with the forest grown deeper: revision 2. */
    private JsonNode deeperForest(JsonNode experiment) {
        ExperimentGraph graph = graph(experiment);
        ExperimentGraph deeper = graph.withNodes(graph.nodes().stream().map(n -> n.id().equals("forest")
                ? n.withParams(Map.of("labelColumn", "malignant", "numTrees", 20, "maxDepth", 8)) : n).toList());
        Api.Response saved = api.put("/api/experiments/" + experiment.get("id").asString(), Map.of("version",
                experiment.get("version").asLong(), "name", experiment.get("name").asString(), "graph", deeper));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        return saved.body();
    }

    private UUID run(JsonNode experiment, double... aucs) {
        return RunFixture.succeeded(server, UUID.fromString(experiment.get("workspaceId").asString()),
                UUID.fromString(experiment.get("id").asString()), experiment.get("revision").asInt(),
                graph(experiment), reports(aucs));
    }

    @Test
    void shouldListRunsNewestFirstWithRevisionDurationAndHeadlineMetricsOfTheirEvaluations() {
        JsonNode first = fromTemplate();
        UUID firstRun = run(first, 0.97, 0.95, 0.96);
        JsonNode second = deeperForest(first);
        UUID secondRun = run(second, 0.97, 0.98, 0.96);

        JsonNode history = api.get("/api/experiments/" + first.get("id").asString() + "/runs/history").body();

        assertThat(history.valueStream().map(r -> r.get("id").asString()))
                .containsExactly(secondRun.toString(), firstRun.toString());
        assertThat(history.valueStream().map(r -> r.get("revision").asInt())).containsExactly(2, 1);
        assertThat(history.valueStream().map(r -> r.get("trigger").asString())).containsOnly("manual");
        JsonNode latest = history.get(0);
        assertThat(latest.get("state").asString()).isEqualTo("succeeded");
        assertThat(latest.get("durationMillis").asLong()).as("never started: from the request to the end")
                .isEqualTo(Duration.between(Instant.parse(latest.get("createdAt").asString()),
                        Instant.parse(latest.get("finishedAt").asString())).toMillis());
        assertThat(latest.get("headlines").valueStream().map(h -> h.get("nodeId").asString()).distinct())
                .containsExactlyElementsOf(EVALUATIONS);
        JsonNode forestAuc = latest.get("headlines").valueStream().filter(h -> h.get("nodeId").asString()
                .equals("evaluateForest") && h.get("name").asString().equals("auc")).findFirst().orElseThrow();
        assertThat(forestAuc.get("value").asDouble()).isEqualTo(0.98);
        assertThat(forestAuc.at("/title/zh").asString()).isEqualTo("AUC");
        assertThat(forestAuc.get("label").asString()).isEqualTo("Random forest: evaluation");
        assertThat(latest.get("headlines").valueStream().map(h -> h.get("name").asString()))
                .as("headlines only, and no split sizes").containsOnly("auc", "ks", "accuracy", "f1");
    }

    @Test
    void shouldCompareTwoRunsParamsAndTheSameEvaluationsCurves() {
        JsonNode first = fromTemplate();
        UUID firstRun = run(first, 0.97, 0.95, 0.96);
        UUID secondRun = run(deeperForest(first), 0.97, 0.98, 0.96);

        Api.Response compared = api.get("/api/runs/" + firstRun + "/compare/" + secondRun);

        assertThat(compared.status()).as(compared.text()).isEqualTo(200);
        JsonNode body = compared.body();
        assertThat(body.at("/first/revision").asInt()).isEqualTo(1);
        assertThat(body.at("/second/revision").asInt()).isEqualTo(2);
        List<JsonNode> changed = body.get("nodes").valueStream().filter(n -> n.get("changed").asBoolean()).toList();
        assertThat(changed).extracting(n -> n.get("nodeId").asString()).containsExactly("forest");
        JsonNode depth = changed.getFirst().get("params").valueStream()
                .filter(p -> p.get("name").asString().equals("maxDepth")).findFirst().orElseThrow();
        assertThat(depth.get("first").asInt()).isEqualTo(5);
        assertThat(depth.get("second").asInt()).isEqualTo(8);
        assertThat(depth.get("changed").asBoolean()).isTrue();
        assertThat(body.get("nodes").valueStream().filter(n -> n.get("nodeId").asString().equals("split"))
                .findFirst().orElseThrow().get("presence").asString()).isEqualTo("both");

        JsonNode reports = body.get("reports");
        List<JsonNode> forest = reports.get("reports").valueStream()
                .filter(r -> r.get("nodeId").asString().equals("evaluateForest")).toList();
        assertThat(forest).extracting(r -> r.get("runId").asString())
                .containsExactly(firstRun.toString(), secondRun.toString());
        assertThat(forest).extracting(r -> r.at("/metrics/auc").asDouble()).containsExactly(0.95, 0.98);
        assertThat(forest.get(1).at("/curves/roc/1/1").asDouble()).isCloseTo(0.93, within(1e-12));
        assertThat(forest.get(1).get("curves").has("confusionByThreshold")).as("a table is no curve").isFalse();
        assertThat(reports.get("curves").valueStream().map(c -> c.get("name").asString())).contains("roc");
        assertThat(reports.get("metrics").valueStream().filter(m -> m.path("headline").asBoolean())
                .map(m -> m.get("name").asString())).containsExactly("auc", "ks", "accuracy", "f1");
    }

    @Test
    void shouldPutTheEvaluationsOfOneRunSideBySide() {
        JsonNode experiment = fromTemplate();
        UUID runId = run(experiment, 0.97, 0.95, 0.96);

        JsonNode reports = api.get("/api/runs/" + runId + "/reports").body();

        assertThat(reports.get("reports").valueStream().map(r -> r.get("nodeId").asString()))
                .containsExactlyElementsOf(EVALUATIONS);
        assertThat(reports.get("reports").valueStream().map(r -> r.at("/metrics/auc").asDouble()))
                .containsExactly(0.97, 0.95, 0.96);
        assertThat(reports.get("reports").valueStream().map(r -> r.get("reportKind").asString()).distinct())
                .containsExactly("binary-classification");
        JsonNode graph = api.get("/api/runs/" + runId + "/graph").body();
        assertThat(graph.get("nodes").size()).isEqualTo(11);
    }

    @Test
    void shouldAnswer404ForTheHistoryOfAnUnknownExperimentAndAComparisonWithAnUnknownRun() {
        JsonNode experiment = fromTemplate();
        UUID runId = run(experiment, 0.97, 0.95, 0.96);

        assertThat(api.get("/api/experiments/" + UUID.randomUUID() + "/runs/history").status()).isEqualTo(404);
        assertThat(api.get("/api/runs/" + runId + "/compare/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/api/runs/" + UUID.randomUUID() + "/reports").status()).isEqualTo(404);
    }
}
