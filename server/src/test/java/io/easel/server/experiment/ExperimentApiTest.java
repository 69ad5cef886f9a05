package io.easel.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.graph.Note;
import io.easel.server.Api;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ServerTest
class ExperimentApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = Api.asAdmin(port);
    }

    private JsonNode create(String name, ExperimentGraph graph) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "made by " + getClass().getSimpleName());
        body.put("graph", graph);
        Api.Response created = api.post("/api/experiments", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body();
    }

    private static Map<String, Object> changes(JsonNode experiment, String name, ExperimentGraph graph) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", experiment.get("version").asLong());
        body.put("name", name);
        body.put("description", experiment.path("description").asString(null));
        body.put("graph", graph);
        return body;
    }

    @Test
    void shouldCreateReadListUpdateAndDeleteAnExperiment() {
        JsonNode created = create("Credit split", Graphs.creditSplit(0.8));
        String id = created.get("id").asString();
        assertThat(created.get("version").asLong()).isZero();
        assertThat(created.at("/validation/errors")).isEmpty();

        JsonNode read = api.get("/api/experiments/" + id).body();
        assertThat(read.get("name").asString()).isEqualTo("Credit split");
        assertThat(read.at("/graph/nodes")).hasSize(2);
        assertThat(read.at("/graph/nodes/1/params/fraction").asDouble()).isEqualTo(0.8);
        assertThat(read.at("/graph/edges/0/from/node").asString()).isEqualTo("data");
        assertThat(read.get("createdAt").asString()).isEqualTo(created.get("createdAt").asString());

        assertThat(api.get("/api/experiments").body().valueStream().map(e -> e.get("id").asString()))
                .contains(id);

        Api.Response saved = api.put("/api/experiments/" + id, changes(read, "Credit split v2",
                Graphs.creditSplit(0.7)));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.body().get("version").asLong()).isEqualTo(1);
        JsonNode reread = api.get("/api/experiments/" + id).body();
        assertThat(reread.get("name").asString()).isEqualTo("Credit split v2");
        assertThat(reread.at("/graph/nodes/1/params/fraction").asDouble()).isEqualTo(0.7);

        assertThat(api.delete("/api/experiments/" + id).status()).isEqualTo(204);
        Api.Response gone = api.get("/api/experiments/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().get("title").asString()).isEqualTo("Experiment not found");
        assertThat(gone.problemDetail()).contains(id);
    }

    @Test
    void shouldKeepCanvasNotesThroughSaveAndReload() {
        ExperimentGraph split = Graphs.creditSplit(0.8);
        ExperimentGraph noted = new ExperimentGraph(split.formatVersion(), split.nodes(), split.edges(),
                List.of(new Note("note-1", "Stratify?\nThe classes are 70/30.", new Node.Position(320, 40))));
        String id = create("Noted", noted).get("id").asString();

        JsonNode read = api.get("/api/experiments/" + id).body();

        assertThat(read.at("/graph/notes/0/text").asString()).isEqualTo("Stratify?\nThe classes are 70/30.");
        assertThat(read.at("/graph/notes/0/position/x").asDouble()).isEqualTo(320);
        assertThat(read.at("/validation/errors")).isEmpty();
    }

    @Test
    void shouldCloneIntoAnIndependentCopy() {
        JsonNode original = create("Original", Graphs.creditSplit(0.8));
        String originalId = original.get("id").asString();

        Api.Response cloned = api.post("/api/experiments/" + originalId + "/clone", null);
        assertThat(cloned.status()).as(cloned.text()).isEqualTo(201);
        JsonNode copy = cloned.body();
        String copyId = copy.get("id").asString();
        assertThat(copyId).isNotEqualTo(originalId);
        assertThat(copy.get("name").asString()).isEqualTo("Original (copy)");
        assertThat(copy.get("graph")).isEqualTo(original.get("graph"));

        api.put("/api/experiments/" + copyId, changes(copy, "Changed copy", Graphs.creditSplit(0.5)));
        JsonNode originalAfter = api.get("/api/experiments/" + originalId).body();
        assertThat(originalAfter.get("name").asString()).isEqualTo("Original");
        assertThat(originalAfter.at("/graph/nodes/1/params/fraction").asDouble()).isEqualTo(0.8);
        assertThat(originalAfter.get("version").asLong()).isZero();

        api.delete("/api/experiments/" + originalId);
        assertThat(api.get("/api/experiments/" + copyId).status()).isEqualTo(200);

        Api.Response named = api.post("/api/experiments/" + copyId + "/clone", Map.of("name", "Named clone"));
        assertThat(named.body().get("name").asString()).isEqualTo("Named clone");
    }

    @Test
    void shouldRefuseSaveFromStaleCopyWith409NamingTheVersions() {
        JsonNode experiment = create("Shared", Graphs.creditSplit(0.8));
        String id = experiment.get("id").asString();
        JsonNode aliceCopy = api.get("/api/experiments/" + id).body();
        JsonNode bobCopy = api.get("/api/experiments/" + id).body();

        Api.Response alice = api.put("/api/experiments/" + id, changes(aliceCopy, "Alice's", Graphs.creditSplit(0.6)));
        assertThat(alice.status()).isEqualTo(200);
        Api.Response bob = api.put("/api/experiments/" + id, changes(bobCopy, "Bob's", Graphs.creditSplit(0.9)));

        assertThat(bob.status()).isEqualTo(409);
        assertThat(bob.body().get("expectedVersion").asLong()).isZero();
        assertThat(bob.body().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(bob.problemDetail()).contains("version 0").contains("version 1");
        JsonNode stored = api.get("/api/experiments/" + id).body();
        assertThat(stored.get("name").asString()).isEqualTo("Alice's");
        assertThat(stored.at("/graph/nodes/1/params/fraction").asDouble()).isEqualTo(0.6);
    }

    @Test
    void shouldSaveInvalidDraftAndReportErrorsByNodeAndParam() {
        JsonNode draft = create("Draft", Graphs.creditSplit(1.5));
        JsonNode errors = draft.at("/validation/errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("nodeId").asString()).isEqualTo("split");
        assertThat(errors.get(0).get("param").asString()).isEqualTo("fraction");
        assertThat(errors.get(0).get("code").asString()).isEqualTo("INVALID_PARAM");
        assertThat(api.get("/api/experiments/" + draft.get("id").asString()).body()
                .at("/graph/nodes/1/params/fraction").asDouble()).isEqualTo(1.5);
    }

    @Test
    void shouldValidateGraphWithoutSavingAndInferColumnsForPickers() {
        Api.Response valid = api.post("/api/experiments/validate", Graphs.creditSplit(0.8));
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.body().get("errors")).isEmpty();
        JsonNode columns = valid.body().at("/specs/split/train/columns");
        assertThat(columns.valueStream().map(c -> c.get("name").asString())).contains("class", "age");

        ExperimentGraph unknownComponent = Graphs.single(Node.of("x", "no-such-component", Map.of()));
        JsonNode errors = api.post("/api/experiments/validate", unknownComponent).body().get("errors");
        assertThat(errors.get(0).get("nodeId").asString()).isEqualTo("x");
        assertThat(errors.get(0).get("code").asString()).isEqualTo("UNKNOWN_COMPONENT");
    }

    @Test
    void shouldAnswerBadInputWithProblemDetailsNotServerErrors() {
        Api.Response malformed = api.postRaw("/api/experiments", "{\"name\": \"x\", \"graph\": {\"nodes\": [");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("title").asString()).isEqualTo("Malformed request body");
        assertThat(malformed.problemDetail()).isNotBlank().doesNotContain("tools.jackson");

        Api.Response edgeWithoutTarget = api.postRaw("/api/experiments",
                "{\"name\": \"x\", \"graph\": {\"formatVersion\": 1, \"nodes\": [], \"edges\": [{\"from\": "
                        + "{\"node\": \"a\", \"port\": \"out\"}}]}}");
        assertThat(edgeWithoutTarget.status()).isEqualTo(400);
        assertThat(edgeWithoutTarget.problemDetail()).contains("graph.edges[0]").contains("to");

        Api.Response blankName = api.post("/api/experiments", Map.of("name", " "));
        assertThat(blankName.status()).isEqualTo(400);
        assertThat(blankName.problemDetail()).contains("name");

        Api.Response missingVersion = api.put("/api/experiments/" + create("V", ExperimentGraph.empty())
                .get("id").asString(), Map.of("name", "n", "graph", ExperimentGraph.empty()));
        assertThat(missingVersion.status()).isEqualTo(400);
        assertThat(missingVersion.problemDetail()).contains("version");

        Api.Response notAnId = api.get("/api/experiments/not-a-uuid");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.body().has("trace")).isFalse();

        Api.Response unknownPath = api.get("/api/no-such-thing");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.body().has("title")).isTrue();

        assertThat(List.of(malformed, edgeWithoutTarget, blankName, missingVersion, notAnId, unknownPath))
                .allSatisfy(r -> assertThat(r.text()).doesNotContain("at io.easel", "at org.springframework"));
    }
}
