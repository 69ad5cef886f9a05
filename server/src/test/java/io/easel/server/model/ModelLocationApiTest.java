package io.easel.server.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.server.Api;
import io.easel.server.ServerTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/**
 * A score-with-model node reads only a model version of its own workspace (or a file under the data roots): a
 * location typed by hand that names another workspace's model, or any other file, is refused before the run starts,
 * on the node and its {@code model} param, as a source's path outside the data roots is.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelLocationApiTest {

    private static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ModelStore store;

    Api alice;
    Api bob;
    /** The PMML of a model version of alice's workspace, as the version shows it. */
    String alicesPmml;

    @BeforeAll
    void twoWorkspacesAndAModelInTheFirst() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Api admin = Api.asAdmin(port);
        String slugA = "ml-a-" + suffix;
        String slugB = "ml-b-" + suffix;
        Api.Response a = admin.post("/api/workspaces", Map.of("slug", slugA, "name", slugA));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(admin.post("/api/workspaces", Map.of("slug", slugB, "name", slugB)).status()).isEqualTo(201);
        alice = user(admin, "ml-alice-" + suffix, slugA).inWorkspace(slugA);
        bob = user(admin, "ml-bob-" + suffix, slugB).inWorkspace(slugB);

        UUID runId = UUID.randomUUID();
        alicesPmml = ModelFixture.CREDIT_GBDT.writeToStore(store, runId);
        events.publishEvent(ModelFixture.CREDIT_GBDT.notice(UUID.fromString(a.body().get("id").asString()),
                UUID.randomUUID(), "Credit", runId, alicesPmml, true));
    }

    @Test
    void shouldRefuseToScoreWithAnotherWorkspacesModelHoweverItsLocationIsSpelled() {
        String hadoopSpelling = alicesPmml.replace("file:///", "file:/");
        String plainPath = java.nio.file.Path.of(java.net.URI.create(alicesPmml)).toString();
        for (String location : List.of(alicesPmml, hadoopSpelling, plainPath)) {
            JsonNode error = refusedRun(bob, location);

            assertThat(error.get("nodeId").asString()).isEqualTo("score");
            assertThat(error.get("param").asString()).isEqualTo("model");
            assertThat(error.get("code").asString()).isEqualTo("PATH_NOT_ALLOWED");
            assertThat(error.get("message").asString()).as(location).isEqualTo("Node 'score' (score-with-model): "
                    + "param 'model': '" + location + "' is not the PMML of a model version of this workspace; use "
                    + "the PMML location shown on one of its model versions");
        }
    }

    @Test
    void shouldRefuseAModelFileOutsideTheModelStoreAndTheDataRoots() {
        String climbing = store.root() + "../postgres/postgresql.conf";
        String unregistered = store.root() + UUID.randomUUID().toString() + "/gbdt/model.pmml";
        for (String location : List.of("/etc/passwd", climbing, unregistered)) {
            JsonNode error = refusedRun(alice, location);

            assertThat(error.get("param").asString()).as(location).isEqualTo("model");
            assertThat(error.get("code").asString()).isEqualTo("PATH_NOT_ALLOWED");
        }
        assertThat(refusedRun(alice, "/etc/passwd").get("message").asString())
                .startsWith("Node 'score' (score-with-model): param 'model': ").contains("/etc/passwd");
    }

    @Test
    void shouldScoreWithAModelVersionOfItsOwnWorkspace() {
        JsonNode run = alice.runToEnd(experiment(alice, alicesPmml));

        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("succeeded");
        JsonNode scored = alice.get("/api/runs/" + run.get("id").asString() + "/nodes/score").body()
                .at("/outputs/out");
        assertThat(scored.get("rowCount").asLong()).isEqualTo(1000);
    }

    /**
     * The one error of a run of "credit_g → score with {@code location}" that is refused before it starts, which the
     * saved experiment's validation (what the canvas flags) already holds.
     */
    private static JsonNode refusedRun(Api api, String location) {
        String experiment = experiment(api, location);
        JsonNode flagged = api.get("/api/experiments/" + experiment).body().at("/validation/errors");
        Api.Response run = api.post("/api/experiments/" + experiment + "/runs", null);
        assertThat(run.status()).as(location + ": " + run.text()).isEqualTo(422);
        assertThat(run.body().get("errors")).hasSize(1);
        JsonNode refused = run.body().at("/errors/0");
        assertThat(flagged).as("flagged before Run").singleElement().satisfies(error -> {
            assertThat(error.get("nodeId")).isEqualTo(refused.get("nodeId"));
            assertThat(error.get("param")).isEqualTo(refused.get("param"));
            assertThat(error.get("code")).isEqualTo(refused.get("code"));
            assertThat(error.get("message")).isEqualTo(refused.get("message"));
        });
        return refused;
    }

    private static String experiment(Api api, String location) {
        ExperimentGraph graph = new ExperimentGraph(ExperimentGraph.FORMAT_VERSION,
                List.of(Node.of("data", "sample-dataset", Map.of("dataset", "credit_g")).at(40, 40),
                        Node.of("score", BatchScoring.SCORE_COMPONENT, Map.of("model", location)).at(40, 160)),
                List.of(Edge.of("data", "out", "score", "in")));
        Api.Response created = api.post("/api/experiments", Map.of("name", "Scores with " + location, "graph", graph));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private Api user(Api admin, String username, String slug) {
        Api.Response created = admin.post("/api/admin/users", Map.of("username", username, "password", PASSWORD,
                "workspaces", Map.of(slug, "analyst")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return Api.anonymous(port).as(username, PASSWORD);
    }
}
