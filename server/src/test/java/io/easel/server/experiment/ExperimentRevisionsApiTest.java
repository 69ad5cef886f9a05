package io.easel.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.graph.ExperimentGraph;
import io.easel.server.Api;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every save keeps a revision; restoring one adds another; two saves from one version never lose either. */
@ServerTest
class ExperimentRevisionsApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = Api.asAdmin(port);
    }

    private JsonNode create(String name, ExperimentGraph graph) {
        Api.Response created = api.post("/api/experiments", Map.of("name", name, "graph", graph));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body();
    }

    private Api.Response save(JsonNode experiment, ExperimentGraph graph, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", experiment.get("version").asLong());
        body.put("name", experiment.get("name").asString());
        body.put("graph", graph);
        body.putAll(extra);
        return api.put("/api/experiments/" + experiment.get("id").asString(), body);
    }

    private JsonNode saved(JsonNode experiment, ExperimentGraph graph, Map<String, Object> extra) {
        Api.Response saved = save(experiment, graph, extra);
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        return saved.body();
    }

    private JsonNode revisions(JsonNode experiment) {
        return api.get("/api/experiments/" + experiment.get("id").asString() + "/revisions").body();
    }

    @Test
    void shouldKeepARevisionForEverySaveThatChangesTheGraph() {
        JsonNode experiment = create("Revised", Graphs.creditSplit(0.8));
        assertThat(experiment.get("revision").asInt()).isEqualTo(1);
        assertThat(experiment.get("owner").asString()).isEqualTo(Api.ADMIN);

        experiment = saved(experiment, Graphs.creditSplit(0.7), Map.of("message", "less training data"));
        experiment = saved(experiment, Graphs.creditSplit(0.7), Map.of());
        experiment = saved(experiment, Graphs.creditSplit(0.6), Map.of());

        assertThat(experiment.get("revision").asInt()).isEqualTo(3);
        JsonNode revisions = revisions(experiment);
        assertThat(revisions.valueStream().map(r -> r.get("number").asInt())).containsExactly(3, 2, 1);
        assertThat(revisions.get(1).get("message").asString()).isEqualTo("less training data");
        assertThat(revisions.get(0).get("author").asString()).isEqualTo(Api.ADMIN);
        JsonNode second = api.get("/api/experiments/" + experiment.get("id").asString() + "/revisions/2").body();
        assertThat(second.at("/graph/nodes/1/params/fraction").asDouble()).isEqualTo(0.7);
        assertThat(api.get("/api/experiments/" + experiment.get("id").asString() + "/revisions/9").status())
                .isEqualTo(404);
    }

    @Test
    void shouldWriteAnAuthorsAutosavesIntoOneRevisionUntilAnExplicitSave() {
        JsonNode experiment = create("Autosaved", Graphs.creditSplit(0.8));
        for (double fraction : new double[] {0.75, 0.7, 0.65}) {
            experiment = saved(experiment, Graphs.creditSplit(fraction), Map.of("autosave", true));
        }
        JsonNode revisions = revisions(experiment);
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).get("autosave").asBoolean()).isTrue();
        assertThat(api.get("/api/experiments/" + experiment.get("id").asString() + "/revisions/2").body()
                .at("/graph/nodes/1/params/fraction").asDouble()).isEqualTo(0.65);

        experiment = saved(experiment, Graphs.creditSplit(0.6), Map.of());
        experiment = saved(experiment, Graphs.creditSplit(0.55), Map.of("autosave", true));

        revisions = revisions(experiment);
        assertThat(revisions.valueStream().map(r -> r.get("number").asInt())).containsExactly(3, 2, 1);
        assertThat(revisions.get(1).get("autosave").asBoolean()).as("kept by the explicit save").isFalse();
        assertThat(revisions.get(0).get("autosave").asBoolean()).isTrue();
    }

    @Test
    void shouldRestoreARevisionAsANewOneAndDiffAnyTwo() {
        JsonNode experiment = create("Restored", Graphs.creditSplit(0.8));
        String id = experiment.get("id").asString();
        experiment = saved(experiment, Graphs.creditSplit(0.5), Map.of());

        Api.Response restored = api.post("/api/experiments/" + id + "/revisions/1/restore",
                Map.of("version", experiment.get("version").asLong()));

        assertThat(restored.status()).as(restored.text()).isEqualTo(200);
        assertThat(restored.body().get("revision").asInt()).isEqualTo(3);
        assertThat(restored.body().at("/graph/nodes/1/params/fraction").asDouble()).isEqualTo(0.8);
        assertThat(revisions(restored.body()).get(0).get("restoredFrom").asInt()).isEqualTo(1);
        assertThat(api.get("/api/experiments/" + id + "/revisions/2").body()
                .at("/graph/nodes/1/params/fraction").asDouble()).as("nothing in between is lost").isEqualTo(0.5);

        JsonNode diff = api.get("/api/experiments/" + id + "/revisions/1/diff?to=2").body();
        assertThat(diff.get("addedNodes")).isEmpty();
        assertThat(diff.at("/changedNodes/0/nodeId").asString()).isEqualTo("split");
        assertThat(diff.at("/changedNodes/0/changes/0/field").asString()).isEqualTo("params.fraction");
        assertThat(diff.at("/changedNodes/0/changes/0/before").asDouble()).isEqualTo(0.8);
        assertThat(diff.at("/changedNodes/0/changes/0/after").asDouble()).isEqualTo(0.5);
        assertThat(api.get("/api/experiments/" + id + "/revisions/1/diff").body().get("changedNodes"))
                .as("revision 1 against the latest, its restored copy").isEmpty();

        Api.Response stale = api.post("/api/experiments/" + id + "/revisions/2/restore",
                Map.of("version", experiment.get("version").asLong()));
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void shouldRefuseTheSecondOfTwoSavesFromOneVersionAndLoseNeitherChange() {
        JsonNode base = create("Two tabs", Graphs.creditSplit(0.8));
        String id = base.get("id").asString();

        JsonNode first = saved(base, Graphs.creditSplit(0.6), Map.of("autosave", true));
        Api.Response second = save(base, Graphs.creditSplit(0.9), Map.of("autosave", true));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("title").asString()).isEqualTo("Experiment changed meanwhile");
        assertThat(second.body().get("currentVersion").asLong()).isEqualTo(first.get("version").asLong());
        assertThat(api.get("/api/experiments/" + id).body().at("/graph/nodes/1/params/fraction").asDouble())
                .as("the first save stands").isEqualTo(0.6);

        // The second tab keeps its change as a copy: both survive.
        Api.Response copy = api.post("/api/experiments", Map.of("name", "Two tabs (mine)", "graph",
                Graphs.creditSplit(0.9)));
        assertThat(copy.status()).isEqualTo(201);
        assertThat(api.get("/api/experiments/" + copy.body().get("id").asString()).body()
                .at("/graph/nodes/1/params/fraction").asDouble()).isEqualTo(0.9);
        // Or overwrites, knowingly: the first save stays among the revisions.
        JsonNode overwritten = saved(first, Graphs.creditSplit(0.9), Map.of());
        assertThat(overwritten.at("/graph/nodes/1/params/fraction").asDouble()).isEqualTo(0.9);
        assertThat(revisions(overwritten).valueStream().map(r -> r.get("number").asInt())).containsExactly(2, 1);
        assertThat(api.get("/api/experiments/" + id + "/revisions/1/diff?to=2").body()
                .at("/changedNodes/0/changes/0/after").asDouble()).isEqualTo(0.9);
    }

    @Test
    void shouldExportAFileThatImportsAsTheSameExperiment() {
        JsonNode experiment = create("Round trip", GraphDiffTest.creditScoring());
        String id = experiment.get("id").asString();
        saved(experiment, GraphDiffTest.creditScoring(), Map.of("tags", java.util.List.of("credit", "gbdt"),
                "description", "exported"));

        Api.Response exported = api.get("/api/experiments/" + id + "/export");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.raw().headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).contains("attachment").contains("Round-trip.easel.json"));
        assertThat(exported.body().get("formatVersion").asInt()).isEqualTo(1);
        assertThat(exported.body().has("id")).isFalse();

        Api.Response imported = api.postRaw("/api/experiments/import", exported.text());
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        assertThat(imported.body().get("name").asString()).isEqualTo("Round trip");
        assertThat(imported.body().get("tags").valueStream().map(JsonNode::asString)).containsExactly("credit",
                "gbdt");
        assertThat(imported.body().get("graph")).isEqualTo(api.get("/api/experiments/" + id).body().get("graph"));
        assertThat(imported.body().at("/validation/errors")).isEmpty();
    }

    @Test
    void shouldRefuseABrokenFileWithEveryProblemAtItsPathAndCreateNothing() {
        int before = api.get("/api/experiments").body().size();
        String broken = """
                {"formatVersion": 1, "name": "Broken",
                 "nodes": [
                   {"id": "data", "component": "sample-dataset", "params": {"dataset": "credit_g"}},
                   {"id": "split", "component": "random-splitt"},
                   {"id": "data", "component": "random-split", "colour": "red"},
                   {"component": "predict", "position": {"x": "left"}}
                 ],
                 "edges": [
                   {"from": {"node": "data", "port": "output"}, "to": {"node": "nowhere", "port": "in"}}
                 ]}""";

        Api.Response refused = api.postRaw("/api/experiments/import", broken);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("title").asString()).isEqualTo("Invalid experiment file");
        assertThat(refused.body().get("problems").valueStream()
                .map(p -> p.get("path").asString() + " " + p.get("code").asString() + " " + p.path("value").asString()))
                .containsExactlyInAnyOrder(
                        "$.nodes[1].component UNKNOWN_COMPONENT random-splitt",
                        "$.nodes[2].colour UNKNOWN_FIELD ",
                        "$.nodes[2].id DUPLICATE_NODE data",
                        "$.nodes[3].id MISSING ",
                        "$.nodes[3].position WRONG_TYPE {\"x\": number, \"y\": number}",
                        "$.edges[0].from.port UNKNOWN_PORT output",
                        "$.edges[0].to.node UNKNOWN_NODE nowhere");
        assertThat(refused.problemDetail()).startsWith("$.nodes[1].component: there is no component "
                + "'random-splitt' in the catalog").contains("6 more");

        Api.Response notJson = api.postRaw("/api/experiments/import", "{\"formatVersion\": 1, \"nodes\": [}");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().at("/problems/0/code").asString()).isEqualTo("NOT_JSON");
        assertThat(notJson.body().at("/problems/0/value").asString()).startsWith("line 1, column 3");

        Api.Response future = api.postRaw("/api/experiments/import?name=x", "{\"formatVersion\": 2, \"nodes\": []}");
        assertThat(future.body().at("/problems/0/path").asString()).isEqualTo("$.formatVersion");
        assertThat(future.body().at("/problems/0/code").asString()).isEqualTo("UNSUPPORTED_FORMAT");

        assertThat(api.get("/api/experiments").body().size()).as("nothing created").isEqualTo(before);
    }
}
